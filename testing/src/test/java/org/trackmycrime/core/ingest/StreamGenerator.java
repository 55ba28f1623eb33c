package org.trackmycrime.core.ingest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates deterministic record-event streams (from a seed) with every event type: several victims
 * per crime with every enrolment path, suspects and witnesses whose names appear in free text,
 * repeated state changes (officers, outcomes, closing and reopening, contact details), and ties in
 * time broken by sequence numbers.
 */
public final class StreamGenerator {
  static final String[] GIVEN = {"Jordan", "Casey", "Morgan", "Riley", "Jamie", "Taylor", "Avery"};
  static final String[] FAMILY = {"Blake", "O'Neill", "Smith-Jones", "Nowak", "Ahmed", "Ó Briain"};

  private final Random random;
  private final Events ev;
  private final Instant start;

  public StreamGenerator(long seed, String force, Instant start) {
    this.random = new Random(seed);
    this.ev = new Events("gen", force);
    this.start = start;
  }

  /** In the order the records system would send them. */
  public List<String> crimes(int count) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      out.addAll(crime(i));
    }
    return out;
  }

  private List<String> crime(int n) {
    List<String> out = new ArrayList<>();
    String ref = "GEN/" + n;
    Instant t = start.plus(Duration.ofHours(random.nextInt(24 * 50)));
    long[] seq = {0};
    int victims = 1 + random.nextInt(3);
    String id = "c" + n + "-";
    int[] k = {0};
    java.util.function.Supplier<String> next = () -> id + (k[0]++);
    out.add(
        ev.crimeRecorded(
            next.get(),
            ref,
            t,
            random.nextBoolean() ? "Burglary" : "Theft from the person",
            array -> {
              for (int v = 1; v <= victims; v++) {
                var victim = Events.victim(array, "V" + v, pick(GIVEN), pick(FAMILY));
                if (random.nextInt(4) > 0) {
                  victim.put("email", "victim" + n + "." + v + "@example.org");
                }
                if (random.nextInt(3) > 0) {
                  victim.put("mobile", "07700 9" + String.format("%05d", n * 3 + v));
                }
                victim.put("optedOut", random.nextInt(6) == 0);
                victim.put("enhanced", random.nextInt(4) == 0);
                victim.put("preferredLanguage", random.nextInt(5) == 0 ? "cy" : "en");
              }
            }));
    String suspect = pick(GIVEN) + " " + pick(FAMILY);
    String witness = pick(GIVEN) + " " + pick(FAMILY);
    for (int step = 0; step < 14 + random.nextInt(8); step++) {
      // a quarter of the steps share the previous time; the sequence orders them
      if (random.nextInt(4) > 0) {
        t = t.plus(Duration.ofMinutes(1 + random.nextInt(60 * 24)));
      }
      Long s = random.nextInt(5) == 0 ? null : ++seq[0];
      Instant at = t;
      String victimRef = "V" + (1 + random.nextInt(victims));
      String eid = next.get();
      out.add(
          switch (random.nextInt(17)) {
            case 0, 1 ->
                ev.event(
                    eid,
                    ref,
                    s,
                    at,
                    "RISK_ASSESSED",
                    d ->
                        d.put("victimRef", victimRef)
                            .put("suitable", random.nextInt(5) > 0)
                            .put("assessedBy", "4321"));
            case 2 ->
                ev.event(
                    eid,
                    ref,
                    s,
                    at,
                    "OFFICER_ASSIGNED",
                    d ->
                        d.putObject("officer")
                            .put("ref", "O" + random.nextInt(5))
                            .put("displayName", "PC " + pick(FAMILY))
                            .put("unit", "CID"));
            case 3 ->
                ev.event(
                    eid,
                    ref,
                    s,
                    at,
                    "SUSPECT_IDENTIFIED",
                    d -> names(d.put("personRef", "S1").putArray("names"), suspect));
            case 4 ->
                ev.event(
                    eid,
                    ref,
                    s,
                    at,
                    "WITNESS_IDENTIFIED",
                    d -> names(d.put("personRef", "W1").putArray("names"), witness));
            case 5 -> ev.event(eid, ref, s, at, "SUSPECT_ARRESTED", d -> d.put("personRef", "S1"));
            case 6 ->
                ev.event(eid, ref, s, at, "SUSPECT_INTERVIEWED", d -> d.put("personRef", "S1"));
            case 7 ->
                ev.event(
                    eid,
                    ref,
                    s,
                    at,
                    "SUSPECT_RELEASED",
                    d ->
                        d.put("personRef", "S1")
                            .put(
                                "releaseType",
                                pick(
                                    new String[] {
                                      "BAIL", "NO_FURTHER_ACTION", "UNDER_INVESTIGATION"
                                    }))
                            .put(
                                "bailConditions",
                                "Not to contact " + witness + " or go near BS7 8AA."));
            case 8 ->
                ev.event(
                    eid,
                    ref,
                    s,
                    at,
                    "BAIL_CHANGED",
                    d ->
                        d.put("personRef", "S1")
                            .put("change", random.nextBoolean() ? "VARIED" : "CANCELLED")
                            .put("bailConditions", "Curfew at " + suspect + "'s address."));
            case 9 ->
                ev.event(
                    eid,
                    ref,
                    s,
                    at,
                    "SUSPECT_CHARGED",
                    d -> {
                      d.put("personRef", "S1").putArray("charges").add("Burglary (dwelling)");
                      d.putObject("firstHearing")
                          .put("date", "2026-06-01")
                          .put("court", "Bristol Magistrates' Court");
                    });
            case 10 ->
                ev.event(
                    eid,
                    ref,
                    s,
                    at,
                    "NOT_INVESTIGATED",
                    d ->
                        d.put(
                            "reason",
                            "No lines of enquiry; " + witness + " did not see the offender."));
            case 11 ->
                ev.event(
                    eid,
                    ref,
                    s,
                    at,
                    "PROPERTY_RECORDED",
                    d ->
                        d.put("itemRef", "P" + random.nextInt(3))
                            .put("description", "Phone belonging to " + pick(GIVEN))
                            .put(
                                "status",
                                pick(new String[] {"STOLEN", "DAMAGED", "RECOVERED", "RETURNED"}))
                            .put("estimatedValuePence", random.nextInt(100000)));
            case 12, 13 ->
                ev.event(
                    eid,
                    ref,
                    s,
                    at,
                    "OFFICER_UPDATE",
                    d ->
                        d.put("officerRef", "4321")
                            .put(
                                "text",
                                "We spoke to "
                                    + suspect
                                    + " and to "
                                    + witness
                                    + " (07700 900"
                                    + random.nextInt(900)
                                    + ")."));
            case 14 ->
                ev.event(
                    eid,
                    ref,
                    s,
                    at,
                    "OUTCOME_RECORDED",
                    d ->
                        d.put(
                                "outcome",
                                pick(
                                    new String[] {
                                      "Unable to prosecute suspect",
                                      "Suspect charged",
                                      "Under investigation"
                                    }))
                            .put("finalised", random.nextBoolean()));
            case 15 ->
                ev.event(
                    eid,
                    ref,
                    s,
                    at,
                    random.nextBoolean() ? "CASE_CLOSED" : "CASE_REOPENED",
                    d -> d.put("reason", "Review by " + suspect));
            default ->
                ev.event(
                    eid,
                    ref,
                    s,
                    at,
                    "VICTIM_DETAILS_CHANGED",
                    d -> {
                      d.put("victimRef", victimRef);
                      switch (random.nextInt(3)) {
                        case 0 -> d.put("optedOut", random.nextBoolean());
                        case 1 -> d.put("email", "new" + random.nextInt(1000) + "@example.org");
                        default -> d.put("preferredLanguage", random.nextBoolean() ? "cy" : "en");
                      }
                    });
          });
    }
    return out;
  }

  private static void names(ArrayNode names, String full) {
    names.add(full);
    String[] parts = full.split(" ");
    names.add(parts[0].charAt(0) + ". " + parts[parts.length - 1]);
  }

  private String pick(String[] values) {
    return values[random.nextInt(values.length)];
  }
}
