package coop.lattice.wall;

import static org.assertj.core.api.Assertions.assertThat;

import coop.lattice.ContributionKind;
import coop.lattice.Unit;
import coop.lattice.agreement.AgreementStatus;
import coop.lattice.agreement.DecisionRule;
import coop.lattice.collective.AgendaItem;
import coop.lattice.health.Indicator;
import coop.lattice.metrics.Need;
import coop.lattice.metrics.SovereigntyMetrics;
import coop.lattice.wall.seed.WallSeed;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every sentence is in the bundles, and French is complete: both bundles hold the same keys, every
 * key the templates and the code name is in them, and so is a word for every value of the domain
 * the pages show (agenda items, statuses, decision rules, units, health indicators).
 */
class WordsTest {
  private static final Pattern SAID = Pattern.compile("say\\(\"([a-zA-Z0-9._-]+)\"[,)]");

  private static Properties bundle(String name) throws IOException {
    Properties p = new Properties();
    try (InputStream in = Wall.class.getResourceAsStream(name)) {
      p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }

  @Test
  void frenchHasEveryKeyEnglishHasAndNoOther() throws IOException {
    assertThat(new TreeSet<>(bundle("words_fr.properties").stringPropertyNames()))
        .isEqualTo(new TreeSet<>(bundle("words.properties").stringPropertyNames()));
  }

  @Test
  void everyKeyTheTemplatesAndCodeNameIsThere() throws IOException {
    Set<String> named = new TreeSet<>();
    List<Path> sources = new ArrayList<>();
    for (String dir : List.of("src/main/jte", "src/main/java")) {
      try (Stream<Path> files = Files.walk(Path.of(dir))) {
        files.filter(Files::isRegularFile).forEach(sources::add);
      }
    }
    for (Path p : sources) {
      Matcher m = SAID.matcher(Files.readString(p));
      while (m.find()) {
        named.add(m.group(1));
      }
    }
    assertThat(named).hasSizeGreaterThan(80);
    Set<String> keys = bundle("words.properties").stringPropertyNames();
    assertThat(keys).containsAll(named);
  }

  @Test
  void everyValueOfTheDomainThePagesShowHasItsWord() throws IOException {
    Set<String> keys = bundle("words.properties").stringPropertyNames();
    for (AgendaItem.Kind k : AgendaItem.Kind.values()) {
      assertThat(keys).contains("agenda." + k.name());
    }
    for (AgreementStatus s : AgreementStatus.values()) {
      assertThat(keys).contains("status." + s.name());
    }
    for (DecisionRule.Kind r : DecisionRule.Kind.values()) {
      assertThat(keys).contains("rule." + r.name());
    }
    for (Unit u : Unit.values()) {
      assertThat(keys).contains("unit." + u.name(), "unitname." + u.name());
    }
    for (ContributionKind k : List.of(ContributionKind.WORK, ContributionKind.CARE, ContributionKind.FOOD,
        ContributionKind.REPAIR, ContributionKind.TOOLS, ContributionKind.KNOWLEDGE, ContributionKind.OTHER)) {
      assertThat(keys).contains("kind." + k.value());
    }
    for (Need n : List.of(Need.FOOD, Need.CARE, Need.REPAIR, Need.TOOLS, Need.TRANSPORT, Need.KNOWLEDGE,
        Need.DISPUTE_RESOLUTION, Need.SECURITY, Need.HOUSING, SovereigntyMetrics.MUTUAL_HELP,
        SovereigntyMetrics.MUTUAL_AID)) {
      assertThat(keys).contains("need." + n.value());
    }
    WallSeed seed = WallSeed.of("riverside", "Riverside", "plain");
    for (Indicator i : seed.collective().health(Instant.now(seed.clock())).indicators()) {
      assertThat(keys).contains("indicator." + i.name());
    }
  }
}
