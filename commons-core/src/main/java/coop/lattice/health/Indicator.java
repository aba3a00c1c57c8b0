package coop.lattice.health;

/**
 * One group-level health indicator: its value, the threshold an agreement set (or the default),
 * whether it crossed it, and what it means in plain words. Never about one person.
 *
 * @param name a stable name, such as {@code "role-concentration"}
 * @param value the measured value (its meaning is in the explanation)
 * @param threshold the value at which it warns
 * @param crossed whether it warns now
 * @param explanation what it measures and what the warning means, for the meeting
 */
public record Indicator(String name, double value, double threshold, boolean crossed, String explanation) {}
