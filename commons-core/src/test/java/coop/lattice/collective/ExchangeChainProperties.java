package coop.lattice.collective;

import static coop.lattice.collective.People.ANA;
import static coop.lattice.collective.People.BO;
import static coop.lattice.collective.People.CY;
import static coop.lattice.collective.People.DEE;
import static coop.lattice.collective.People.KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import coop.lattice.CollectiveId;
import coop.lattice.ConflictException;
import coop.lattice.ExpiredException;
import coop.lattice.LimitExceededException;
import coop.lattice.MemberId;
import coop.lattice.NotPermittedException;
import coop.lattice.Quantity;
import coop.lattice.RejectedCommandException;
import coop.lattice.Unit;
import coop.lattice.agreement.AgreementId;
import coop.lattice.agreement.Parameter;
import coop.lattice.exchange.Clearing;
import coop.lattice.exchange.CreditLine;
import coop.lattice.exchange.Side;
import coop.lattice.ledger.Appearance;
import coop.lattice.merkle.Hash;
import coop.lattice.store.LedgerStore;
import coop.lattice.time.SteppingClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.Transformer;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/**
 * The exchanges as a state machine against a model: random time-bank transfers, confirmations by
 * the right and the wrong members, declines, expiries, trades with partners and clearings. After
 * every step: the balances sum to zero, no limit is exceeded, the ledger re-verifies and replays
 * to the same state, and the fold equals the model. Every command the model expects to fail
 * fails with the expected error and leaves the ledger as it was.
 */
class ExchangeChainProperties {
  static final List<MemberId> MEMBERS = List.of(ANA, BO, CY, DEE);
  static final List<CollectiveId> PARTNERS = List.of(CollectiveId.of("p1"), CollectiveId.of("p2"),
      CollectiveId.of("p3"));
  static final BigDecimal CREDIT = new BigDecimal("8");
  static final BigDecimal DEBIT = new BigDecimal("5");
  static final BigDecimal LINE = new BigDecimal("6");
  static final Duration WINDOW = Duration.ofDays(3);

  /** The system under test and the model, side by side. */
  static final class Bank {
    final SteppingClock clock = SteppingClock.startingAt(Instant.parse("2026-03-02T09:00:00Z"), Duration.ZERO);
    final LedgerStore store = LedgerStore.inMemory();
    final Collective coop;
    // The model.
    final Map<MemberId, BigDecimal> balance = new HashMap<>();
    final Map<Long, Transfer> transfers = new LinkedHashMap<>();
    final Map<CollectiveId, BigDecimal> partner = new HashMap<>();
    int clearings;

    record Transfer(MemberId provider, MemberId receiver, BigDecimal hours, Instant expires, boolean open) {}

    Bank() {
      coop = Collective.found(CollectiveId.of("chain-coop"), "Chain Co-op", ANA, Appearance.byName("Ana"), store, KEY,
          clock);
      for (MemberId m : MEMBERS.subList(1, MEMBERS.size())) {
        coop.admit(ANA, m, Appearance.byName(m.value()));
      }
      Adopt.adopt(coop, clock, ANA, Adopt.terms("limits").set(Parameter.TIME_BANK_CREDIT_LIMIT_HOURS, CREDIT)
          .set(Parameter.TIME_BANK_DEBIT_LIMIT_HOURS, DEBIT).set(Parameter.TIME_BANK_CONFIRM_WITHIN_DAYS, 3).build());
      for (CollectiveId p : PARTNERS) {
        coop.trade().agree(ANA, p, AgreementId.of("limits"), List.of(new CreditLine(Unit.HOURS, LINE, LINE)));
        coop.trade().appointRelay(ANA, p, BO, clock.instant().plus(Duration.ofDays(3650)));
      }
      MEMBERS.forEach(m -> balance.put(m, BigDecimal.ZERO));
      PARTNERS.forEach(p -> partner.put(p, BigDecimal.ZERO));
    }

    BigDecimal bal(MemberId m) {
      return balance.get(m);
    }

    /** Runs {@code command}, which the model says fails with {@code expected}; nothing may change. */
    void refused(ThrowingCallable command, Class<? extends RejectedCommandException> expected) {
      long size = coop.ledger().size();
      Hash root = coop.ledger().root();
      assertThatThrownBy(command).isInstanceOf(expected);
      assertThat(coop.ledger().size()).isEqualTo(size);
      assertThat(coop.ledger().root()).isEqualTo(root);
    }

    Class<? extends RejectedCommandException> limits(MemberId provider, MemberId receiver, BigDecimal hours) {
      boolean over = bal(provider).add(hours).compareTo(CREDIT) > 0
          || bal(receiver).subtract(hours).negate().compareTo(DEBIT) > 0;
      return over ? LimitExceededException.class : null;
    }

    void record(MemberId provider, MemberId receiver, BigDecimal hours) {
      LocalDate today = clock.instant().atZone(ZoneOffset.UTC).toLocalDate();
      ThrowingCallable cmd = () -> coop.timeBank().record(provider, provider, receiver, new Quantity(hours, Unit.HOURS),
          today, "");
      if (provider.equals(receiver)) {
        refused(cmd, NotPermittedException.class);
      } else if (limits(provider, receiver, hours) != null) {
        refused(cmd, limits(provider, receiver, hours));
      } else {
        long ref = coop.timeBank().record(provider, provider, receiver, new Quantity(hours, Unit.HOURS), today, "");
        transfers.put(ref, new Transfer(provider, receiver, hours, clock.instant().plus(WINDOW), true));
      }
    }

    void settle(long ref, MemberId by, boolean confirm) {
      Transfer t = transfers.get(ref);
      ThrowingCallable cmd = confirm ? () -> coop.timeBank().confirm(by, ref)
          : () -> coop.timeBank().decline(by, ref, "no");
      if (t == null) {
        refused(cmd, RejectedCommandException.class);
      } else if (!t.open()) {
        refused(cmd, ConflictException.class);
      } else if (!by.equals(t.receiver())) {
        refused(cmd, NotPermittedException.class);
      } else if (!clock.instant().isBefore(t.expires())) {
        refused(cmd, ExpiredException.class);
      } else if (confirm && limits(t.provider(), t.receiver(), t.hours()) != null) {
        refused(cmd, limits(t.provider(), t.receiver(), t.hours()));
      } else {
        if (confirm) {
          coop.timeBank().confirm(by, ref);
          balance.merge(t.provider(), t.hours(), BigDecimal::add);
          balance.merge(t.receiver(), t.hours().negate(), BigDecimal::add);
        } else {
          coop.timeBank().decline(by, ref, "no");
        }
        transfers.put(ref, new Transfer(t.provider(), t.receiver(), t.hours(), t.expires(), false));
      }
    }

    void trade(CollectiveId p, boolean weGive, BigDecimal hours) {
      Side gives = weGive ? Side.US : Side.PARTNER;
      long t = coop.trade().offer(gives == Side.US ? ANA : BO, p, gives, gives, new Quantity(hours, Unit.HOURS), "help",
          clock.instant().plus(Duration.ofDays(1)));
      BigDecimal after = partner.get(p).add(weGive ? hours : hours.negate());
      if (after.abs().compareTo(LINE) > 0) {
        refused(() -> coop.trade().accept(BO, t, gives.other()), LimitExceededException.class);
        return;
      }
      coop.trade().accept(BO, t, gives.other());
      coop.trade().fulfil(gives == Side.US ? CY : BO, t, gives);
      coop.trade().acknowledge(gives == Side.US ? BO : DEE, t, gives.other());
      partner.put(p, after);
    }

    void clear(CollectiveId debtor, CollectiveId creditor, BigDecimal amount) {
      String id = "clearing-" + (++clearings);
      ThrowingCallable cmd = () -> coop.trade().recordClearing(ANA, new Clearing.Leg(id, Unit.HOURS, amount, debtor,
          creditor));
      if (debtor.equals(creditor) || partner.get(debtor).compareTo(amount) < 0
          || partner.get(creditor).negate().compareTo(amount) < 0) {
        refused(cmd, RejectedCommandException.class);
      } else {
        coop.trade().recordClearing(ANA, new Clearing.Leg(id, Unit.HOURS, amount, debtor, creditor));
        partner.merge(debtor, amount.negate(), BigDecimal::add);
        partner.merge(creditor, amount, BigDecimal::add);
      }
    }

    void checkInvariants() {
      TimeBank bank = coop.timeBank();
      BigDecimal sum = bank.collectiveAccount();
      for (MemberId m : MEMBERS) {
        BigDecimal b = bank.balance(m).total();
        sum = sum.add(b);
        assertThat(b).isBetween(DEBIT.negate(), CREDIT);
        assertThat(b).as("balance of %s", m).isEqualByComparingTo(bal(m));
      }
      assertThat(sum).isZero();
      for (CollectiveId p : PARTNERS) {
        BigDecimal b = coop.trade().partnership(p).orElseThrow().balance(Unit.HOURS);
        assertThat(b).isBetween(LINE.negate(), LINE);
        assertThat(b).as("balance with %s", p).isEqualByComparingTo(partner.get(p));
      }
      List<Long> open = new ArrayList<>();
      transfers.forEach((ref, t) -> {
        if (t.open()) {
          open.add(ref);
        }
      });
      assertThat(coop.state().exchanges().transfers().values().stream()
          .filter(t -> t.status() == TimeTransfer.Status.PENDING).map(TimeTransfer::entry).sorted().toList())
          .isEqualTo(open);
      Collective replayed = Collective.open(store, KEY, clock);
      assertThat(replayed.state()).isEqualTo(coop.state());
    }
  }

  @Property(tries = 60, seed = "20261127")
  void theExchangesKeepTheirInvariantsAndMatchTheModel(@ForAll("chains") ActionChain<Bank> chain) {
    chain.withInvariant("zero-sum, limits, replay, model", Bank::checkInvariants).run();
  }

  @Provide
  Arbitrary<ActionChain<Bank>> chains() {
    return ActionChain.startWith(Bank::new)
        .withAction(4, new Record())
        .withAction(4, new Settle())
        .withAction(1, new Advance())
        .withAction(2, new Trade())
        .withAction(2, new Clear())
        .withMaxTransformations(40);
  }

  static Arbitrary<MemberId> member() {
    return Arbitraries.of(MEMBERS);
  }

  static Arbitrary<BigDecimal> hours(int max) {
    return Arbitraries.integers().between(1, max * 2).map(h -> BigDecimal.valueOf(h * 5L, 1));
  }

  static final class Record implements Action.Independent<Bank> {
    @Override
    public Arbitrary<Transformer<Bank>> transformer() {
      return Combinators.combine(member(), member(), hours(6)).as((p, r, h) ->
          Transformer.mutate(p + " gives " + r + " " + h + " hours", b -> b.record(p, r, h)));
    }
  }

  static final class Settle implements Action.Dependent<Bank> {
    @Override
    public boolean precondition(Bank b) {
      return !b.transfers.isEmpty();
    }

    @Override
    public Arbitrary<Transformer<Bank>> transformer(Bank b) {
      List<Long> refs = new ArrayList<>(b.transfers.keySet());
      refs.add(99_999L); // no such transfer
      return Combinators.combine(Arbitraries.of(refs), member(), Arbitraries.integers().between(0, 9))
          .as((ref, other, k) -> {
            Bank.Transfer t = b.transfers.get(ref);
            MemberId by = t == null || k < 2 ? other : t.receiver();
            boolean confirm = k < 8;
            return Transformer.mutate((confirm ? "confirm " : "decline ") + ref + " by " + by,
                s -> s.settle(ref, by, confirm));
          });
    }
  }

  static final class Advance implements Action.Independent<Bank> {
    @Override
    public Arbitrary<Transformer<Bank>> transformer() {
      return Arbitraries.integers().between(1, 40).map(h -> Transformer.mutate("advance " + h + " hours",
          b -> b.clock.advance(Duration.ofHours(h))));
    }
  }

  static final class Trade implements Action.Independent<Bank> {
    @Override
    public Arbitrary<Transformer<Bank>> transformer() {
      return Combinators.combine(Arbitraries.of(PARTNERS), Arbitraries.of(true, false), hours(4)).as((p, give, h) ->
          Transformer.mutate((give ? "give " : "receive ") + h + " hours with " + p, b -> b.trade(p, give, h)));
    }
  }

  static final class Clear implements Action.Independent<Bank> {
    @Override
    public Arbitrary<Transformer<Bank>> transformer() {
      return Combinators.combine(Arbitraries.of(PARTNERS), Arbitraries.of(PARTNERS), hours(3)).as((d, c, h) ->
          Transformer.mutate("clear " + h + " hours: " + d + " -> us -> " + c, b -> b.clear(d, c, h)));
    }
  }
}
