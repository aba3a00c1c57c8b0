package coop.lattice.federation.mirror;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import coop.lattice.federation.FederationException;
import coop.lattice.federation.json.Json;
import coop.lattice.ledger.Entry;
import coop.lattice.ledger.LedgerJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A page of a ledger's entries as a node serves it to mirrors, {@code {"entries": [...]}} with each
 * entry's canonical JSON as a string: the one owner of that format, written and read here.
 */
public final class LedgerPage {
  /** The most entries one page holds. */
  public static final int MAX = 500;

  private LedgerPage() {}

  public static ObjectNode of(List<Entry> entries) {
    ObjectNode o = Json.object();
    ArrayNode a = o.putArray("entries");
    entries.forEach(e -> a.add(new String(LedgerJson.canonicalBytes(e), StandardCharsets.UTF_8)));
    return o;
  }

  /** The entries of a page; each must be in its strict canonical form, or decoding fails. */
  public static Entry[] read(byte[] body) {
    try {
      JsonNode list = Json.parseObject(body).path("entries");
      Entry[] out = new Entry[list.size()];
      for (int i = 0; i < out.length; i++) {
        out[i] = LedgerJson.decode(list.get(i).asText().getBytes(StandardCharsets.UTF_8), Entry.class);
      }
      return out;
    } catch (IOException e) {
      throw new FederationException("not a page of entries: " + e.getMessage(), e);
    }
  }
}
