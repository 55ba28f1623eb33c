package org.trackmycrime.core.cadence;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.trackmycrime.core.ValidationException;
import org.trackmycrime.core.internal.Checks;
import org.trackmycrime.core.model.ForceSettings;

/**
 * How often a force updates its victims, and how fast it tells them of key decisions.
 *
 * <p>Two presets, chosen by name in {@link ForceSettings#cadencePolicy()}:
 *
 * <ul>
 *   <li>{@link #TRACKMYCRIME}: the first regular update within 28 days of the report, then within
 *       28 days of the last update the victim could see;
 *   <li>{@link #ENHANCED}: first contact within 24 hours, then within 10 days, then 28 days, then
 *       every 28 days.
 * </ul>
 *
 * Both tell key decisions within 5 working days, or 1 for a victim with enhanced rights (Victims'
 * Code, Right 6). A force can build its own from a preset ({@code
 * CadencePolicy.TRACKMYCRIME.toBuilder().name("weekly").regularSchedule(Interval.days(7)).build()})
 * but never looser than the Code or the 28-day promise.
 *
 * @param name how forces refer to it
 * @param keyDecisionWorkingDays working days to tell a victim with standard rights (0-5)
 * @param keyDecisionWorkingDaysEnhanced working days to tell a victim with enhanced rights (0-1,
 *     and no more than for standard rights)
 * @param regularSchedule the interval before the first regular update, then before the second, and
 *     so on; the last one repeats. Each at most 28 days.
 */
public record CadencePolicy(
    String name,
    int keyDecisionWorkingDays,
    int keyDecisionWorkingDaysEnhanced,
    List<Interval> regularSchedule) {

  /** The Victims' Code's limits, and the TrackMyCrime promise of an update every 28 days. */
  public static final int CODE_WORKING_DAYS = 5;

  public static final int CODE_WORKING_DAYS_ENHANCED = 1;
  public static final int PROMISE_DAYS = 28;

  public static final CadencePolicy TRACKMYCRIME =
      new CadencePolicy(
          ForceSettings.DEFAULT_CADENCE_POLICY,
          CODE_WORKING_DAYS,
          CODE_WORKING_DAYS_ENHANCED,
          List.of(Interval.days(PROMISE_DAYS)));

  public static final CadencePolicy ENHANCED =
      new CadencePolicy(
          "ENHANCED",
          CODE_WORKING_DAYS,
          CODE_WORKING_DAYS_ENHANCED,
          List.of(Interval.hours(24), Interval.days(10), Interval.days(PROMISE_DAYS)));

  /** A span of elapsed hours or of calendar days (ending at the end of a local day). */
  public record Interval(int amount, Unit unit) {
    public enum Unit {
      HOURS,
      DAYS
    }

    public Interval {
      new Checks()
          .notNull("interval.unit", unit)
          .require(amount >= 1, "interval.amount", "must be at least 1")
          .require(
              unit == null || hoursApprox(amount, unit) <= PROMISE_DAYS * 24L,
              "interval",
              "must be at most " + PROMISE_DAYS + " days (the TrackMyCrime promise)")
          .throwIfAny();
    }

    public static Interval days(int days) {
      return new Interval(days, Unit.DAYS);
    }

    public static Interval hours(int hours) {
      return new Interval(hours, Unit.HOURS);
    }

    /** Nominal length in hours (a day counts 24), used only to compare intervals. */
    public long nominalHours() {
      return hoursApprox(amount, unit);
    }

    private static long hoursApprox(int amount, Unit unit) {
      return unit == Unit.DAYS ? amount * 24L : amount;
    }

    @Override
    public String toString() {
      String word = unit == Unit.DAYS ? "day" : "hour";
      return amount + " " + (amount == 1 ? word : word + "s");
    }
  }

  public CadencePolicy {
    new Checks()
        .text("cadencePolicy.name", name, 64)
        .require(
            keyDecisionWorkingDays >= 0 && keyDecisionWorkingDays <= CODE_WORKING_DAYS,
            "cadencePolicy.keyDecisionWorkingDays",
            "must be between 0 and " + CODE_WORKING_DAYS + " (Victims' Code, Right 6)")
        .require(
            keyDecisionWorkingDaysEnhanced >= 0
                && keyDecisionWorkingDaysEnhanced <= CODE_WORKING_DAYS_ENHANCED,
            "cadencePolicy.keyDecisionWorkingDaysEnhanced",
            "must be between 0 and "
                + CODE_WORKING_DAYS_ENHANCED
                + " (Victims' Code, Right 6, enhanced rights)")
        .require(
            keyDecisionWorkingDaysEnhanced <= keyDecisionWorkingDays,
            "cadencePolicy.keyDecisionWorkingDaysEnhanced",
            "must not be more than for standard rights")
        .noNulls("cadencePolicy.regularSchedule", regularSchedule)
        .require(
            regularSchedule == null || !regularSchedule.isEmpty(),
            "cadencePolicy.regularSchedule",
            "must have at least one interval")
        .throwIfAny();
    regularSchedule = List.copyOf(regularSchedule);
  }

  /** The working days to tell a victim of a key decision. */
  public int keyDecisionWorkingDays(boolean enhancedRights) {
    return enhancedRights ? keyDecisionWorkingDaysEnhanced : keyDecisionWorkingDays;
  }

  /**
   * The interval before regular update number {@code index} (0 = the first after the report or a
   * reopening); past the end of the schedule the last interval repeats.
   */
  public Interval regularInterval(int index) {
    return regularSchedule.get(Math.min(Math.max(index, 0), regularSchedule.size() - 1));
  }

  /** The presets, {@link #TRACKMYCRIME} first. */
  public static List<CadencePolicy> presets() {
    return List.of(TRACKMYCRIME, ENHANCED);
  }

  /**
   * The preset with that name.
   *
   * @throws ValidationException naming {@code cadencePolicy} when there is none
   */
  public static CadencePolicy named(String name) {
    return named(name, List.of());
  }

  /**
   * The force's own policy with that name, or else the preset with that name. A force's own policy
   * may reuse a preset's name to override it.
   *
   * @throws ValidationException naming {@code cadencePolicy} when there is none
   */
  public static CadencePolicy named(String name, Collection<CadencePolicy> forceOwn) {
    Objects.requireNonNull(forceOwn, "forceOwn");
    List<CadencePolicy> candidates = new ArrayList<>(forceOwn);
    candidates.addAll(presets());
    List<String> known = new ArrayList<>();
    for (CadencePolicy p : candidates) {
      if (p.name().equals(name)) {
        return p;
      }
      if (!known.contains(p.name())) {
        known.add(p.name());
      }
    }
    throw ValidationException.of(
        "cadencePolicy", "must name a known policy, one of " + String.join(", ", known));
  }

  /** A builder starting from the {@link #TRACKMYCRIME} values under a new name. */
  public static Builder builder(String name) {
    return TRACKMYCRIME.toBuilder().name(name);
  }

  /** A builder holding this policy's values, to change some of them. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Builds a {@link CadencePolicy}; {@link #build()} reports every broken rule at once. */
  public static final class Builder {
    private String name;
    private int standard;
    private int enhanced;
    private List<Interval> schedule;

    private Builder(CadencePolicy from) {
      this.name = from.name;
      this.standard = from.keyDecisionWorkingDays;
      this.enhanced = from.keyDecisionWorkingDaysEnhanced;
      this.schedule = from.regularSchedule;
    }

    public Builder name(String value) {
      this.name = value;
      return this;
    }

    /** Working days to tell a victim of a key decision, for standard and for enhanced rights. */
    public Builder keyDecisionWorkingDays(int standardRights, int enhancedRights) {
      this.standard = standardRights;
      this.enhanced = enhancedRights;
      return this;
    }

    /** The regular update intervals: first, second, …; the last repeats. */
    public Builder regularSchedule(Interval... intervals) {
      this.schedule = intervals == null ? null : Arrays.asList(intervals);
      return this;
    }

    public Builder regularSchedule(List<Interval> intervals) {
      this.schedule = intervals;
      return this;
    }

    public CadencePolicy build() {
      return new CadencePolicy(name, standard, enhanced, schedule);
    }
  }
}
