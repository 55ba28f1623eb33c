package org.trackmycrime.core.cadence;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.trackmycrime.core.ValidationException;
import org.trackmycrime.core.internal.Checks;

/**
 * How the SDK chases what is owed: when officers are reminded, when supervisors are told, when a
 * holding update may go out, and the forces' own policies and closure days. Passed to {@code
 * TrackMyCrime.builder().cadence(…)}; {@link #defaults()} when not given.
 *
 * <pre>{@code
 * CadenceConfig config = CadenceConfig.builder()
 *     .reminderLeadWorkingDays(2)
 *     .escalateAfterWorkingDays(3)
 *     .policy(CadencePolicy.builder("demo-force-weekly").regularSchedule(Interval.days(7)).build())
 *     .localClosure("demo-force", LocalDate.parse("2026-04-08"), "systems migration")
 *     .build();
 * }</pre>
 *
 * @param reminderLeadWorkingDays the officer in charge is reminded from the start of this many
 *     working days before the due date (0: from the start of the due date); default 3
 * @param escalateAfterWorkingDays an obligation still overdue at the end of this many working days
 *     after its due date is escalated to the supervisor of the officer's unit; default 5
 * @param holdingUpdateLeadWorkingDays for forces that allow holding updates, one is published from
 *     the start of this many working days before a regular update's due date if nothing new has
 *     been published by then (0: from the start of the due date); default 1
 * @param reminderBatchSize obligations handled per transaction by {@link Cadence#runReminders()},
 *     and crimes by {@link Cadence#rebuild(String)}; default 500
 * @param policies the forces' own cadence policies, found by the name in {@code
 *     ForceSettings.cadencePolicy}; one named like a preset replaces it. Default: none
 * @param localClosures per force slug, local days the force does not count as working days
 */
public record CadenceConfig(
    int reminderLeadWorkingDays,
    int escalateAfterWorkingDays,
    int holdingUpdateLeadWorkingDays,
    int reminderBatchSize,
    List<CadencePolicy> policies,
    Map<String, Map<LocalDate, String>> localClosures) {

  public static final int DEFAULT_REMINDER_LEAD_WORKING_DAYS = 3;
  public static final int DEFAULT_ESCALATE_AFTER_WORKING_DAYS = 5;
  public static final int DEFAULT_HOLDING_UPDATE_LEAD_WORKING_DAYS = 1;
  public static final int DEFAULT_REMINDER_BATCH_SIZE = 500;

  public CadenceConfig {
    Checks checks =
        new Checks()
            .require(
                reminderLeadWorkingDays >= 0 && reminderLeadWorkingDays <= 20,
                "cadence.reminderLeadWorkingDays",
                "must be between 0 and 20")
            .require(
                escalateAfterWorkingDays >= 1 && escalateAfterWorkingDays <= 60,
                "cadence.escalateAfterWorkingDays",
                "must be between 1 and 60")
            .require(
                holdingUpdateLeadWorkingDays >= 0 && holdingUpdateLeadWorkingDays <= 10,
                "cadence.holdingUpdateLeadWorkingDays",
                "must be between 0 and 10")
            .require(
                reminderBatchSize >= 1 && reminderBatchSize <= 10_000,
                "cadence.reminderBatchSize",
                "must be between 1 and 10000")
            .noNulls("cadence.policies", policies)
            .notNull("cadence.localClosures", localClosures);
    if (policies != null) {
      Set<String> names = new HashSet<>();
      for (CadencePolicy p : policies) {
        if (p != null && !names.add(p.name())) {
          checks.require(false, "cadence.policies", "names " + p.name() + " more than once");
        }
      }
    }
    if (localClosures != null) {
      localClosures.forEach(
          (force, days) -> {
            String field = "cadence.localClosures[" + force + "]";
            checks.slug(field, force).notNull(field, days);
            if (days != null) {
              days.forEach(
                  (date, reason) ->
                      checks.notNull(field + ".date", date).text(field + "." + date, reason, 200));
            }
          });
    }
    checks.throwIfAny();
    policies = List.copyOf(policies);
    Map<String, Map<LocalDate, String>> copy = new LinkedHashMap<>();
    localClosures.forEach((force, days) -> copy.put(force, Map.copyOf(days)));
    localClosures = Map.copyOf(copy);
  }

  /**
   * Every default: remind 3 working days ahead, escalate after 5, no policies of the forces' own.
   */
  public static CadenceConfig defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these values, to change some of them. */
  public Builder toBuilder() {
    Builder b =
        new Builder()
            .reminderLeadWorkingDays(reminderLeadWorkingDays)
            .escalateAfterWorkingDays(escalateAfterWorkingDays)
            .holdingUpdateLeadWorkingDays(holdingUpdateLeadWorkingDays)
            .reminderBatchSize(reminderBatchSize);
    policies.forEach(b::policy);
    localClosures.forEach((force, days) -> days.forEach((d, r) -> b.localClosure(force, d, r)));
    return b;
  }

  /** The force's policy of that name (its own first, then the presets). */
  public CadencePolicy policy(String name) {
    return CadencePolicy.named(name, policies);
  }

  /** The force's closure days, earliest first (empty when it has none). */
  public Map<LocalDate, String> localClosures(String force) {
    return new TreeMap<>(localClosures.getOrDefault(force, Map.of()));
  }

  /** Builds a {@link CadenceConfig}; {@link #build()} reports every broken rule at once. */
  public static final class Builder {
    private int reminderLead = DEFAULT_REMINDER_LEAD_WORKING_DAYS;
    private int escalateAfter = DEFAULT_ESCALATE_AFTER_WORKING_DAYS;
    private int holdingLead = DEFAULT_HOLDING_UPDATE_LEAD_WORKING_DAYS;
    private int batchSize = DEFAULT_REMINDER_BATCH_SIZE;
    private final List<CadencePolicy> policies = new ArrayList<>();
    private final Map<String, Map<LocalDate, String>> closures = new LinkedHashMap<>();

    private Builder() {}

    public Builder reminderLeadWorkingDays(int value) {
      this.reminderLead = value;
      return this;
    }

    public Builder escalateAfterWorkingDays(int value) {
      this.escalateAfter = value;
      return this;
    }

    public Builder holdingUpdateLeadWorkingDays(int value) {
      this.holdingLead = value;
      return this;
    }

    public Builder reminderBatchSize(int value) {
      this.batchSize = value;
      return this;
    }

    /** Adds a force's own policy (or replaces a preset of the same name). */
    public Builder policy(CadencePolicy value) {
      policies.add(value);
      return this;
    }

    /** Adds a local closure day of a force, e.g. a systems migration. */
    public Builder localClosure(String force, LocalDate date, String reason) {
      closures.computeIfAbsent(force, f -> new LinkedHashMap<>()).put(date, reason);
      return this;
    }

    /**
     * @throws ValidationException naming every broken rule
     */
    public CadenceConfig build() {
      return new CadenceConfig(
          reminderLead, escalateAfter, holdingLead, batchSize, policies, closures);
    }
  }
}
