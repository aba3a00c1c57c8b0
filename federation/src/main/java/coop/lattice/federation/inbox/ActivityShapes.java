package coop.lattice.federation.inbox;

import coop.lattice.federation.json.As2Shapes;
import java.util.Optional;

/**
 * Parsed; now the properties the node acts on must have the shapes ActivityStreams gives them
 * ({@link As2Shapes}): an {@code Offer} whose object is the number 23 is refused here, with a
 * message that says which property and what it must be. 400 if not. Before any key is fetched.
 */
final class ActivityShapes implements Step<Parsed> {
  private final Step<Parsed> next;

  ActivityShapes(Step<Parsed> next) {
    this.next = next;
  }

  @Override
  public void accept(Parsed p) {
    Optional<String> problem = As2Shapes.problem(p.activity());
    if (problem.isPresent()) {
      p.arrival().refuse(Reason.MALFORMED, problem.get());
      return;
    }
    next.accept(p);
  }
}
