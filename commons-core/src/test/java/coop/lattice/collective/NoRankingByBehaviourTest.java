package coop.lattice.collective;

import static coop.lattice.collective.People.KEY;
import static org.assertj.core.api.Assertions.assertThat;

import coop.lattice.CollectiveId;
import coop.lattice.ContributionKind;
import coop.lattice.MemberId;
import coop.lattice.Quantity;
import coop.lattice.ledger.Appearance;
import coop.lattice.ledger.Contribution;
import coop.lattice.store.LedgerStore;
import coop.lattice.time.SteppingClock;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * No ranking, checked by behaviour rather than by method names (issue 18): two collectives that
 * differ only in how much each member gave (the same members, the same commands in the same
 * order, other quantities) must list members in the same order through every public method of
 * the collective and its facets. A method that sorted members by what they gave, by any name,
 * fails here. Methods whose arguments this test cannot supply are listed, so a new one is seen.
 */
class NoRankingByBehaviourTest {
  static final List<MemberId> MEMBERS = List.of("ana", "bo", "cy", "dee", "eli", "fay").stream().map(MemberId::of)
      .toList();
  /** Methods whose parameters the test has no value for; each returns no ordering of members. */
  static final Set<String> NOT_CALLED = Set.of(
      "Rotations.plan", // plans the roster it is given (the fairness properties cover it), reads no giving
      "Lotteries.verify", // checks the transcript it is given
      "Privacy.authorOf", // who recorded the entry it is given
      "Privacy.toOutsiders", // rewrites the text it is given
      "Trade.partnership", "AidFund.fund", "ToolLibrary.item"); // look up a partner, fund or item: none here

  /** A collective where member i gives {@code amount.apply(i)} kilograms each round and hours to the next member. */
  static Collective season(Function<Integer, Integer> amount) {
    SteppingClock clock = SteppingClock.startingAt("2026-03-02T09:00:00Z", Duration.ofMinutes(7));
    Collective c = Collective.found(CollectiveId.of("riverside"), "Riverside", MEMBERS.get(0), Appearance.byName("ana"),
        LedgerStore.inMemory(), KEY, clock);
    for (MemberId m : MEMBERS.subList(1, MEMBERS.size())) {
      c.admit(MEMBERS.get(0), m, Appearance.byName(m.value()));
    }
    Adopt.adopt(c, clock, MEMBERS.get(0), Adopt.terms("pantry")
        .set(coop.lattice.agreement.Parameter.FINANCE_APPROVAL_THRESHOLD.name(), "1000").build());
    coop.lattice.finance.AccountId bank = coop.lattice.finance.AccountId.of("bank");
    c.finances().openAccount(MEMBERS.get(0), bank, "Bank", "EUR");
    c.finances().recordIncome(MEMBERS.get(0), coop.lattice.finance.Income.of(bank,
        coop.lattice.finance.Money.of("500", "EUR"), coop.lattice.finance.Category.of("dues"), "dues"));
    for (int round = 0; round < 3; round++) {
      for (int i = 0; i < MEMBERS.size(); i++) {
        MemberId giver = MEMBERS.get(i);
        MemberId receiver = MEMBERS.get((i + 1) % MEMBERS.size());
        long ref = c.record(Contribution.toMember(giver, receiver, ContributionKind.FOOD,
            Quantity.kilograms(String.valueOf(amount.apply(i)))));
        c.acknowledge(receiver, ref);
        long hours = c.timeBank().record(giver, giver, receiver, Quantity.hours(String.valueOf(amount.apply(i))),
            LocalDate.of(2026, 3, 2), "helped");
        c.timeBank().confirm(receiver, hours);
        long claim = c.finances().claim(giver, coop.lattice.finance.Expense.of(bank,
            coop.lattice.finance.Money.of(String.valueOf(amount.apply(i)), "EUR"),
            coop.lattice.finance.Category.of("tools"), "tools"), ("receipt " + round + " " + i).getBytes(
                java.nio.charset.StandardCharsets.UTF_8));
        c.finances().approve(receiver, claim);
        c.finances().reimburse(receiver, claim);
      }
    }
    return c;
  }

  /** Everything that returns members, from the collective and its facets. */
  static List<Object> facets(Collective c) {
    return List.of(c, c.agreements(), c.rotations(), c.campaigns(), c.circles(), c.timeBank(), c.offers(), c.trade(),
        c.aidFund(), c.toolLibrary(), c.privacy(), c.lotteries(), c.polls(), c.finances(), c.joining(), c.signups());
  }

  @Test
  void everyPublicMethodListsMembersInTheSameOrderWhateverTheyGave() throws Exception {
    Collective ascending = season(i -> 1 + i);
    Collective descending = season(i -> 6 - i);
    assertThat(ascending.ledger().size()).isEqualTo(descending.ledger().size());
    // The fixture can tell a ranking apart: sorting by what each gave orders the two differently.
    assertThat(rankedByGiving(ascending)).isNotEqualTo(rankedByGiving(descending));

    List<String> called = new ArrayList<>();
    List<String> notCalled = new ArrayList<>();
    List<Object> a = facets(ascending);
    List<Object> d = facets(descending);
    for (int f = 0; f < a.size(); f++) {
      for (Method m : a.get(f).getClass().getMethods()) {
        if (Modifier.isStatic(m.getModifiers()) || m.getDeclaringClass() == Object.class || isCommand(m)) {
          continue;
        }
        Optional<Object[]> args = arguments(m);
        String name = m.getDeclaringClass().getSimpleName() + "." + m.getName();
        if (args.isEmpty()) {
          notCalled.add(name);
          continue;
        }
        List<String> x = membersIn(call(m, a.get(f), args.get()));
        List<String> y = membersIn(call(m, d.get(f), args.get()));
        assertThat(x).as(name + " lists members in an order that depends on what they gave").isEqualTo(y);
        if (!x.isEmpty()) {
          called.add(name);
        }
      }
    }
    assertThat(called).as("methods that returned members").contains("Collective.members", "Rotations.roster",
        "Collective.history", "Collective.publicFeed", "TimeBank.balances", "Collective.state",
        "Agreements.decisions", "Finances.claims", "Finances.statement");
    assertThat(ascending.ledger().size()).as("only queries were called").isEqualTo(descending.ledger().size())
        .isEqualTo(season(i -> 1).ledger().size());
    assertThat(notCalled).as("methods called without arguments for them").allMatch(NOT_CALLED::contains);
  }

  static List<MemberId> rankedByGiving(Collective c) {
    Map<MemberId, java.math.BigDecimal> given = new TreeMap<>();
    for (MemberId m : MEMBERS) {
      given.put(m, c.history(m).stream().filter(r -> r.contribution().giver().equals(m))
          .map(r -> r.contribution().quantity().amount()).reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add));
    }
    return given.entrySet().stream().sorted(Map.Entry.comparingByValue(Comparator.reverseOrder())).map(Map.Entry::getKey)
        .toList();
  }

  /** Commands append and return their entry or its reference; everything else here is a query. */
  static boolean isCommand(Method m) {
    Class<?> r = m.getReturnType();
    return r == void.class || r == long.class || r == coop.lattice.ledger.Entry.class
        || r == coop.lattice.ledger.Cosignature.class || r == coop.lattice.ledger.RepairStatement.class;
  }

  static Optional<Object[]> arguments(Method m) {
    Class<?>[] types = m.getParameterTypes();
    Object[] args = new Object[types.length];
    for (int i = 0; i < types.length; i++) {
      Class<?> t = types[i];
      if (t == MemberId.class) {
        args[i] = MEMBERS.get(1);
      } else if (t == Instant.class) {
        args[i] = Instant.parse("2026-03-03T00:00:00Z");
      } else if (t == int.class) {
        args[i] = 100;
      } else if (t == ZoneId.class) {
        args[i] = ZoneOffset.UTC;
      } else if (t == LocalDate.class) {
        args[i] = LocalDate.of(2026, 3, 2);
      } else if (t == coop.lattice.agreement.AgreementId.class) {
        args[i] = coop.lattice.agreement.AgreementId.of("pantry");
      } else if (t == List.class) {
        args[i] = List.of(); // burnout warnings for no roles: still every member's rest
      } else if (t == long.class) {
        args[i] = 8L; // an entry reference: the first contribution
      } else if (t == coop.lattice.finance.AccountId.class) {
        args[i] = coop.lattice.finance.AccountId.of("bank");
      } else if (t == java.time.YearMonth.class) {
        args[i] = java.time.YearMonth.of(2026, 3);
      } else if (t == coop.lattice.exchange.TradeId.class) {
        args[i] = coop.lattice.exchange.TradeId.of(coop.lattice.CollectiveId.of("fixit"), 8); // no trade here
      } else {
        return Optional.empty();
      }
    }
    return Optional.of(args);
  }

  static Object call(Method m, Object target, Object[] args) throws IllegalAccessException {
    try {
      return m.invoke(target, args);
    } catch (InvocationTargetException refused) {
      return refused.getCause().getClass(); // the same refusal on both sides compares equal
    }
  }

  /** The members an answer names, in the order it names them: ids and shown names, through records, lists and maps. */
  static List<String> membersIn(Object answer) {
    List<String> out = new ArrayList<>();
    walk(answer, out, 0);
    return out;
  }

  private static void walk(Object o, List<String> out, int depth) {
    if (o == null || depth > 6) {
      return;
    }
    if (o instanceof MemberId id) {
      out.add(id.value());
    } else if (o instanceof String s) {
      if (MEMBERS.stream().anyMatch(m -> s.equals(m.value()) || s.startsWith(m.value() + " "))) {
        out.add(s);
      }
    } else if (o instanceof Optional<?> opt) {
      opt.ifPresent(v -> walk(v, out, depth + 1));
    } else if (o instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> e : map.entrySet()) {
        walk(e.getKey(), out, depth + 1);
        walk(e.getValue(), out, depth + 1);
      }
    } else if (o instanceof Collection<?> col) {
      if (o instanceof Set<?> && !(o instanceof java.util.SortedSet<?>) && !(o instanceof java.util.LinkedHashSet<?>)) {
        TreeSet<String> sorted = new TreeSet<>(); // an unordered set has no order to compare
        col.forEach(v -> sorted.addAll(membersIn(v)));
        out.addAll(sorted);
      } else {
        col.forEach(v -> walk(v, out, depth + 1));
      }
    } else if (o.getClass().isRecord()) {
      for (RecordComponent rc : o.getClass().getRecordComponents()) {
        try {
          walk(rc.getAccessor().invoke(o), out, depth + 1);
        } catch (ReflectiveOperationException e) {
          throw new AssertionError(e);
        }
      }
    }
  }
}
