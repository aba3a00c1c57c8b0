package coop.lattice.examples;

import coop.lattice.CollectiveId;
import coop.lattice.ContributionKind;
import coop.lattice.MemberId;
import coop.lattice.Quantity;
import coop.lattice.Unit;
import coop.lattice.agreement.AgreementId;
import coop.lattice.agreement.AgreementTerms;
import coop.lattice.agreement.DecisionRule;
import coop.lattice.agreement.Response;
import coop.lattice.collective.Collective;
import coop.lattice.exchange.CreditLine;
import coop.lattice.exchange.Side;
import coop.lattice.launcher.RunningNode;
import coop.lattice.launcher.config.ConfigFile;
import coop.lattice.ledger.Appearance;
import coop.lattice.ledger.Contribution;
import coop.lattice.ledger.Entry;
import coop.lattice.metrics.Need;
import coop.lattice.rotation.Cadence;
import coop.lattice.rotation.Participant;
import coop.lattice.rotation.Role;
import coop.lattice.rotation.RoleId;
import coop.lattice.rotation.RotationPolicy;
import coop.lattice.time.SteppingClock;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Two collectives on two nodes started with the launcher (from configuration files, as {@code
 * lattice node} starts them): a food co-op and a repair café on loopback, each with members shown
 * by name, by pseudonym and only in aggregates, an agreement in force, a responsibility map and
 * contributions; they trade eight kilograms of apples over ActivityPub, and the program prints the
 * addresses of their walls for a browser, and of their calendars, then waits for Enter.
 *
 * <p>Run it with {@code mvn -q -pl examples -am package exec:java -DskipTests
 * -Dexec.mainClass=coop.lattice.examples.TwoWalls}; it writes its journals in a new temporary
 * folder (or the folder given as its argument).
 */
public final class TwoWalls {
  static final MemberId ANA = MemberId.of("ana");
  static final MemberId BO = MemberId.of("bo");
  static final MemberId CY = MemberId.of("cy");

  private TwoWalls() {}

  /** The two running nodes and the addresses of their walls. */
  record Walls(RunningNode food, RunningNode cafe, List<String> addresses) {
    void stop() throws Exception {
      cafe.stop();
      food.stop();
    }
  }

  public static void main(String[] args) throws Exception {
    Path dir = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("lattice-walls");
    Walls walls = start(dir, freePort(), freePort());
    System.out.println("Two walls, with the journals in " + dir + ":");
    walls.addresses().forEach(a -> System.out.println("  " + a));
    System.out.println("Open them in a browser (pages in English or French, as your browser asks), subscribe to a"
        + " calendar, then press Enter to stop.");
    System.in.read();
    walls.stop();
  }

  /** Starts both nodes from their configuration files in {@code dir}, seeds both collectives and trades. */
  static Walls start(Path dir, int foodPort, int cafePort) throws Exception {
    Files.createDirectories(dir);
    SteppingClock clock = SteppingClock.startingAt(Instant.now(), Duration.ZERO);
    RunningNode food = RunningNode.start(ConfigFile.read(config(dir, "food", "riverside-food", "Riverside Food Co-op",
        foodPort, cafePort)), clock);
    RunningNode cafe = RunningNode.start(ConfigFile.read(config(dir, "cafe", "fixit", "Fixit Repair Café", cafePort,
        foodPort)), clock);
    Collective coop = food.collective("riverside-food");
    Collective fixit = cafe.collective("fixit");
    for (Collective c : List.of(coop, fixit)) {
      seed(c, c == coop ? fixit.id() : coop.id(), clock);
    }
    URI coopActor = food.node().actor(coop.id());
    URI fixitActor = cafe.node().actor(fixit.id());
    food.node().linkPartner(coop.id(), fixit.id(), fixitActor, BO);
    cafe.node().linkPartner(fixit.id(), coop.id(), coopActor, BO);
    food.node().follow(coop.id(), fixitActor).toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    cafe.node().follow(fixit.id(), coopActor).toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    trade(coop, fixit, clock);
    List<String> addresses = new ArrayList<>();
    for (URI actor : List.of(coopActor, fixitActor)) {
      for (String page : List.of("", "/map", "/outbox", "/lattice", "/calendar.ics")) {
        addresses.add(actor + page);
      }
    }
    return new Walls(food, cafe, List.copyOf(addresses));
  }

  private static Path config(Path dir, String name, String id, String title, int port, int partnerPort)
      throws IOException {
    Path file = dir.resolve(name + ".yaml");
    Files.writeString(file, String.join("\n",
        "node:",
        "  base-url: http://127.0.0.1:" + port,
        "  listen: 127.0.0.1",
        "  port: " + port,
        "  directory: " + name + "-node",
        "  allow: [\"127.0.0.1:" + partnerPort + "\"]",
        "collectives:",
        "  - id: " + id,
        "    name: " + title,
        "    journal: " + name + "-ledger",
        "    key-file: " + name + ".key",
        "    founder: ana",
        "    founder-name: Ana",
        ""));
    return file;
  }

  /** Members, an exchange agreement in force, a partnership, a responsibility map, contributions. */
  private static void seed(Collective c, CollectiveId partner, SteppingClock clock) {
    c.admit(ANA, BO, Appearance.pseudonym("bo-the-baker"));
    c.admit(ANA, CY, Appearance.onlyInAggregates());
    AgreementTerms exchange = AgreementTerms.builder(AgreementId.of("exchange"), "Trade with partners")
        .text("We trade with collectives we know, within credit lines.").scope("trade")
        .reviewOn(LocalDate.now(clock).plusYears(1)).rule(DecisionRule.consent(Duration.ofDays(7))).build();
    long proposal = c.agreements().propose(ANA, exchange, "");
    c.agreements().respond(BO, proposal, Response.CONSENT, "");
    clock.advance(Duration.ofDays(8));   // the response window has closed
    c.agreements().decide(ANA, proposal, "adopted");
    c.trade().agree(ANA, partner, exchange.id(), List.of(CreditLine.of(Unit.KILOGRAMS, "50", "50")));
    c.trade().appointRelay(ANA, partner, BO, clock.instant().plus(Duration.ofDays(365)));
    c.trade().declareCoverage(ANA, Need.FOOD, List.of(partner));
    LocalDate monday = LocalDate.now(clock.withZone(ZoneOffset.UTC))
        .with(TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
    List<Participant> roster = List.of(Participant.of(ANA, monday), Participant.of(BO, monday),
        Participant.of(CY, monday));
    List<Role> roles = List.of(Role.of(RoleId.of("opening"), "Opening", Cadence.weekly(monday)),
        Role.of(RoleId.of("accounts"), "Accounts", Cadence.weekly(monday)));
    c.rotations().publish(ANA, c.rotations().plan(RotationPolicy.fair(monday.toEpochDay()),
        c.rotations().request(roster, roles, monday, monday.plusWeeks(8))));
    long bread = c.record(Contribution.toCollective(BO, ContributionKind.FOOD, Quantity.kilograms("6"))
        .servedFor("Thursday pantry"));
    c.acknowledge(ANA, bread);
    long shelves = c.record(Contribution.toCollective(CY, ContributionKind.WORK, Quantity.hours("3")));
    c.acknowledge(ANA, shelves);
  }

  /** Eight kilograms of apples from the co-op to the café; each step the other side takes arrives over the network. */
  private static void trade(Collective coop, Collective fixit, SteppingClock clock) throws InterruptedException {
    BlockingQueue<Entry> atCoop = new LinkedBlockingQueue<>();
    BlockingQueue<Entry> atFixit = new LinkedBlockingQueue<>();
    coop.onEntry(e -> { if (coop.privacy().authorOf(e).equals(BO)) atCoop.add(e); });
    fixit.onEntry(e -> { if (fixit.privacy().authorOf(e).equals(BO)) atFixit.add(e); });
    long offer = coop.trade().offer(ANA, fixit.id(), Side.US, Side.US, Quantity.kilograms("8"), "apples",
        clock.instant().plus(Duration.ofDays(2)));
    long there = Objects.requireNonNull(atFixit.poll(20, TimeUnit.SECONDS), "the offer did not arrive").sequence();
    fixit.trade().accept(ANA, there, Side.US);
    Objects.requireNonNull(atCoop.poll(20, TimeUnit.SECONDS), "the acceptance did not arrive");
    coop.trade().fulfil(ANA, offer, Side.US);
    Objects.requireNonNull(atFixit.poll(20, TimeUnit.SECONDS), "the fulfilment did not arrive");
    fixit.trade().acknowledge(ANA, there, Side.US);
    Objects.requireNonNull(atCoop.poll(20, TimeUnit.SECONDS), "the acknowledgement did not arrive");
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return s.getLocalPort();
    }
  }
}
