package coop.lattice.agreement;

import coop.lattice.InvalidAgreementException;
import coop.lattice.internal.Names;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What an agreement says: a short text of principles, the decision rule for changing it, what it
 * governs, the parameters it fixes, and the date it must be revisited by. "Good enough for now,
 * safe enough to try, until the next review."
 *
 * @param id which agreement this is, across versions
 * @param title a short title
 * @param text the principles, in a few sentences
 * @param reviewOn when it must be revisited; required
 * @param rule how it is changed (and, for a new agreement, adopted)
 * @param scope what it governs, in words
 * @param settings the parameters it fixes, sorted by name, each at most once
 * @param lapseAfterDays if set, the agreement lapses this many days after its review date unless
 *     renewed or amended, and its parameters fall back to their defaults; if null it stays in force,
 *     overdue
 */
public record AgreementTerms(
    AgreementId id, String title, String text, LocalDate reviewOn, DecisionRule rule, String scope,
    List<Setting> settings, @Nullable Long lapseAfterDays) {

  public AgreementTerms {
    Names.text("an agreement's title", title, 120);
    Names.text("an agreement's text", text, 4000);
    Names.text("an agreement's scope", scope, 400);
    if (title.isBlank()) {
      throw new InvalidAgreementException("an agreement needs a title");
    }
    List<Setting> sorted = new ArrayList<>(settings);
    sorted.sort(Comparator.comparing(Setting::name));
    Set<String> seen = new HashSet<>();
    for (Setting s : sorted) {
      if (!seen.add(s.name())) {
        throw new InvalidAgreementException("an agreement sets " + s.name() + " more than once");
      }
    }
    settings = List.copyOf(sorted);
    if (lapseAfterDays != null && (lapseAfterDays < 0 || lapseAfterDays > 3650)) {
      throw new InvalidAgreementException("a grace period before lapsing is 0 to 3650 days, not " + lapseAfterDays);
    }
  }

  public static Builder builder(AgreementId id, String title) {
    return new Builder(id, title);
  }

  public Builder toBuilder() {
    Builder b = new Builder(id, title).text(text).reviewOn(reviewOn).rule(rule).scope(scope);
    b.settings.addAll(settings);
    b.lapseAfterDays = lapseAfterDays;
    return b;
  }

  /** The value this agreement fixes for {@code parameter}, if it fixes one. */
  public <T> Optional<T> get(Parameter<T> parameter) {
    for (Setting s : settings) {
      if (s.name().equals(parameter.name())) {
        return Optional.of(parameter.parse(s.value()));
      }
    }
    return Optional.empty();
  }

  /** Builds terms; the only mutable part. {@link #build()} insists on a review date. */
  public static final class Builder {
    private final AgreementId id;
    private final String title;
    private String text = "";
    private @Nullable LocalDate reviewOn;
    private DecisionRule rule = DecisionRule.consent(Duration.ofDays(7));
    private String scope = "";
    private final List<Setting> settings = new ArrayList<>();
    private @Nullable Long lapseAfterDays;

    private Builder(AgreementId id, String title) {
      this.id = id;
      this.title = title;
    }

    public Builder text(String text) {
      this.text = text;
      return this;
    }

    public Builder reviewOn(LocalDate date) {
      this.reviewOn = date;
      return this;
    }

    /** The decision rule for changing it; default: consent with a 7-day window. */
    public Builder rule(DecisionRule rule) {
      this.rule = rule;
      return this;
    }

    public Builder scope(String scope) {
      this.scope = scope;
      return this;
    }

    public <T> Builder set(Parameter<T> parameter, T value) {
      settings.removeIf(s -> s.name().equals(parameter.name()));
      settings.add(Setting.of(parameter, value));
      return this;
    }

    /** Sets a parameter from its written form, as an app or another collective would send it. */
    public Builder set(String parameter, String value) {
      settings.removeIf(s -> s.name().equals(parameter));
      settings.add(new Setting(parameter, value));
      return this;
    }

    public Builder lapseAfterDays(long days) {
      this.lapseAfterDays = days;
      return this;
    }

    public AgreementTerms build() {
      if (reviewOn == null) {
        throw new InvalidAgreementException("\"" + title + "\" needs a review date: an agreement is good enough for"
            + " now and safe enough to try until a date the collective names to revisit it.");
      }
      return new AgreementTerms(id, title, text, reviewOn, rule, scope, settings, lapseAfterDays);
    }
  }
}
