package coop.lattice.launcher;

import coop.lattice.CollectiveId;
import coop.lattice.KeyNotInForceException;
import coop.lattice.LedgerDamagedException;
import coop.lattice.MemberId;
import coop.lattice.Progress;
import coop.lattice.collective.Collective;
import coop.lattice.federation.FollowState;
import coop.lattice.federation.net.AddressPolicy;
import coop.lattice.federation.node.FederationNode;
import coop.lattice.federation.node.NodeBuilder;
import coop.lattice.launcher.config.CollectiveSettings;
import coop.lattice.launcher.config.KeyFiles;
import coop.lattice.launcher.config.LatticeConfig;
import coop.lattice.launcher.config.Peer;
import coop.lattice.ledger.Appearance;
import coop.lattice.ledger.CollectiveKey;
import coop.lattice.ledger.CollectiveSecret;
import coop.lattice.store.FileJournal;
import io.vertx.core.Vertx;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A node serving the collectives of a configuration: their journals opened (each verified on
 * open), the node started on the configured address, the configured follows sent. {@link #apply}
 * takes a changed configuration without a restart: collectives added are opened and hosted,
 * collectives removed are unhosted and their journals closed.
 *
 * <p>Public so that a program can run the launcher's node in its own process, as {@code lattice
 * node} does, and act on its collectives (the examples' {@code TwoWalls} does): {@link #start},
 * {@link #collective}, {@link #node}, {@link #stop}.
 */
public final class RunningNode {
  private static final Logger LOG = LoggerFactory.getLogger(RunningNode.class);

  /** A collective this node opened, with the journal it must close. */
  private record Open(CollectiveSettings settings, FileJournal journal, Collective collective) {}

  private final Vertx vertx;
  private final FederationNode node;
  private final Clock clock;
  private final Map<String, Open> open = new LinkedHashMap<>();
  private final int port;

  private RunningNode(Vertx vertx, FederationNode node, Clock clock, int port) {
    this.vertx = vertx;
    this.node = node;
    this.clock = clock;
    this.port = port;
  }

  /** Opens every collective of {@code config} and starts the node; completes when it listens. */
  public static RunningNode start(LatticeConfig config, Clock clock) throws Exception {
    AddressPolicy policy = AddressPolicy.publicOnly();
    for (String p : config.node().allowOrNone()) {
      Peer peer = Peer.parse(p);
      policy = policy.allowing(peer.address(), peer.port());
    }
    Map<String, Open> opened = new LinkedHashMap<>();
    try {
      for (CollectiveSettings c : config.collectives()) {
        opened.put(c.id(), open(c, clock));
      }
    } catch (RuntimeException e) {
      opened.values().forEach(o -> o.journal().close());
      throw e;
    }
    Vertx vertx = Vertx.vertx();
    NodeBuilder b = FederationNode.builder(vertx, config.node().baseUrl(), config.node().directory())
        .clock(clock).addressPolicy(policy).checkpointEvery(1000, Duration.ofMinutes(10));
    opened.values().forEach(o -> b.collective(o.collective()));
    FederationNode node = b.build();
    int port = node.start(config.node().port(), config.node().listenOrDefault(), config.node().eventLoopsOrDefault())
        .toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    RunningNode running = new RunningNode(vertx, node, clock, port);
    running.open.putAll(opened);
    node.onInbound(a -> LOG.info("{}: accepted {} from {}", a.collective(), a.type(), a.actor()));
    opened.values().forEach(running::followConfigured);
    return running;
  }

  /** The port the node listens on. */
  public int port() {
    return port;
  }

  /** The federation node: its actors' addresses, follows, partners and {@link FederationNode#wall()}. */
  public FederationNode node() {
    return node;
  }

  /** The collective {@code id} this node opened from its journal. */
  public synchronized Collective collective(String id) {
    Open o = open.get(id);
    if (o == null) {
      throw new LauncherException("this node hosts no collective called " + id);
    }
    return o.collective();
  }

  private static Open open(CollectiveSettings c, Clock clock) {
    CollectiveKey key = KeyFiles.readOrCreate(c.keyFile());
    FileJournal journal = FileJournal.open(c.journal());
    try {
      Collective collective;
      Path secretFile = c.secretFile();
      if (secretFile != null && journal.size() > 0 && !Files.exists(secretFile)) {
        throw new LauncherException("the secret file of " + c.id() + ", " + secretFile + ", is missing, and its journal is"
            + " not new: restore it from your backup (for a collective founded with one key, it holds that key's seed,"
            + " as `lattice rotate-key --secret` writes it)");
      }
      // Without a secret file, the key's seed is the secret: a collective founded with one key.
      CollectiveSecret secret = secretFile == null ? CollectiveSecret.of(key) : KeyFiles.readOrCreateSecret(secretFile);
      if (journal.size() == 0) {
        if (c.founder() == null) {
          throw new LauncherException("the journal of " + c.id() + " in " + c.journal() + " is new: say who founds the"
              + " collective with `founder:` (and `name:`) in its entry of the configuration");
        }
        String founderName = c.founderName() == null ? c.founder() : c.founderName();
        collective = Collective.found(CollectiveId.of(c.id()), c.name() == null ? c.id() : c.name(),
            MemberId.of(c.founder()), Appearance.byName(founderName), journal, secret, key, clock);
        LOG.info("{}: founded in {}", c.id(), c.journal());
      } else {
        collective = c.secretFile() == null ? Collective.open(journal, key, clock)
            : Collective.open(journal, secret, key, clock, Progress.none());
      }
      if (!collective.id().value().equals(c.id())) {
        throw new LauncherException("the journal in " + c.journal() + " belongs to " + collective.id() + ", not to "
            + c.id() + ": point `journal:` of " + c.id() + " at its own journal");
      }
      LOG.info("{}: opened, {} entries", c.id(), collective.ledger().size());
      return new Open(c, journal, collective);
    } catch (LedgerDamagedException e) {
      journal.close();
      LOG.error("{}: journal damaged at entry {}: {}", c.id(), e.firstBadIndex(), e.getMessage());
      throw new LauncherException("the journal of " + c.id() + " in " + c.journal() + " is damaged at entry "
          + e.firstBadIndex() + ": restore it from a backup, or run `lattice truncate " + c.journal() + " --at "
          + e.firstBadIndex() + "` once you accept losing what follows", e);
    } catch (KeyNotInForceException e) {
      journal.close();
      throw new LauncherException("the key file of " + c.id() + ", " + c.keyFile() + ", holds a key its ledger no longer"
          + " signs with: " + e.getMessage() + " Point `key-file:` at the key in force (after `lattice rotate-key`, the"
          + " new key file), with `secret-file:` beside it.", e);
    } catch (RuntimeException e) {
      journal.close();
      throw e;
    }
  }

  /** Sends the follows the configuration lists that were never sent or were rejected. */
  private void followConfigured(Open o) {
    CollectiveId id = o.collective().id();
    Map<String, FollowState> following = node.following(id);
    for (URI remote : o.settings().followOrNone()) {
      FollowState state = following.get(remote.toString());
      if (state == FollowState.ACCEPTED || state == FollowState.PENDING) {
        continue;
      }
      node.follow(id, remote).onComplete(ar -> {
        if (ar.succeeded()) {
          LOG.info("{}: follow of {} sent", id, remote);
        } else {
          LOG.warn("{}: could not follow {}: {}", id, remote, ar.cause().getMessage());
        }
      });
    }
  }

  /** Takes a changed configuration: hosts the collectives added, unhosts the ones removed. */
  synchronized void apply(LatticeConfig config) {
    Set<String> wanted = config.collectives().stream().map(CollectiveSettings::id).collect(Collectors.toSet());
    for (String id : Set.copyOf(open.keySet())) {
      if (!wanted.contains(id)) {
        node.unhost(CollectiveId.of(id));
        open.remove(id).journal().close();
        LOG.info("{}: no longer hosted", id);
      }
    }
    for (CollectiveSettings c : config.collectives()) {
      if (!open.containsKey(c.id())) {
        try {
          Open o = open(c, clock);
          node.host(o.collective());
          open.put(c.id(), o);
          LOG.info("{}: now hosted", c.id());
          followConfigured(o);
        } catch (RuntimeException e) {
          LOG.error("{}: not hosted: {}", c.id(), e.getMessage());
        }
      }
    }
  }

  /** Stops the node, then closes the journals. */
  /** Stops the node and closes every journal it opened. */
  public synchronized void stop() throws Exception {
    node.stop().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    open.values().forEach(o -> o.journal().close());
    open.clear();
  }
}
