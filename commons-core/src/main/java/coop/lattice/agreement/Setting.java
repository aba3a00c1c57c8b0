package coop.lattice.agreement;

import coop.lattice.InvalidAgreementException;

/**
 * One parameter an agreement fixes, as written: {@code acknowledged-by = any-other-member}. The
 * value is checked against the {@link Parameter}'s type and range whenever a setting is made,
 * including when a ledger is replayed.
 */
public record Setting(String name, String value) {
  public Setting {
    Parameter<?> p = Parameter.named(name).orElseThrow(() -> new InvalidAgreementException(
        "\"" + name + "\" is not a parameter an agreement can set; known parameters: "
            + String.join(", ", Parameter.all().stream().map(Parameter::name).toList()) + "."));
    value = canonical(p, value);
  }

  public static <T> Setting of(Parameter<T> parameter, T value) {
    return new Setting(parameter.name(), parameter.format(value));
  }

  private static <T> String canonical(Parameter<T> p, String value) {
    return p.format(p.parse(value));
  }

  /** The typed parameter this setting fixes. */
  public Parameter<?> parameter() {
    return Parameter.named(name).orElseThrow();
  }
}
