package coop.lattice.federation.hosting;

import coop.lattice.ledger.Entry;
import java.util.List;

/**
 * The actors an entry's {@code Create} names in {@code to}, beside the public: the counterpart of
 * a trade step, the collectives that take a step of a clearing round. Every follower receives every entry; only the actor named here may take it as a
 * command (a step of its own trade), and every other follower keeps it as an ordinary public
 * entry. Unlike the followers, who are whoever asked to follow, an addressee is chosen by what the
 * entry says.
 */
@FunctionalInterface
public interface Addressees {
  /** The actors {@code e}, an entry of {@code h}'s ledger, is addressed to by name; often none. */
  List<String> of(HostedCollective h, Entry e);

  /** The actors this names and those {@code other} names, each once. */
  default Addressees and(Addressees other) {
    return (h, e) -> {
      List<String> mine = of(h, e);
      List<String> theirs = other.of(h, e);
      if (theirs.isEmpty()) {
        return mine;
      }
      if (mine.isEmpty()) {
        return theirs;
      }
      return java.util.stream.Stream.concat(mine.stream(), theirs.stream()).distinct().toList();
    };
  }

  /** Entries addressed to the public and the followers only. */
  static Addressees none() {
    return (h, e) -> List.of();
  }
}
