package org.trackmycrime.core.privacy;

import java.time.Period;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.trackmycrime.core.internal.Checks;

/**
 * How long the personal data of a closed crime is kept, per force. The period counts from the
 * crime's last recorded activity once it is closed: its latest timeline entry (the closure itself
 * or anything after it) or victim's message. Default: 12 months for every force.
 */
public final class RetentionPolicy {
  /** The default period: twelve months after a crime closes. */
  public static final Period DEFAULT_PERIOD = Period.ofMonths(12);

  private final Period defaultPeriod;
  private final Map<String, Period> forces;

  private RetentionPolicy(Period defaultPeriod, Map<String, Period> forces) {
    this.defaultPeriod = defaultPeriod;
    this.forces = Map.copyOf(forces);
  }

  /** {@link #DEFAULT_PERIOD} for every force. */
  public static RetentionPolicy defaults() {
    return new RetentionPolicy(DEFAULT_PERIOD, Map.of());
  }

  /** The period for forces without one of their own. */
  public RetentionPolicy withDefaultPeriod(Period value) {
    check("retention.defaultPeriod", value);
    return new RetentionPolicy(value, forces);
  }

  /** One force's own period. */
  public RetentionPolicy withForce(String force, Period value) {
    new Checks().slug("retention.force", force).throwIfAny();
    check("retention." + force, value);
    Map<String, Period> copy = new HashMap<>(forces);
    copy.put(force, value);
    return new RetentionPolicy(defaultPeriod, copy);
  }

  /** The period that applies to a force. */
  public Period periodFor(String force) {
    return forces.getOrDefault(force, defaultPeriod);
  }

  private static void check(String field, Period value) {
    new Checks()
        .notNull(field, value)
        .require(
            value == null || (!value.isNegative() && !value.isZero()),
            field,
            "must be a positive period")
        .throwIfAny();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RetentionPolicy p
        && p.defaultPeriod.equals(defaultPeriod)
        && p.forces.equals(forces);
  }

  @Override
  public int hashCode() {
    return Objects.hash(defaultPeriod, forces);
  }

  @Override
  public String toString() {
    return "RetentionPolicy[default " + defaultPeriod + ", forces " + forces + "]";
  }
}
