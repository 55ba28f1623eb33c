package org.trackmycrime.core.internal.cadence;

import java.time.Instant;
import java.time.LocalDate;
import org.trackmycrime.core.ConfigurationException;
import org.trackmycrime.core.ValidationException;
import org.trackmycrime.core.cadence.CadenceConfig;
import org.trackmycrime.core.cadence.CadencePolicy;
import org.trackmycrime.core.cadence.Obligation;
import org.trackmycrime.core.cadence.ObligationCalculator;
import org.trackmycrime.core.cadence.WorkingCalendar;
import org.trackmycrime.core.model.Force;

/**
 * One force's cadence: its calculator (policy, nation, zone, closure days) and when the reminder
 * run acts on an obligation. Every action time is the start of a local day, worked in the force's
 * working days, except the overdue notice, which is the second after the due time.
 */
final class ForceCadence {
  private final Force force;
  private final CadenceConfig config;
  private final ObligationCalculator calculator;

  private ForceCadence(Force force, CadenceConfig config, ObligationCalculator calculator) {
    this.force = force;
    this.config = config;
    this.calculator = calculator;
  }

  /**
   * @throws ConfigurationException when the force names a policy that is neither a preset nor one
   *     of the configuration's
   */
  static ForceCadence of(Force force, CadenceConfig config) {
    CadencePolicy policy;
    try {
      policy = config.policy(force.settings().cadencePolicy());
    } catch (ValidationException e) {
      throw new ConfigurationException(
          "Force "
              + force.slug()
              + " follows cadence policy "
              + force.settings().cadencePolicy()
              + ", which is unknown ("
              + e.getMessage()
              + "; a force's own policies go in CadenceConfig.policies)",
          e);
    }
    WorkingCalendar calendar =
        WorkingCalendar.forForce(force.settings()).withClosures(config.localClosures(force.slug()));
    return new ForceCadence(force, config, new ObligationCalculator(policy, calendar));
  }

  Force force() {
    return force;
  }

  String slug() {
    return force.slug();
  }

  ObligationCalculator calculator() {
    return calculator;
  }

  WorkingCalendar calendar() {
    return calculator.calendar();
  }

  boolean holdingUpdates() {
    return force.settings().holdingUpdates();
  }

  Instant startOf(LocalDate date) {
    return date.atStartOfDay(calendar().zone()).toInstant();
  }

  /** The due-soon reminder: from the start of the lead's working days before the due date. */
  Instant remindAt(StoredObligation o) {
    return later(
        o.startsAt(),
        startOf(calendar().minusWorkingDays(o.dueDate(), config.reminderLeadWorkingDays())));
  }

  /**
   * A holding update: from the start of its lead's working days before a regular update's due date;
   * null when it does not apply (key decisions; forces without holding updates; a window that would
   * open before the obligation began, such as a 24-hour first contact).
   */
  Instant holdingAt(StoredObligation o) {
    if (!holdingUpdates() || o.kind() != Obligation.Kind.REGULAR_UPDATE) {
      return null;
    }
    Instant at =
        startOf(calendar().minusWorkingDays(o.dueDate(), config.holdingUpdateLeadWorkingDays()));
    return at.isAfter(o.startsAt()) ? at : null;
  }

  /**
   * Escalation: once still overdue at the end of the configured working days after the due date.
   */
  Instant escalateAt(StoredObligation o) {
    return startOf(
        calendar().plusWorkingDays(o.dueDate(), config.escalateAfterWorkingDays()).plusDays(1));
  }

  /**
   * When the run should next look at the obligation: the earliest action not yet taken, or null
   * when there is none (met, ended, missed, or its crime closed).
   */
  Instant nextAction(StoredObligation o, boolean chased) {
    if (!chased) {
      return null;
    }
    StoredObligation.Flags f = o.flags();
    Instant next = null;
    if (!f.dueSoon()) {
      next = earlier(next, remindAt(o));
    }
    if (!f.holding()) {
      next = earlier(next, holdingAt(o));
    }
    if (!f.overdue()) {
      next = earlier(next, Deadlines.overdueFrom(o.dueAt()));
    }
    if (!f.escalation()) {
      next = earlier(next, escalateAt(o));
    }
    return next;
  }

  private static Instant earlier(Instant a, Instant b) {
    return a == null || (b != null && b.isBefore(a)) ? b : a;
  }

  private static Instant later(Instant a, Instant b) {
    return b.isAfter(a) ? b : a;
  }
}
