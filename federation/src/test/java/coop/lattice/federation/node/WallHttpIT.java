package coop.lattice.federation.node;

import static org.assertj.core.api.Assertions.assertThat;

import coop.lattice.wall.CalendarTokens;
import coop.lattice.wall.Wall;
import coop.lattice.wall.seed.WallSeed;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The wall over HTTP on a real node: the same address gives a page to a browser and ActivityPub
 * JSON to a server, pages carry the strict policy, the node has a page at {@code /}, and the
 * calendars answer as they should.
 */
class WallHttpIT {
  @TempDir static Path dir;
  static WallNode wall;
  static final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    wall = new WallNode(dir);
  }

  @AfterAll
  static void stop() throws Exception {
    wall.stop();
  }

  static HttpResponse<String> get(String url, String accept) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url)).header("accept", accept)
        .header("accept-language", "fr-FR,fr;q=0.9").build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void oneAddressAPageForBrowsersAndJsonForServers() throws Exception {
    HttpResponse<String> page = get(wall.actor("riverside"), "text/html,application/xhtml+xml,*/*;q=0.8");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("content-type")).contains("text/html; charset=utf-8");
    assertThat(page.headers().firstValue("content-security-policy")).contains(Wall.CONTENT_SECURITY_POLICY);
    assertThat(page.headers().firstValue("x-content-type-options")).contains("nosniff");
    assertThat(page.headers().firstValue("content-language")).contains("fr");
    assertThat(page.headers().allValues("vary").toString()).contains("Accept");
    assertThat(page.body()).contains("Accords en vigueur");

    HttpResponse<String> actor = get(wall.actor("riverside"), "application/activity+json");
    assertThat(actor.statusCode()).isEqualTo(200);
    assertThat(actor.headers().firstValue("content-type")).contains("application/activity+json");
    assertThat(actor.body()).contains("\"type\":\"Group\"");

    HttpResponse<String> outbox = get(wall.actor("riverside") + "/outbox", "text/html");
    assertThat(outbox.body()).contains("Registre ouvert", "12,5 kg");
    assertThat(get(wall.actor("riverside") + "/outbox", "application/activity+json").body())
        .contains("OrderedCollection");
  }

  @Test
  void theNodeHasAPageAndOneStylesheet() throws Exception {
    HttpResponse<String> index = get(wall.base + "/", "text/html");
    assertThat(index.statusCode()).isEqualTo(200);
    assertThat(index.body()).contains("Riverside Food Co-op", wall.actor("riverside"));
    assertThat(get(wall.base + "/", "application/json").statusCode()).isEqualTo(404);
    HttpResponse<String> css = get(wall.base + "/wall.css", "text/css,*/*;q=0.1");
    assertThat(css.headers().firstValue("content-type")).contains("text/css; charset=utf-8");
    assertThat(css.body()).contains("@page { size: A3");
  }

  @Test
  void calendarsForTheCollectiveAndBehindATokenForAMember() throws Exception {
    HttpResponse<String> all = get(wall.actor("riverside") + "/calendar.ics", "*/*");
    assertThat(all.statusCode()).isEqualTo(200);
    assertThat(all.headers().firstValue("content-type")).contains("text/calendar; charset=utf-8");
    assertThat(all.body()).startsWith("BEGIN:VCALENDAR").contains("Dee Newcomer")
        .doesNotContain(WallSeed.HIDDEN.value(), WallSeed.FORMER_NAME);

    CalendarTokens tokens = wall.node.wall().calendarTokens();
    String token = tokens.issue(wall.collective("riverside").id(), WallSeed.DEE);
    HttpResponse<String> mine = get(wall.actor("riverside") + "/calendar/" + token + ".ics", "text/calendar");
    assertThat(mine.statusCode()).isEqualTo(200);
    assertThat(mine.headers().firstValue("cache-control")).contains("private, no-store");
    assertThat(mine.body()).contains("X-WR-CALNAME:Riverside Food Co-op : mes rôles");
    wall.restart();
    assertThat(get(wall.actor("riverside") + "/calendar/" + token + ".ics", "text/calendar").body())
        .as("the member's address works after the node restarts").isEqualTo(mine.body());

    HttpResponse<String> nothing = get(wall.actor("riverside") + "/nothing-here", "application/activity+json");
    for (String wrong : new String[] {token.substring(1) + "a", "0", token.toUpperCase(java.util.Locale.ROOT)}) {
      HttpResponse<String> r = get(wall.actor("riverside") + "/calendar/" + wrong + ".ics", "text/calendar");
      assertThat(r.statusCode()).isEqualTo(404);
      assertThat(r.body()).as("no hint whether the member exists").isEqualTo(nothing.body());
    }
    assertThat(get(wall.actor("a25-data") + "/calendar/" + token + ".ics", "*/*").statusCode())
        .as("a token opens one collective's feed only").isEqualTo(404);
    wall.node.wall().calendarTokens().revoke(wall.collective("riverside").id(), WallSeed.DEE);
    wall.restart();
    HttpResponse<String> revoked = get(wall.actor("riverside") + "/calendar/" + token + ".ics", "text/calendar");
    assertThat(revoked.statusCode()).isEqualTo(404);
    assertThat(revoked.body()).isEqualTo(nothing.body());
  }

  @Test
  void pagesThatAreNotThereAre404() throws Exception {
    assertThat(get(wall.actor("riverside") + "/members", "text/html").statusCode()).isEqualTo(404);
    assertThat(get(wall.actor("riverside") + "/map", "application/activity+json").statusCode()).isEqualTo(404);
  }
}
