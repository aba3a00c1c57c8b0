package coop.lattice.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coop.lattice.collective.Collective;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The season tour runs end to end, deterministically, and leaves a ledger that verifies. */
class SeasonTourTest {
  @Test
  void theTourRunsAndIsReproducible() {
    Collective a = SeasonTour.run(new SeasonTour.MovableClock(Instant.parse("2027-02-01T18:00:00Z")));
    Collective b = SeasonTour.run(new SeasonTour.MovableClock(Instant.parse("2027-02-01T18:00:00Z")));
    assertEquals(a.ledger().root(), b.ledger().root(), "the same season gives the same ledger");
    assertTrue(a.rotations().current().isPresent());
    assertTrue(a.checkpoint().verify(a.ledger().verificationKey()));
  }
}
