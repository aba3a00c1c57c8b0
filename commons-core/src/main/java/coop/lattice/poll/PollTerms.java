package coop.lattice.poll;

import coop.lattice.InvalidPollException;
import coop.lattice.internal.Names;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a poll asks and how it counts, fixed when it opens and recorded on the ledger: the question,
 * the method, the options, when it closes, whether ballots are secret, the published seed that
 * breaks ties, and the limits the agreements in force set (dots per member for a dot vote, the
 * highest score for score voting). Every option is named once; for a time poll each option is an
 * ISO-8601 instant ({@code 2027-03-04T18:00:00Z}).
 *
 * <pre>{@code
 * PollTerms terms = PollTerms.builder("Where do we hold the spring fair?", PollMethod.SCHULZE,
 *     List.of("park", "hall", "school"), Instant.parse("2027-03-10T18:00:00Z"), 20270310L).build();
 * }</pre>
 *
 * @param question what the poll asks
 * @param method how it counts
 * @param options 2 to {@value #MAX_OPTIONS} options, each named once
 * @param closes when voting ends; the poll is closed and counted after it
 * @param secret whether ballots stay in the collective's private state, with only salted commitments
 *     and the tally on the ledger; otherwise each ballot is on the ledger
 * @param seed published when the poll opens, before any ballot: the only thing that breaks ties
 * @param dots for a dot vote, how many dots each member places (from the agreements in force); 0 otherwise
 * @param maxScore for score voting, the highest score (from the agreements in force); 0 otherwise
 */
public record PollTerms(String question, PollMethod method, List<String> options, Instant closes, boolean secret,
    long seed, int dots, int maxScore) {
  /** The most options a poll may offer. */
  public static final int MAX_OPTIONS = 100;
  static final int OPTION_LENGTH = 200;

  public PollTerms {
    Names.text("a poll's question", question, 500);
    options = List.copyOf(options);
    if (options.size() < 2 || options.size() > MAX_OPTIONS) {
      throw new InvalidPollException("A poll offers 2 to " + MAX_OPTIONS + " options to choose among, not "
          + options.size() + ".");
    }
    Set<String> seen = new HashSet<>();
    Set<String> twice = new TreeSet<>();
    for (String o : options) {
      Names.text("an option", o, OPTION_LENGTH);
      if (o.isBlank()) {
        throw new InvalidPollException("A poll's option needs a name; this one is blank.");
      }
      if (!seen.add(o)) {
        twice.add(o);
      }
      if (method == PollMethod.TIME_POLL) {
        requireTime(o);
      }
    }
    if (!twice.isEmpty()) {
      throw new InvalidPollException("\"" + String.join("\" and \"", twice) + "\" " + (twice.size() == 1 ? "is" : "are")
          + " offered more than once: name each option once.");
    }
    if (dots != 0 && method != PollMethod.DOT_VOTE || maxScore != 0 && method != PollMethod.SCORE_VOTE) {
      throw new InvalidPollException("Only a dot vote has dots and only score voting a highest score; a "
          + method + " poll has neither (leave them 0).");
    }
  }

  private static void requireTime(String option) {
    try {
      Instant.parse(option);
    } catch (DateTimeParseException e) {
      throw new InvalidPollException("A time poll's options are times such as 2027-03-04T18:00:00Z (ISO-8601, in"
          + " UTC); \"" + option + "\" is not one.");
    }
  }

  /** Terms for {@code question}, counted by {@code method}, open until {@code closes}, ties broken by {@code seed}. */
  public static Builder builder(String question, PollMethod method, List<String> options, Instant closes, long seed) {
    return new Builder(question, method, options, closes, seed);
  }

  /** A builder holding these terms, to change one. */
  public Builder toBuilder() {
    Builder b = new Builder(question, method, options, closes, seed);
    b.secret = secret;
    b.dots = dots;
    b.maxScore = maxScore;
    return b;
  }

  /** Builds {@link PollTerms}; the only mutable part. */
  public static final class Builder {
    private final String question;
    private final PollMethod method;
    private final List<String> options;
    private final Instant closes;
    private final long seed;
    private boolean secret;
    private int dots;
    private int maxScore;

    private Builder(String question, PollMethod method, List<String> options, Instant closes, long seed) {
      this.question = question;
      this.method = method;
      this.options = List.copyOf(options);
      this.closes = closes;
      this.seed = seed;
    }

    /** Ballots stay in the collective's private state; the ledger holds their salted commitments and the tally. */
    public Builder secret() {
      this.secret = true;
      return this;
    }

    /** Dots per member for a dot vote; the collective sets it from its agreements when the poll opens. */
    public Builder dots(int dots) {
      this.dots = dots;
      return this;
    }

    /** The highest score for score voting; the collective sets it from its agreements when the poll opens. */
    public Builder maxScore(int maxScore) {
      this.maxScore = maxScore;
      return this;
    }

    public PollTerms build() {
      return new PollTerms(question, method, options, closes, secret, seed, dots, maxScore);
    }
  }
}
