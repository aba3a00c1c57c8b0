package coop.lattice.agreement;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The parameters in force at a moment: each one as the agreement in force fixes it, or its
 * documented default. Immutable.
 */
public final class Parameters {
  private static final Parameters DEFAULTS = new Parameters(Map.of(), Map.of());

  private final Map<Parameter<?>, Object> values;
  private final Map<Parameter<?>, AgreementId> sources;

  private Parameters(Map<Parameter<?>, Object> values, Map<Parameter<?>, AgreementId> sources) {
    this.values = Map.copyOf(values);
    this.sources = Map.copyOf(sources);
  }

  /** Every parameter at its default. */
  public static Parameters defaults() {
    return DEFAULTS;
  }

  /** The parameters fixed by {@code inForce}, the others at their defaults. */
  public static Parameters of(Iterable<AgreementTerms> inForce) {
    Map<Parameter<?>, Object> values = new HashMap<>();
    Map<Parameter<?>, AgreementId> sources = new HashMap<>();
    for (AgreementTerms terms : inForce) {
      for (Setting s : terms.settings()) {
        Parameter<?> p = s.parameter();
        values.put(p, p.parse(s.value()));
        sources.put(p, terms.id());
      }
    }
    return new Parameters(values, sources);
  }

  @SuppressWarnings("unchecked")
  public <T> T get(Parameter<T> parameter) {
    Object v = values.get(parameter);
    return v == null ? parameter.defaultValue() : (T) v;
  }

  /** The agreement that fixes {@code parameter}; empty when it is at its default. */
  public Optional<AgreementId> source(Parameter<?> parameter) {
    return Optional.ofNullable(sources.get(parameter));
  }

  /**
   * Where {@code parameter}'s value comes from, for messages: {@code agreement "id"}, or {@code
   * the default while no agreement sets name}.
   */
  public String describeSource(Parameter<?> parameter) {
    return source(parameter).map(id -> "agreement \"" + id + "\"")
        .orElse("the default while no agreement sets " + parameter.name());
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder();
    for (Parameter<?> p : Parameter.all()) {
      b.append(p.name()).append('=').append(format(p)).append(source(p).map(a -> " (" + a + ")").orElse(" (default)"))
          .append('\n');
    }
    return b.toString();
  }

  private <T> String format(Parameter<T> p) {
    return p.format(get(p));
  }
}
