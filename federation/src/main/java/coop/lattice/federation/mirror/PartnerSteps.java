package coop.lattice.federation.mirror;

import coop.lattice.collective.Collective;
import java.util.List;

/**
 * What a linked partner's ledger entry, arriving in a {@code Create}, asks of a local collective:
 * a trade step ({@link TradeRelay}), a step of a clearing round ({@code
 * coop.lattice.federation.clearing.ClearingRelay}), or nothing (an ordinary public entry). Each
 * kind of step is one implementation; {@link #all} asks them in turn.
 */
public interface PartnerSteps {
  /**
   * What the partner's entry in {@code entryJson}, carried by an activity that is ({@code
   * addressed}) or is not addressed to {@code local}'s actor by name, is to {@code local}; {@link
   * TradeRelay.Decision#PUBLIC_ENTRY} for an entry of a kind this does not take. Throws, saying why
   * and recording nothing, for a step of its kind that {@code local} cannot take.
   */
  TradeRelay.Decision decide(TradeRelay.Link link, Collective local, String entryJson, boolean addressed);

  /**
   * Takes the step in {@code entryJson} on {@code local}'s ledger; false when the entry is of a
   * kind this does not take, true when it was taken or taken before; throws, recording nothing,
   * when {@code local} refuses it.
   */
  boolean relay(TradeRelay.Link link, Collective local, String entryJson);

  /** Each of {@code steps} in turn: the first that takes an entry decides it and relays it. */
  static PartnerSteps all(PartnerSteps... steps) {
    List<PartnerSteps> each = List.of(steps);
    return new PartnerSteps() {
      @Override
      public TradeRelay.Decision decide(TradeRelay.Link link, Collective local, String entryJson, boolean addressed) {
        for (PartnerSteps s : each) {
          TradeRelay.Decision d = s.decide(link, local, entryJson, addressed);
          if (d != TradeRelay.Decision.PUBLIC_ENTRY) {
            return d;
          }
        }
        return TradeRelay.Decision.PUBLIC_ENTRY;
      }

      @Override
      public boolean relay(TradeRelay.Link link, Collective local, String entryJson) {
        for (PartnerSteps s : each) {
          if (s.relay(link, local, entryJson)) {
            return true;
          }
        }
        return false;
      }
    };
  }
}
