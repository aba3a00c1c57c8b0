package coop.lattice.finance;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A month's public budget against the plan: for each category planned or spent in, what was
 * planned, what was spent and what is left (negative when spent over the plan), with the month's
 * income beside it. Categories in alphabetical order.
 *
 * @param month the month (of the ledger's times, in UTC)
 * @param currency the account's currency
 * @param rows one per category planned or spent in
 * @param income what came in that month
 */
public record BudgetReport(YearMonth month, String currency, List<Row> rows, Money income) {
  public BudgetReport {
    rows = List.copyOf(rows);
  }

  /**
   * One category's line.
   *
   * @param category what for
   * @param planned what the plan set aside (zero if it planned nothing for it)
   * @param spent what was reimbursed for it
   */
  public record Row(Category category, Money planned, Money spent) {
    /** What is left of the plan; negative when more was spent than planned. */
    public Money left() {
      return planned.minus(spent);
    }
  }

  /** The report for {@code month} from its {@code plan} and what was {@code spent} per category. */
  public static BudgetReport of(YearMonth month, String currency, List<BudgetLine> plan, Map<Category, Money> spent,
      Money income) {
    Map<String, Money> planned = new TreeMap<>();
    plan.forEach(l -> planned.merge(l.category().value(), l.amount(), Money::plus));
    TreeSet<String> categories = new TreeSet<>(planned.keySet());
    spent.keySet().forEach(c -> categories.add(c.value()));
    List<Row> rows = new ArrayList<>();
    Money none = Money.zero(currency);
    for (String c : categories) {
      Category category = Category.of(c);
      rows.add(new Row(category, planned.getOrDefault(c, none), spent.getOrDefault(category, none)));
    }
    return new BudgetReport(month, currency, rows, income);
  }

  /** Everything planned. */
  public Money planned() {
    return rows.stream().map(Row::planned).reduce(Money.zero(currency), Money::plus);
  }

  /** Everything spent. */
  public Money spent() {
    return rows.stream().map(Row::spent).reduce(Money.zero(currency), Money::plus);
  }
}
