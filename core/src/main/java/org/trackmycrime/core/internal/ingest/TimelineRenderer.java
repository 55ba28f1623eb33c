package org.trackmycrime.core.internal.ingest;

import java.util.List;
import org.trackmycrime.core.internal.ingest.RecordEvent.EventType;
import org.trackmycrime.core.model.LocalizedText;
import org.trackmycrime.core.model.TimelineKind;

/**
 * Turns a record event into the words its victims read, depersonalised. INTERIM: replaced by text.
 */
final class TimelineRenderer {
  /** A suspect or witness and the names to remove. */
  record KnownPerson(boolean witness, List<String> names) {}

  TimelineKind kind(EventType type) {
    return switch (type) {
      case CRIME_RECORDED -> TimelineKind.CRIME_RECORDED;
      case OFFICER_ASSIGNED -> TimelineKind.OFFICER_ASSIGNED;
      case SUSPECT_IDENTIFIED -> TimelineKind.SUSPECT_IDENTIFIED;
      case WITNESS_IDENTIFIED -> TimelineKind.WITNESS_IDENTIFIED;
      case SUSPECT_ARRESTED -> TimelineKind.SUSPECT_ARRESTED;
      case SUSPECT_INTERVIEWED -> TimelineKind.SUSPECT_INTERVIEWED;
      case SUSPECT_RELEASED -> TimelineKind.SUSPECT_RELEASED;
      case BAIL_CHANGED -> TimelineKind.BAIL_CHANGED;
      case SUSPECT_CHARGED -> TimelineKind.SUSPECT_CHARGED;
      case NOT_INVESTIGATED -> TimelineKind.NOT_INVESTIGATED;
      case PROPERTY_RECORDED -> TimelineKind.PROPERTY_UPDATED;
      case OFFICER_UPDATE -> TimelineKind.OFFICER_UPDATE;
      case OUTCOME_RECORDED -> TimelineKind.OUTCOME;
      case CASE_CLOSED -> TimelineKind.CASE_CLOSED;
      case CASE_REOPENED -> TimelineKind.CASE_REOPENED;
      case RISK_ASSESSED, VICTIM_DETAILS_CHANGED ->
          throw new IllegalArgumentException(type + " has no timeline entry");
    };
  }

  /** Whether the entry's words come from free text, and so change when names arrive later. */
  boolean hasFreeText(EventType type) {
    return switch (type) {
      case SUSPECT_RELEASED,
          BAIL_CHANGED,
          SUSPECT_CHARGED,
          NOT_INVESTIGATED,
          PROPERTY_RECORDED,
          OFFICER_UPDATE,
          OUTCOME_RECORDED,
          CASE_CLOSED,
          CASE_REOPENED,
          OFFICER_ASSIGNED ->
          true;
      default -> false;
    };
  }

  LocalizedText render(RecordEvent e, List<KnownPerson> people) {
    String text = e.type().name();
    if (e.data() instanceof RecordEvent.OfficerUpdate u) {
      text = u.text();
    } else if (e.data() instanceof RecordEvent.SuspectReleased r) {
      text = "released " + r.releaseType() + " bail " + r.bailConditions();
    }
    return LocalizedText.same(depersonalise(text, people));
  }

  String depersonalise(String text, List<KnownPerson> people) {
    String out = text;
    for (KnownPerson p : people) {
      for (String n : p.names()) {
        for (String part : n.split("[ .]+")) {
          if (part.length() > 1) {
            out =
                out.replaceAll(
                    "(?i)\\b" + java.util.regex.Pattern.quote(part) + "\\b", "the suspect");
          }
        }
      }
    }
    return out.replaceAll("0\\d{3} \\d{3} \\d{4}", "[phone number]")
        .replaceAll("BS7 8AA", "[postcode]");
  }
}
