package coop.lattice.wall;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import coop.lattice.collective.Collective;
import coop.lattice.wall.seed.WallSeed;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

/**
 * The calendar feeds read back by two parsers: ical4j, and Python's icalendar run as
 * /usr/bin/python3 (Debian's python3-icalendar, installed by .ci/run). Both must read the same
 * events from the same bytes; a swap accepted changes the feeds; the hidden member is never in
 * them; a hostile payload in a name comes back as the same text.
 */
class CalendarFeedsIT {
  private static final Path SCRIPT = Path.of("src/test/python/ics_events.py");

  private final WallSeed seed = WallSeed.of("riverside", "Riverside Food Co-op", "plain");
  private final Wall wall = Wall.create(seed.clock(), ZoneOffset.UTC);

  private String collectiveFeed(Collective c) {
    return new String(wall.calendar(c, Locale.ENGLISH).body(), StandardCharsets.UTF_8);
  }

  private String memberFeed(Collective c, String token) {
    return new String(wall.memberCalendar(c, token, Locale.ENGLISH).orElseThrow().body(), StandardCharsets.UTF_8);
  }

  /** uid -> summary, as ical4j reads the feed. */
  static Map<String, String> ical4j(String ics) throws Exception {
    Calendar cal = new CalendarBuilder().build(new StringReader(ics));
    Map<String, String> out = new TreeMap<>();
    for (VEvent e : cal.<VEvent>getComponents(Component.VEVENT)) {
      out.put(e.<Property>getProperty(Property.UID).orElseThrow().getValue(),
          e.<Property>getProperty(Property.SUMMARY).orElseThrow().getValue());
    }
    return out;
  }

  /** uid -> summary, as Python's icalendar reads the feed. */
  static Map<String, String> python(String ics) throws Exception {
    Process p = new ProcessBuilder("/usr/bin/python3", SCRIPT.toString()).redirectErrorStream(false).start();
    p.getOutputStream().write(ics.getBytes(StandardCharsets.UTF_8));
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(err).isEqualTo(0);
    JsonNode doc = new ObjectMapper().readTree(out);
    assertThat(doc.path("version").asText()).isEqualTo("2.0");
    Map<String, String> events = new TreeMap<>();
    for (JsonNode e : doc.path("events")) {
      events.put(e.path("uid").asText(), e.path("summary").asText());
    }
    return events;
  }

  @Test
  void bothParsersReadEverySlotOfTheMap() throws Exception {
    String ics = collectiveFeed(seed.collective());
    Map<String, String> byIcal4j = ical4j(ics);
    assertThat(byIcal4j).hasSize(seed.collective().rotations().current().orElseThrow().assignments().size());
    assertThat(python(ics)).isEqualTo(byIcal4j);
    assertThat(byIcal4j.values()).contains("pantry: Dee Newcomer", "cleaning: Ana plain", "pantry: a member");
    assertThat(ics).doesNotContain(WallSeed.HIDDEN.value()).doesNotContain(WallSeed.FORMER_NAME);
    assertThat(new CalendarBuilder().build(new StringReader(ics)).validate().getEntries())
        .as("RFC 5545 as ical4j validates it").isEmpty();
  }

  @Test
  void aMembersFeedHoldsOnlyTheirSlots() throws Exception {
    Collective c = seed.collective();
    String token = wall.calendarTokens().issue(c.id(), WallSeed.DEE);
    Map<String, String> mine = ical4j(memberFeed(c, token));
    assertThat(mine).hasSize(c.rotations().current().orElseThrow().slotsOf(WallSeed.DEE).size());
    assertThat(python(memberFeed(c, token))).isEqualTo(mine);
  }

  @Test
  void aSwapChangesTheFeeds() throws Exception {
    Collective c = seed.collective();
    String ana = wall.calendarTokens().issue(c.id(), WallSeed.ANA);
    String dee = wall.calendarTokens().issue(c.id(), WallSeed.DEE);
    Map<String, String> before = ical4j(collectiveFeed(c));
    Map<String, String> anaBefore = ical4j(memberFeed(c, ana));
    Map<String, String> deeBefore = ical4j(memberFeed(c, dee));

    c.rotations().acceptHandOver(WallSeed.DEE, seed.pendingCover());   // Dee covers Ana's last pantry turn

    Map<String, String> after = python(collectiveFeed(c));
    assertThat(ical4j(collectiveFeed(c))).isEqualTo(after);
    String uid = before.keySet().stream().filter(u -> !before.get(u).equals(after.get(u))).findFirst().orElseThrow();
    assertThat(before.get(uid)).isEqualTo("pantry: Ana plain");
    assertThat(after.get(uid)).isEqualTo("pantry: Dee Newcomer");
    assertThat(after.keySet()).isEqualTo(before.keySet());
    assertThat(ical4j(memberFeed(c, ana))).containsOnlyKeys(anaBefore.keySet().stream().filter(u -> !u.equals(uid))
        .toList());
    assertThat(python(memberFeed(c, dee)).keySet()).containsAll(deeBefore.keySet()).contains(uid);
  }

  @Test
  void hostileNamesComeBackAsTheSameText() throws Exception {
    // No backslash before an "n": Debian's icalendar 4.0.3 reads RFC 5545's escaped backslash
    // followed by "n" ("\\\\n") as a line break, where ical4j (rightly) reads a backslash and an "n".
    String payload = "<script>x</script>; onerror=\"y\", javascript:z\nBEGIN:VEVENT";
    WallSeed hostile = WallSeed.of("hostile", "Hostile", payload);
    String ics = collectiveFeed(hostile.collective());
    Map<String, String> events = ical4j(ics);
    assertThat(python(ics)).isEqualTo(events);
    assertThat(events.values()).contains("cleaning: Ana " + payload);
    assertThat(ics.lines().filter(l -> l.equals("BEGIN:VEVENT")).count()).isEqualTo(events.size());
  }

  @Test
  void aWrongOrRevokedTokenOrOneOfAMemberWhoLeftFindsNobody() {
    Collective c = seed.collective();
    String token = wall.calendarTokens().issue(c.id(), WallSeed.ANA);
    assertThat(wall.memberCalendar(c, token, Locale.ENGLISH)).isPresent();
    assertThat(wall.memberCalendar(c, token + "a", Locale.ENGLISH)).isEmpty();
    assertThat(wall.memberCalendar(c, "", Locale.ENGLISH)).isEmpty();
    String again = wall.calendarTokens().issue(c.id(), WallSeed.ANA);
    assertThat(again).isNotEqualTo(token).hasSize(32);
    assertThat(wall.memberCalendar(c, token, Locale.ENGLISH)).as("the old token was revoked").isEmpty();
    wall.calendarTokens().revoke(c.id(), WallSeed.ANA);
    assertThat(wall.memberCalendar(c, again, Locale.ENGLISH)).isEmpty();

    String dee = wall.calendarTokens().issue(c.id(), WallSeed.DEE);
    assertThat(wall.memberCalendar(c, dee, Locale.ENGLISH)).isPresent();
    c.leave(WallSeed.DEE);
    assertThat(wall.memberCalendar(c, dee, Locale.ENGLISH)).as("a member who left has no feed").isEmpty();
  }
}
