package coop.lattice.federation.node;

import coop.lattice.federation.mirror.Evidence;
import coop.lattice.federation.mirror.Flags;
import coop.lattice.federation.social.Blocks;
import coop.lattice.ledger.Equivocation;
import java.util.Map;
import java.util.Optional;

/**
 * What a node holds against remote actors ({@link FederationNode#defences}): the partners it
 * flagged (they equivocated, or served a ledger that does not match what they signed) with the
 * proof, and the actors and domains an operator or a collective's agreement blocked. Every change
 * is durable when it returns.
 */
public final class Defences {
  private final Flags flags;
  private final Evidence evidence;
  private final Blocks blocks;

  Defences(Flags flags, Evidence evidence, Blocks blocks) {
    this.flags = flags;
    this.evidence = evidence;
    this.blocks = blocks;
  }

  /** Why {@code actor} is flagged (it equivocated, or served a ledger that does not match its checkpoint), if it is. */
  public Optional<String> flagged(String actor) {
    return flags.why(actor);
  }

  /** The proof that {@code actor} equivocated, if this node holds one (found by its mirror, or received and verified). */
  public Optional<Equivocation> evidence(String actor) {
    return evidence.of(actor);
  }

  /**
   * Blocks an actor (by its URL) or a domain (a host name, with its subdomains): the node accepts
   * nothing from it, nor any activity that carries one of its activities, with 403. For the
   * operator, or for an application carrying out a collective's agreement. Durable when it returns.
   */
  public void block(String actorOrDomain, String why) {
    if (actorOrDomain.contains("://")) {
      blocks.blockActor(actorOrDomain, why);
    } else {
      blocks.blockDomain(actorOrDomain, why);
    }
  }

  /** Lifts a block set by {@link #block}. */
  public void unblock(String actorOrDomain) {
    blocks.unblock(actorOrDomain);
  }

  /** The blocks in force ({@code actor:URL} or {@code domain:HOST}), with why. */
  public Map<String, String> blocks() {
    return blocks.all();
  }

  /**
   * Lifts the flag on {@code actor}, recording {@code decision} (who decided, when, why) in the
   * node's log beside the flag; the evidence stays. The only way a flag is lifted.
   */
  public void liftFlag(String actor, String decision) {
    flags.lift(actor, decision);
  }
}
