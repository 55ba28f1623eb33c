package org.trackmycrime.core.internal.ingest;

import java.time.Clock;
import java.util.List;
import org.trackmycrime.core.model.LocalizedText;
import org.trackmycrime.core.text.Depersonalised;
import org.trackmycrime.core.text.Depersonaliser;
import org.trackmycrime.core.text.PersonNames;
import org.trackmycrime.core.text.VictimTexts;

/**
 * Turns a record event into the words its victims read, in English and Welsh. Every piece of free
 * text passes through the depersonaliser with the names known for the crime before it is used.
 */
final class TimelineRenderer {
  /** A suspect or witness of the crime and the names to remove. */
  record KnownPerson(boolean witness, List<String> names) {}

  private final Depersonaliser depersonaliser;

  TimelineRenderer(Clock clock) {
    this.depersonaliser = Depersonaliser.create(clock);
  }

  LocalizedText render(RecordEvent e, List<KnownPerson> people) {
    List<PersonNames> names = names(people);
    RecordEvent.Data d = e.data();
    return switch (e.type()) {
      case CRIME_RECORDED ->
          VictimTexts.crimeRecorded(clean(((RecordEvent.CrimeRecorded) d).category(), names));
      case OFFICER_ASSIGNED -> {
        RecordEvent.OfficerAssigned o = (RecordEvent.OfficerAssigned) d;
        yield VictimTexts.officerAssigned(
            clean(o.displayName(), names), clean(o.rank(), names), clean(o.unit(), names));
      }
      case SUSPECT_IDENTIFIED -> VictimTexts.suspectIdentified();
      case WITNESS_IDENTIFIED -> VictimTexts.witnessIdentified();
      case SUSPECT_ARRESTED -> VictimTexts.suspectArrested();
      case SUSPECT_INTERVIEWED -> VictimTexts.suspectInterviewed();
      case SUSPECT_RELEASED -> {
        RecordEvent.SuspectReleased r = (RecordEvent.SuspectReleased) d;
        yield VictimTexts.suspectReleased(r.releaseType(), clean(r.bailConditions(), names));
      }
      case BAIL_CHANGED -> {
        RecordEvent.BailChanged b = (RecordEvent.BailChanged) d;
        yield VictimTexts.bailChanged(b.change(), clean(b.bailConditions(), names));
      }
      case SUSPECT_CHARGED -> {
        RecordEvent.SuspectCharged c = (RecordEvent.SuspectCharged) d;
        yield VictimTexts.suspectCharged(
            c.charges().stream().map(s -> clean(s, names)).toList(),
            c.hearingDate(),
            clean(c.court(), names));
      }
      case NOT_INVESTIGATED ->
          VictimTexts.notInvestigated(clean(((RecordEvent.Reason) d).reason(), names));
      case PROPERTY_RECORDED -> {
        RecordEvent.PropertyRecorded p = (RecordEvent.PropertyRecorded) d;
        yield VictimTexts.propertyRecorded(clean(p.description(), names), p.status());
      }
      case OFFICER_UPDATE ->
          VictimTexts.officerUpdate(clean(((RecordEvent.OfficerUpdate) d).text(), names));
      case OUTCOME_RECORDED -> {
        RecordEvent.OutcomeRecorded o = (RecordEvent.OutcomeRecorded) d;
        yield VictimTexts.outcome(clean(o.outcome(), names), o.finalised(), clean(o.text(), names));
      }
      case CASE_CLOSED -> VictimTexts.caseClosed(clean(((RecordEvent.Reason) d).reason(), names));
      case CASE_REOPENED ->
          VictimTexts.caseReopened(clean(((RecordEvent.Reason) d).reason(), names));
      case RISK_ASSESSED, VICTIM_DETAILS_CHANGED ->
          throw new IllegalArgumentException(e.type() + " has no timeline entry");
    };
  }

  /** Free text as a victim may see it (null stays null). */
  String depersonalise(String text, List<KnownPerson> people) {
    return clean(text, names(people));
  }

  /** Free text as a victim may see it, with where each replacement is (for a preview). */
  Depersonalised depersonaliseWithSpans(String text, List<KnownPerson> people) {
    return depersonaliser.depersonalise(text, names(people));
  }

  private String clean(String text, List<PersonNames> names) {
    return text == null ? null : depersonaliser.depersonalise(text, names).text();
  }

  private static List<PersonNames> names(List<KnownPerson> people) {
    return people.stream()
        .map(
            p ->
                new PersonNames(
                    p.witness() ? PersonNames.Role.WITNESS : PersonNames.Role.SUSPECT, p.names()))
        .toList();
  }
}
