package org.trackmycrime.core;

import java.time.Instant;
import java.util.List;
import org.trackmycrime.core.model.Actor;
import org.trackmycrime.core.model.AuditAction;
import org.trackmycrime.core.model.AuditEvent;
import org.trackmycrime.core.model.Crime;
import org.trackmycrime.core.model.Enrolment;
import org.trackmycrime.core.model.Victim;

/** Records crimes and their victims, with their enrolment and the audit of what was collected. */
public final class CrimeService {
  private final TrackMyCrime tmc;

  CrimeService(TrackMyCrime tmc) {
    this.tmc = tmc;
  }

  /**
   * Records a crime and its victims in one transaction. A victim given without an enrolment is
   * enrolled by default, now; to record that a victim declined, give them {@link
   * Enrolment#atRecording(boolean, Instant, Actor)} with {@code declined = true}. Every victim's
   * details are audited as collected, and what each enrolled victim is owed is indexed.
   */
  public void record(Crime crime, List<Victim> victims, Actor actor) {
    for (Victim v : victims) {
      if (!v.force().equals(crime.force()) || !v.crimeReference().equals(crime.crimeReference())) {
        throw ValidationException.of(
            "victims[" + v.victimRef() + "]", "must belong to crime " + crime.crimeReference());
      }
    }
    Instant now = tmc.clock().instant();
    tmc.inTransaction(
        () -> {
          tmc.crimes().save(crime);
          for (Victim v : victims) {
            Victim enrolled =
                v.enrolment().history().isEmpty()
                    ? v.withEnrolment(Enrolment.atRecording(false, now, actor))
                    : v;
            tmc.victims().save(enrolled);
            tmc.audit()
                .record(
                    new AuditEvent(
                        crime.force(),
                        now,
                        actor,
                        AuditAction.COLLECTION,
                        "victim",
                        v.victimRef(),
                        crime.crimeReference(),
                        "recorded with the crime"));
          }
          tmc.cadence().refresh(crime.force(), crime.crimeReference());
          return null;
        });
  }
}
