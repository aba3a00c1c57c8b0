package coop.lattice.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The two walls example: both nodes start from their configuration files, trade, and serve their walls. */
class TwoWallsIT {
  @Test
  void twoNodesTradeAndServeTheirWalls(@TempDir Path dir) throws Exception {
    TwoWalls.Walls walls = TwoWalls.start(dir, TwoWalls.freePort(), TwoWalls.freePort());
    try {
      assertEquals(10, walls.addresses().size());
      for (String address : walls.addresses()) {
        boolean calendar = address.endsWith(".ics");
        String body = get(address, calendar ? "text/calendar" : "text/html");
        assertTrue(calendar ? body.startsWith("BEGIN:VCALENDAR") : body.startsWith("<!DOCTYPE html>"), address);
      }
      String coopLattice = get(walls.addresses().get(3), "text/html");
      assertTrue(coopLattice.contains("fixit") && coopLattice.contains("<td>8</td>"), coopLattice);
      String cafeLattice = get(walls.addresses().get(8), "text/html");
      assertTrue(cafeLattice.contains("riverside-food") && cafeLattice.contains("<td>8</td>"), cafeLattice);
      String ledger = get(walls.addresses().get(2), "text/html");
      assertTrue(ledger.contains("bo-the-baker gave 6 kg of food"), ledger);
      assertTrue(!ledger.contains(">cy<") && !ledger.contains(" cy "), "the member shown only in totals is not listed");
    } finally {
      walls.stop();
    }
  }

  private static String get(String address, String accept) throws Exception {
    HttpURLConnection c = (HttpURLConnection) URI.create(address).toURL().openConnection();
    c.setRequestProperty("Accept", accept);
    c.setRequestProperty("Accept-Language", "en");
    assertEquals(200, c.getResponseCode(), address);
    try (InputStream in = c.getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } finally {
      c.disconnect();
    }
  }
}
