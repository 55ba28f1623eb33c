package org.trackmycrime.core.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/** Builds record-event v1 documents for tests. */
public final class Events {
  static final ObjectMapper JSON = new ObjectMapper();

  private final String source;
  private final String force;

  public Events(String source, String force) {
    this.source = source;
    this.force = force;
  }

  public String event(
      String eventId,
      String crimeRef,
      Long sequence,
      Instant at,
      String type,
      Consumer<ObjectNode> data) {
    ObjectNode root = JSON.createObjectNode();
    root.put("schema", "trackmycrime.record-event/1");
    root.put("eventId", eventId);
    root.put("source", source);
    root.put("force", force);
    root.put("crimeReference", crimeRef);
    if (sequence != null) {
      root.put("sequence", sequence);
    }
    root.put("occurredAt", at.toString());
    root.put("type", type);
    data.accept(root.putObject("data"));
    return root.toString();
  }

  public static ObjectNode victim(ArrayNode victims, String ref, String given, String family) {
    ObjectNode v = victims.addObject();
    v.put("victimRef", ref);
    v.put("givenName", given);
    v.put("familyName", family);
    return v;
  }

  public String crimeRecorded(
      String id, String ref, Instant at, String category, Consumer<ArrayNode> victims) {
    return event(
        id,
        ref,
        null,
        at,
        "CRIME_RECORDED",
        d -> {
          d.put("reportedAt", at.toString());
          d.putObject("offence").put("category", category);
          victims.accept(d.putArray("victims"));
        });
  }

  public String riskAssessed(
      String id, String ref, Instant at, String victimRef, boolean suitable) {
    return event(
        id,
        ref,
        null,
        at,
        "RISK_ASSESSED",
        d -> d.put("victimRef", victimRef).put("suitable", suitable).put("assessedBy", "4321"));
  }

  public String officerUpdate(String id, String ref, Instant at, String text) {
    return event(
        id, ref, null, at, "OFFICER_UPDATE", d -> d.put("officerRef", "4321").put("text", text));
  }

  public String optedOut(String id, String ref, Instant at, String victimRef, boolean out) {
    return event(
        id,
        ref,
        null,
        at,
        "VICTIM_DETAILS_CHANGED",
        d -> d.put("victimRef", victimRef).put("optedOut", out));
  }

  String suspectIdentified(
      String id, String ref, Instant at, String personRef, List<String> names) {
    return event(
        id,
        ref,
        null,
        at,
        "SUSPECT_IDENTIFIED",
        d -> {
          d.put("personRef", personRef);
          ArrayNode a = d.putArray("names");
          names.forEach(a::add);
        });
  }

  public String officerAssigned(
      String id, String ref, Instant at, String officerRef, String displayName, String unit) {
    return event(
        id,
        ref,
        null,
        at,
        "OFFICER_ASSIGNED",
        d -> {
          ObjectNode o = d.putObject("officer").put("ref", officerRef);
          o.put("displayName", displayName);
          if (unit != null) {
            o.put("unit", unit);
          }
        });
  }

  /** A key decision with only a person ref (arrested, interviewed). */
  public String suspectArrested(String id, String ref, Instant at) {
    return event(id, ref, null, at, "SUSPECT_ARRESTED", d -> d.put("personRef", "S1"));
  }

  public String suspectCharged(String id, String ref, Instant at) {
    return event(
        id,
        ref,
        null,
        at,
        "SUSPECT_CHARGED",
        d -> d.put("personRef", "S1").putArray("charges").add("Burglary (dwelling)"));
  }

  public String caseClosed(String id, String ref, Instant at) {
    return event(id, ref, null, at, "CASE_CLOSED", d -> {});
  }

  public String caseReopened(String id, String ref, Instant at) {
    return event(id, ref, null, at, "CASE_REOPENED", d -> {});
  }
}
