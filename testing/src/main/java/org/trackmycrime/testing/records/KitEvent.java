package org.trackmycrime.testing.records;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;

/**
 * One event that the {@link RecordConnectorCompatibilityKit} asks a connector's test to publish in
 * its records system. Good events are valid v1 {@code CRIME_RECORDED} events, each for its own
 * crime, so that a real ingest applies every one of them. A malformed event is one the records
 * system got wrong; the test publishes it in whatever broken form its records system allows (a line
 * cut short in a file, an unparseable {@code data} column in a table).
 *
 * @param eventId the event's id, unique within the test
 * @param source the records system's name
 * @param force the force's slug
 * @param crimeReference the crime's reference
 * @param sequence the records system's order for the crime
 * @param occurredAt when it happened, RFC 3339
 * @param type the event type
 * @param data the {@code data} object as JSON text; for a malformed event, JSON cut short
 * @param malformed whether the event is broken on purpose
 */
public record KitEvent(
    String eventId,
    String source,
    String force,
    String crimeReference,
    long sequence,
    String occurredAt,
    String type,
    String data,
    boolean malformed) {

  /** The records system every kit event comes from. */
  public static final String SOURCE = "kit-records";

  /** The force every kit event belongs to. */
  public static final String FORCE = "kit-force";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

  /** The {@code n}th good event: {@code CRIME_RECORDED} for crime {@code KIT/n}. */
  public static KitEvent good(int n) {
    String occurred = START.plus(Duration.ofMinutes(n)).toString();
    ObjectNode data = JSON.createObjectNode();
    data.put("reportedAt", occurred);
    data.putObject("offence").put("category", "Burglary");
    ObjectNode victim = data.putArray("victims").addObject();
    victim.put("victimRef", "V1");
    victim.put("givenName", "Kit");
    victim.put("familyName", "Victim" + n);
    victim.put("optedOut", false);
    return new KitEvent(
        String.format("kit-%04d", n),
        SOURCE,
        FORCE,
        "KIT/" + n,
        1,
        occurred,
        "CRIME_RECORDED",
        data.toString(),
        false);
  }

  /** The {@code n}th malformed event: its {@code data}, and so its whole line, is cut short. */
  public static KitEvent malformed(int n) {
    KitEvent template = good(n);
    String data = template.data();
    return new KitEvent(
        String.format("kit-bad-%04d", n),
        SOURCE,
        FORCE,
        template.crimeReference(),
        1,
        template.occurredAt(),
        template.type(),
        data.substring(0, data.length() / 2),
        true);
  }

  /**
   * The event as one line of JSON (no line break), as a file or a request body carries it. For a
   * malformed event, a line cut in the middle: not JSON at all.
   */
  public String json() {
    if (malformed) {
      return "{\"schema\":\"trackmycrime.record-event/1\",\"eventId\":\""
          + eventId
          + "\",\"source\":\""
          + source
          + "\",\"force\":";
    }
    ObjectNode root = JSON.createObjectNode();
    root.put("schema", "trackmycrime.record-event/1");
    root.put("eventId", eventId);
    root.put("source", source);
    root.put("force", force);
    root.put("crimeReference", crimeReference);
    root.put("sequence", sequence);
    root.put("occurredAt", occurredAt);
    root.put("type", type);
    try {
      root.set("data", JSON.readTree(data));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
    return root.toString();
  }

  /** Leaves the data out: it reads like a victim's details. */
  @Override
  public String toString() {
    return "KitEvent[" + eventId + (malformed ? ", malformed" : "") + "]";
  }
}
