package coop.lattice.agreement;

import coop.lattice.InvalidAgreementException;
import coop.lattice.MemberId;
import coop.lattice.joining.NewcomerUntil;
import coop.lattice.joining.Permission;
import coop.lattice.joining.Question;
import coop.lattice.joining.Questions;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A typed setting that an adopted agreement can fix and that the rest of Lattice reads. Each has
 * a name (as written in the agreement), a type, a range, and a documented default that applies
 * while no agreement in force sets it.
 *
 * <p>Unlike configuration in a file, these change only through the collective's own decision
 * rules, and fall back to their defaults when the agreement that set them lapses.
 *
 * @param <T> the value's type
 */
public final class Parameter<T> {
  private static final Map<String, Parameter<?>> ALL = new LinkedHashMap<>();
  private static final Set<String> MEMBER_LISTS = new HashSet<>();

  /** Who may acknowledge a contribution. Default: {@link AcknowledgementRule#RECEIVER}. */
  public static final Parameter<AcknowledgementRule> ACKNOWLEDGED_BY = ofEnum("acknowledged-by",
      AcknowledgementRule.class, AcknowledgementRule.RECEIVER, "who may acknowledge a contribution");

  /** How long a new member counts as a newcomer, in days (1 to 365). Default: 90. */
  public static final Parameter<Integer> NEWCOMER_WINDOW_DAYS = ofInt("newcomer-window-days", 1, 365, 90,
      "how many days a new member counts as a newcomer");

  /** Within how many cycles every eligible newcomer holds a real role (1 to 12). Default: 2. */
  public static final Parameter<Integer> NEWCOMER_GUARANTEE_CYCLES = ofInt("newcomer-guarantee-cycles", 1, 12, 2,
      "within how many rotation cycles a newcomer holds a real role");

  /** The rotation policy. Default: {@code stride}. */
  public static final Parameter<String> ROTATION_POLICY = ofChoice("rotation-policy",
      List.of("stride", "weighted-stride", "lottery", "round-robin"), "stride", "how roles rotate");

  /**
   * Whether a lottery for which no nonce was revealed (nobody committed, or everyone who did
   * withheld) is drawn from the anchor root alone ({@code allow}; the transcript says so) or not
   * drawn at all ({@code refuse}). A draw from the anchor alone has no member's secret in it, so
   * whoever can add entries before the anchor height can aim at an outcome. Default: refuse.
   */
  public static final Parameter<String> LOTTERY_ANCHOR_ONLY = ofChoice("lottery-anchor-only",
      List.of("refuse", "allow"), "refuse", "whether a lottery nobody revealed a nonce for is drawn from the anchor"
          + " root alone");

  /**
   * Whether the collective joins the clearing rounds its partners propose ({@code join}: it states
   * its debts to the round's collectives and records its legs of the cycles found) or declines
   * them ({@code decline}, saying so). A round is a matter between collectives, so the consent is
   * an agreement's. Default: decline.
   */
  public static final Parameter<String> CLEARING_ROUNDS = ofChoice("clearing-rounds",
      List.of("decline", "join"), "decline", "whether the collective joins clearing rounds its partners propose");

  /**
   * Whether a poll may keep its ballots secret: {@code allow} (the opener chooses; open is the
   * default), {@code refuse} (every ballot on the ledger) or {@code require} (every poll secret).
   * Default: allow.
   */
  public static final Parameter<String> POLL_SECRET_BALLOTS = ofChoice("poll-secret-ballots",
      List.of("allow", "refuse", "require"), "allow", "whether a poll may keep its ballots secret");

  /** How many dots each member places in a dot vote (1 to 100). Default: 3. */
  public static final Parameter<Integer> POLL_DOTS = ofInt("poll-dots", 1, 100, 3,
      "how many dots each member places in a dot vote");

  /** The highest score a member gives an option in score voting (1 to 100). Default: 5. */
  public static final Parameter<Integer> POLL_SCORE_MAX = ofInt("poll-score-max", 1, 100, 5,
      "the highest score an option can be given in score voting");

  /** The shortest time a poll stays open, in hours (1 to 2160). Default: 24. */
  public static final Parameter<Integer> POLL_MIN_HOURS = ofInt("poll-min-hours", 1, 2160, 24,
      "the shortest time a poll stays open, in hours");

  /**
   * The questions someone who asks to join answers, written {@code id: text} and separated by
   * {@code |}; {@code (optional)} after an id marks one they may leave out ({@link Questions}).
   * Default: none.
   */
  public static final Parameter<List<Question>> JOINING_QUESTIONS = new Parameter<>("joining-questions", List.of(),
      "the questions someone who asks to join answers", "questions written \"id: text\", separated by '|'",
      Questions::parse, Questions::format);

  /**
   * Whether a newcomer joins only through an accepted application ({@code required}) or may also
   * be admitted by a member directly ({@code optional}). Default: optional.
   */
  public static final Parameter<String> JOINING_BY_APPLICATION = ofChoice("joining-by-application",
      List.of("optional", "required"), "optional", "whether a newcomer joins only through an accepted application");

  /**
   * How an application is decided: by any one member ({@code any-member}), or under the decision
   * rule of the agreement that sets this parameter ({@code agreement-rule}: members respond within
   * its window, and the decision is the one its rule gives). Default: any-member.
   */
  public static final Parameter<String> JOINING_DECISION = ofChoice("joining-decision",
      List.of("any-member", "agreement-rule"), "any-member", "how an application to join is decided");

  /** How many members must trust a newcomer before they gain the trust permissions (0 to 50). Default: 0, none. */
  public static final Parameter<Integer> TRUST_THRESHOLD = ofInt("trust-threshold", 0, 50, 0,
      "how many members must trust a newcomer before they gain the trust permissions");

  /** What a newcomer may do only once trusted, comma-separated. Default: acknowledge, propose, steward. */
  public static final Parameter<Set<Permission>> TRUST_PERMISSIONS = new Parameter<>("trust-permissions",
      Set.copyOf(EnumSet.allOf(Permission.class)), "what a newcomer may do only once trusted",
      "some of acknowledge, propose, steward, separated by commas", s -> s.isBlank() ? Set.of()
          : Arrays.stream(s.split(",")).map(w -> Permission.valueOf(w.trim().toUpperCase(Locale.ROOT)))
              .collect(Collectors.toUnmodifiableSet()),
      v -> new TreeSet<>(v).stream().map(e -> e.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(",")));

  /** Until when a member counts as new: the window, until trusted, or whichever comes first. Default: window. */
  public static final Parameter<NewcomerUntil> NEWCOMER_UNTIL = ofEnum("newcomer-until", NewcomerUntil.class,
      NewcomerUntil.WINDOW, "until when a member counts as new");

  /** The shortest time a sign-up window stays open, in hours (1 to 2160). Default: 48. */
  public static final Parameter<Integer> SIGNUP_MIN_HOURS = ofInt("signup-min-hours", 1, 2160, 48,
      "the shortest time a sign-up window stays open, in hours");

  /**
   * How many days before a sign-up round's first day its window closes at the latest (0 to 90), so
   * that everyone knows their turns, chosen or assigned, in time. Default: 2.
   */
  public static final Parameter<Integer> SIGNUP_NOTICE_DAYS = ofInt("signup-notice-days", 0, 90, 2,
      "how many days before a sign-up round's first day its window closes at the latest");

  /** The most hours a time-bank account may owe (0 to 1000). Default: 20. */
  public static final Parameter<BigDecimal> TIME_BANK_DEBIT_LIMIT_HOURS = ofDecimal("time-bank-debit-limit-hours",
      "0", "1000", "20", "the most hours a time-bank account may owe");

  /** The most hours a time-bank account may hold in credit (0 to 1000). Default: 40. */
  public static final Parameter<BigDecimal> TIME_BANK_CREDIT_LIMIT_HOURS = ofDecimal("time-bank-credit-limit-hours",
      "0", "1000", "40", "the most hours a time-bank account may hold in credit");

  /** Each member's cap, in hours per week, during an intense phase (1 to 80). Default: 10. */
  public static final Parameter<BigDecimal> INTENSE_CAPACITY_HOURS_PER_WEEK = ofDecimal(
      "intense-capacity-hours-per-week", "1", "80", "10", "each member's cap in hours per week in an intense phase");

  /** The share of role turns held by the fewest members that triggers a health warning (1 to 100). Default: 50. */
  public static final Parameter<Integer> HEALTH_ROLE_CONCENTRATION_PERCENT = ofInt(
      "health-role-concentration-percent", 1, 100, 50, "share of role turns held by few members that raises a warning");

  /** The longest an intense phase may run, in weeks, before the burnout guard warns (1 to 52). Default: 6. */
  public static final Parameter<Integer> CYCLE_MAX_INTENSITY_WEEKS = ofInt("cycle-max-intensity-weeks", 1, 52, 6,
      "how many weeks an intense phase may run before the burnout guard warns");

  /** The Gini of role turns or speaking time above which the health report warns, in percent (1 to 100). Default: 40. */
  public static final Parameter<Integer> HEALTH_GINI_PERCENT = ofInt("health-gini-percent", 1, 100, 40,
      "how uneven turns or speaking time may grow before the health report warns");

  /** Days an objection may stay unresolved before the health report warns (1 to 365). Default: 30. */
  public static final Parameter<Integer> HEALTH_DISSENT_DAYS = ofInt("health-dissent-days", 1, 365, 30,
      "how long an objection may stay unresolved before the health report warns");

  /** The share of newcomers who should hold a real role within the guarantee (1 to 100). Default: 80. */
  public static final Parameter<Integer> HEALTH_NEWCOMER_INCLUSION_PERCENT = ofInt("health-newcomer-inclusion-percent",
      1, 100, 80, "the share of newcomers who should hold a real role early");

  /** Which side of a time-bank transfer records it; the other side confirms. Default: the provider records. */
  public static final Parameter<TransferRecorder> TIME_BANK_RECORDED_BY = ofEnum("time-bank-recorded-by",
      TransferRecorder.class, TransferRecorder.PROVIDER, "which side of a time-bank transfer records it");

  /** Days within which a time-bank transfer or a fulfilled offer must be confirmed (1 to 90). Default: 14. */
  public static final Parameter<Integer> TIME_BANK_CONFIRM_WITHIN_DAYS = ofInt("time-bank-confirm-within-days", 1, 90,
      14, "how many days the other side has to confirm a time-bank transfer");

  /** Hours the collective's own account gives a member after orientation (0 to 40). Default: 0, none. */
  public static final Parameter<BigDecimal> TIME_BANK_STARTING_HOURS = ofDecimal("time-bank-starting-hours", "0",
      "40", "0", "hours a member starts with after orientation, given by the collective's own account");

  /** Whether weekend hours are owed as weekend hours ({@code weekend}) or not ({@code none}). Default: none. */
  public static final Parameter<String> TIME_BANK_RECIPROCITY = ofChoice("time-bank-reciprocity",
      List.of("none", "weekend"), "none", "whether weekend hours must be repaid as weekend hours");

  /** The share of accounts at a limit that raises a time-bank warning, in percent (1 to 100). Default: 25. */
  public static final Parameter<Integer> TIME_BANK_LIMIT_ALERT_PERCENT = ofInt("time-bank-limit-alert-percent", 1,
      100, 25, "the share of accounts at a limit that raises a time-bank warning");

  /** New credit in 30 days, as a share of all credit held, that raises a warning, in percent (1 to 100). Default: 50. */
  public static final Parameter<Integer> TIME_BANK_NEW_CREDIT_PERCENT = ofInt("time-bank-new-credit-percent", 1, 100,
      50, "how much new credit in 30 days, against all credit held, raises a warning");

  /** The most one mutual aid claim may ask for (0 to 1,000,000). Default: 0, so no claim until an agreement sets it. */
  public static final Parameter<BigDecimal> AID_FUND_MAX_CLAIM = ofDecimal("aid-fund-max-claim", "0", "1000000", "0",
      "the most one claim on the mutual aid fund may ask for");

  /** How many stewards must approve a claim before it is paid (1 to 12). Default: 2. */
  public static final Parameter<Integer> AID_FUND_APPROVALS = ofInt("aid-fund-approvals", 1, 12, 2,
      "how many approvals a claim needs before it is paid");

  /** Days within which the stewards decide on a claim; later, it is on the agenda (1 to 90). Default: 7. */
  public static final Parameter<Integer> AID_FUND_DECIDE_WITHIN_DAYS = ofInt("aid-fund-decide-within-days", 1, 90, 7,
      "how many days the stewards have to decide on a claim");

  /**
   * The members who approve claims and may read their details, comma-separated. Default: none
   * named, so every member other than the claimant approves and nobody but the claimant reads.
   */
  public static final Parameter<List<MemberId>> AID_FUND_STEWARDS = ofMembers("aid-fund-stewards",
      "who approves mutual aid claims and may read their details");

  /**
   * The largest expense claim (in its account's currency) that one member other than the claimant
   * approves (0 to 1,000,000,000); above it, the members decide it under the decision rule of the
   * agreement that sets this. Until an agreement sets it, no expense can be claimed.
   */
  public static final Parameter<BigDecimal> FINANCE_APPROVAL_THRESHOLD = ofDecimal("finance-approval-threshold", "0",
      "1000000000", "0", "the largest expense one other member approves; above it, the agreement's decision rule");

  /** How far below zero an account may go, in its currency (0 to 1,000,000,000). Default: 0, never below zero. */
  public static final Parameter<BigDecimal> FINANCE_OVERDRAFT = ofDecimal("finance-overdraft", "0", "1000000000", "0",
      "how far below zero an account may go");

  /**
   * The categories money is booked in, comma-separated (such as {@code rent,tools,food}). Default:
   * none declared, so any category is booked.
   */
  public static final Parameter<List<String>> FINANCE_CATEGORIES = new Parameter<>("finance-categories", List.of(),
      "the categories money is booked in", "category names separated by commas",
      s -> s.isBlank() ? List.of() : Arrays.stream(s.split(",")).map(String::trim)
          .map(c -> coop.lattice.internal.Names.slug("category", c)).distinct().toList(), l -> String.join(",", l));

  /**
   * The members who may read the ledger as the collective knows it, with every handle and tag
   * resolved to a member, to check the rules a partner's mirror cannot (see {@code docs/privacy.md}),
   * comma-separated. Default: none.
   */
  public static final Parameter<List<MemberId>> LEDGER_STEWARDS = ofMembers("ledger-stewards",
      "who may read the ledger with its handles and tags resolved, to check what mirrors cannot");

  /**
   * How many partners must cosign the collective's newest entries before they count as witnessed
   * (0 to 12); until then the health report and the agenda say since when they are unwitnessed.
   * Default: 0, witnessing shown but not required.
   */
  public static final Parameter<Integer> WITNESS_COSIGNATURES = ofInt("witness-cosignatures", 0, 12, 0,
      "how many partners must cosign the newest entries before they count as witnessed");

  /**
   * What the collective's node does on start when it cannot reach enough witnesses to learn
   * whether its ledger was rolled back: {@code carry-on} (the default; shown on the health report),
   * or {@code wait} (held until enough answer, or an operator decides).
   */
  public static final Parameter<String> WITNESS_UNREACHABLE = ofChoice("witness-unreachable",
      List.of("carry-on", "wait"), "carry-on", "what the node does when it cannot reach enough witnesses on start");

  /**
   * The ledger key the collective adopted to recover a lost one, in URL-safe base64: a recovery
   * ({@code LedgerKeys.recover}) is recorded only for the key the agreements in force name. Default: none.
   */
  public static final Parameter<String> LEDGER_KEY = new Parameter<>("ledger-key", "",
      "the ledger key the collective adopted to recover a lost one", "an Ed25519 public key in URL-safe base64",
      LedgerKeyText::parse, s -> s);

  /** How many partners must countersign the recovery of a lost ledger key (1 to 20). Default: 2. */
  public static final Parameter<Integer> KEY_RECOVERY_COUNTERSIGNATURES = ofInt("key-recovery-countersignatures", 1,
      20, 2, "how many partners must countersign the recovery of a lost ledger key");

  /**
   * Whether the collective countersigns a partner's recovery of its lost ledger key once its copy backs
   * it ({@code automatic}) or once a member says so ({@code ask-members}): whoever took over a partner's
   * node can ask in its name. Default: ask-members.
   */
  public static final Parameter<String> KEY_RECOVERY_WITNESS = ofChoice("key-recovery-witness",
      List.of("ask-members", "automatic"), "ask-members",
      "whether the collective countersigns a partner's recovery of its ledger key without asking its members");

  /** Whether the node's SPARQL endpoint answers over this collective's ledger ({@code open}) or not. Default: open. */
  public static final Parameter<String> SPARQL_ENDPOINT = ofChoice("sparql-endpoint", List.of("open", "closed"),
      "open", "whether the node's SPARQL endpoint answers over the collective's ledger");

  private final String name;
  private final T defaultValue;
  private final String meaning;
  private final String expected;
  private final Function<String, T> parse;
  private final Function<T, String> format;

  private Parameter(String name, T defaultValue, String meaning, String expected, Function<String, T> parse,
      Function<T, String> format) {
    this.name = name;
    this.defaultValue = defaultValue;
    this.meaning = meaning;
    this.expected = expected;
    this.parse = parse;
    this.format = format;
    ALL.put(name, this);
  }

  /** Every parameter, in the order above. */
  /** Whether this parameter's value is a list of members: the ledger records them as handles and tags. */
  public boolean namesMembers() {
    return MEMBER_LISTS.contains(name);
  }

  private static Parameter<List<MemberId>> ofMembers(String name, String meaning) {
    MEMBER_LISTS.add(name);
    return new Parameter<>(name, List.of(), meaning, "member ids separated by commas",
        s -> s.isBlank() ? List.of() : Arrays.stream(s.split(",")).map(String::trim).map(MemberId::of).distinct()
            .toList(), l -> l.stream().map(MemberId::value).collect(Collectors.joining(",")));
  }

  public static List<Parameter<?>> all() {
    return List.copyOf(ALL.values());
  }

  /** The parameter called {@code name}, if there is one. */
  public static Optional<Parameter<?>> named(String name) {
    return Optional.ofNullable(ALL.get(name));
  }

  public String name() {
    return name;
  }

  public T defaultValue() {
    return defaultValue;
  }

  /** What it governs, in words. */
  public String meaning() {
    return meaning;
  }

  /** Parses a written value, rejecting the wrong type or a value out of range with a message that says what fits. */
  public T parse(String text) {
    try {
      return parse.apply(text);
    } catch (RuntimeException e) {
      throw new InvalidAgreementException("\"" + text + "\" does not fit " + name + " (" + meaning + "): expected "
          + expected + ".");
    }
  }

  /** The value as written in an agreement. */
  public String format(T value) {
    return format.apply(value);
  }

  @Override
  public String toString() {
    return name;
  }

  private static Parameter<Integer> ofInt(String name, int min, int max, int dflt, String meaning) {
    return new Parameter<>(name, dflt, meaning, "a whole number from " + min + " to " + max, s -> {
      int v = Integer.parseInt(s.trim());
      if (v < min || v > max) {
        throw new IllegalArgumentException();
      }
      return v;
    }, String::valueOf);
  }

  private static Parameter<BigDecimal> ofDecimal(String name, String min, String max, String dflt, String meaning) {
    BigDecimal lo = new BigDecimal(min);
    BigDecimal hi = new BigDecimal(max);
    return new Parameter<>(name, new BigDecimal(dflt), meaning, "a number from " + min + " to " + max, s -> {
      BigDecimal v = new BigDecimal(s.trim());
      if (v.compareTo(lo) < 0 || v.compareTo(hi) > 0) {
        throw new IllegalArgumentException();
      }
      return v;
    }, BigDecimal::toPlainString);
  }

  private static <E extends Enum<E>> Parameter<E> ofEnum(String name, Class<E> type, E dflt, String meaning) {
    String choices = Arrays.stream(type.getEnumConstants()).map(e -> e.name().toLowerCase(Locale.ROOT).replace('_', '-'))
        .collect(Collectors.joining(", "));
    return new Parameter<>(name, dflt, meaning, "one of " + choices,
        s -> Enum.valueOf(type, s.trim().toUpperCase(Locale.ROOT).replace('-', '_')),
        e -> e.name().toLowerCase(Locale.ROOT).replace('_', '-'));
  }

  private static Parameter<String> ofChoice(String name, List<String> choices, String dflt, String meaning) {
    return new Parameter<>(name, dflt, meaning, "one of " + String.join(", ", choices), s -> {
      String v = s.trim().toLowerCase(Locale.ROOT);
      if (!choices.contains(v)) {
        throw new IllegalArgumentException();
      }
      return v;
    }, s -> s);
  }
}
