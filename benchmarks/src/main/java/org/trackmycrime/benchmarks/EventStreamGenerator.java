package org.trackmycrime.benchmarks;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import javax.sql.DataSource;
import org.trackmycrime.core.TrackMyCrime;
import org.trackmycrime.core.model.Force;
import org.trackmycrime.core.model.ForceSettings;

/**
 * Valid record-event v1 streams from a seed: the same seed and size give the same bytes. Every
 * event type occurs; a crime has 10 events on average (its {@code CRIME_RECORDED} and 4 to 14
 * more). Crimes are sent in groups of {@value #GROUP} whose events interleave, as a records system
 * backfilling by date would.
 */
public final class EventStreamGenerator {
  static final String FORCE = "bench-force";

  /** A fresh SDK on {@code ds} with its clock stopped at {@code now}, and the bench force saved. */
  static TrackMyCrime benchSdk(DataSource ds, Instant now) {
    TrackMyCrime tmc =
        TrackMyCrime.builder().dataSource(ds).clock(Clock.fixed(now, ZoneOffset.UTC)).build();
    tmc.forces().save(new Force(FORCE, "Bench Police", ForceSettings.defaults()));
    return tmc;
  }

  static final String SOURCE = "bench";
  static final int GROUP = 50;
  private static final Instant START = Instant.parse("2024-01-01T08:00:00Z");
  private static final String[] GIVEN = {"Jordan", "Casey", "Morgan", "Riley", "Jamie", "Taylor"};
  private static final String[] FAMILY = {"Blake", "O'Neill", "Smith-Jones", "Nowak", "Ahmed"};
  private static final String[] TYPES = {
    "RISK_ASSESSED",
    "OFFICER_ASSIGNED",
    "SUSPECT_IDENTIFIED",
    "WITNESS_IDENTIFIED",
    "SUSPECT_ARRESTED",
    "SUSPECT_INTERVIEWED",
    "SUSPECT_RELEASED",
    "BAIL_CHANGED",
    "SUSPECT_CHARGED",
    "NOT_INVESTIGATED",
    "PROPERTY_RECORDED",
    "OFFICER_UPDATE",
    "OUTCOME_RECORDED",
    "CASE_CLOSED",
    "CASE_REOPENED",
    "VICTIM_DETAILS_CHANGED"
  };

  private final SplittableRandom random;

  public EventStreamGenerator(long seed) {
    this.random = new SplittableRandom(seed);
  }

  /** Writes about {@code events} events (whole crimes, so a few more or fewer) as JSON Lines. */
  public static long write(long seed, long events, Path file) {
    EventStreamGenerator g = new EventStreamGenerator(seed);
    long written = 0;
    long crime = 0;
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      while (written < events) {
        List<List<String>> group = new ArrayList<>();
        for (int i = 0; i < GROUP && written < events; i++) {
          List<String> c = g.crime(crime++);
          written += c.size();
          group.add(c);
        }
        // round-robin: the crimes of a group are told side by side, each in its own order
        for (int at = 0; ; at++) {
          boolean any = false;
          for (List<String> c : group) {
            if (at < c.size()) {
              out.write(c.get(at));
              out.write('\n');
              any = true;
            }
          }
          if (!any) {
            break;
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return written;
  }

  /** One crime's events, in the order the records system sends them. */
  public List<String> crime(long n) {
    List<String> out = new ArrayList<>();
    String ref = "BENCH/" + n;
    Instant t = START.plus(Duration.ofMinutes(random.nextInt(60 * 24 * 700)));
    int victims = 1 + (random.nextInt(4) == 0 ? 1 : 0);
    String suspect = pick(GIVEN) + " " + pick(FAMILY);
    String witness = pick(GIVEN) + " " + pick(FAMILY);
    int seq = 0;
    StringBuilder data = new StringBuilder(256);
    data.append("{\"reportedAt\":\"")
        .append(t.minus(Duration.ofMinutes(20)))
        .append("\",\"offence\":{\"category\":\"")
        .append(random.nextBoolean() ? "Burglary" : "Theft from the person")
        .append("\",\"description\":\"Rear door forced, laptop taken\"},\"victims\":[");
    for (int v = 1; v <= victims; v++) {
      if (v > 1) {
        data.append(',');
      }
      data.append("{\"victimRef\":\"V")
          .append(v)
          .append("\",\"givenName\":")
          .append(json(pick(GIVEN)))
          .append(",\"familyName\":")
          .append(json(pick(FAMILY)));
      if (random.nextInt(4) > 0) {
        data.append(",\"email\":\"victim").append(n).append('.').append(v).append("@example.org\"");
      }
      if (random.nextInt(3) > 0) {
        data.append(",\"mobile\":\"07700 9")
            .append(String.format("%05d", (n * 3 + v) % 100_000))
            .append('"');
      }
      data.append(",\"preferredLanguage\":\"")
          .append(random.nextInt(5) == 0 ? "cy" : "en")
          .append("\",\"optedOut\":")
          .append(random.nextInt(8) == 0)
          .append(",\"enhanced\":")
          .append(random.nextInt(4) == 0)
          .append('}');
    }
    data.append("]}");
    out.add(event(n, out.size(), ref, ++seq, t, "CRIME_RECORDED", data.toString()));
    int more = 4 + random.nextInt(11);
    for (int i = 0; i < more; i++) {
      if (random.nextInt(4) > 0) {
        t = t.plus(Duration.ofMinutes(1 + random.nextInt(60 * 24 * 3)));
      }
      // the first steps walk through every type so small streams still hold all of them
      String type = n < 2 ? TYPES[(int) ((n * 14 + i) % TYPES.length)] : TYPES[weighted()];
      String victimRef = "V" + (1 + random.nextInt(victims));
      out.add(event(n, out.size(), ref, ++seq, t, type, data(type, victimRef, suspect, witness)));
    }
    return out;
  }

  /** Officer updates and risk assessments are the commonest; closures and reopenings the rarest. */
  private int weighted() {
    int r = random.nextInt(24);
    if (r < 16) {
      return r;
    }
    return r < 21 ? 11 : 0;
  }

  private String data(String type, String victimRef, String suspect, String witness) {
    return switch (type) {
      case "RISK_ASSESSED" ->
          "{\"victimRef\":\""
              + victimRef
              + "\",\"suitable\":"
              + (random.nextInt(6) > 0)
              + ",\"assessedBy\":\"4321\"}";
      case "OFFICER_ASSIGNED" -> {
        int o = random.nextInt(40);
        yield "{\"officer\":{\"ref\":\"O"
            + o
            + "\",\"displayName\":\"PC "
            + FAMILY[o % FAMILY.length]
            + "\",\"rank\":\"Police Constable\",\"unit\":\"CID "
            + (o % 4)
            + "\",\"email\":\"officer"
            + o
            + "@example.police.uk\"}}";
      }
      case "SUSPECT_IDENTIFIED" -> "{\"personRef\":\"S1\",\"names\":" + names(suspect) + "}";
      case "WITNESS_IDENTIFIED" -> "{\"personRef\":\"W1\",\"names\":" + names(witness) + "}";
      case "SUSPECT_ARRESTED", "SUSPECT_INTERVIEWED" -> "{\"personRef\":\"S1\"}";
      case "SUSPECT_RELEASED" ->
          "{\"personRef\":\"S1\",\"releaseType\":\""
              + pick(new String[] {"BAIL", "NO_FURTHER_ACTION", "UNDER_INVESTIGATION"})
              + "\",\"bailConditions\":"
              + json("Not to contact " + witness + " or go near BS7 8AA.")
              + "}";
      case "BAIL_CHANGED" ->
          "{\"personRef\":\"S1\",\"change\":\""
              + (random.nextBoolean() ? "VARIED" : "CANCELLED")
              + "\",\"bailConditions\":"
              + json("Curfew at " + suspect + "'s address.")
              + "}";
      case "SUSPECT_CHARGED" ->
          "{\"personRef\":\"S1\",\"charges\":[\"Burglary (dwelling)\"],\"firstHearing\":"
              + "{\"date\":\"2026-06-01\",\"court\":\"Bristol Magistrates' Court\"}}";
      case "NOT_INVESTIGATED" ->
          "{\"reason\":" + json("No lines of enquiry; " + witness + " saw nothing.") + "}";
      case "PROPERTY_RECORDED" ->
          "{\"itemRef\":\"P"
              + random.nextInt(3)
              + "\",\"description\":"
              + json("Phone belonging to " + pick(GIVEN))
              + ",\"status\":\""
              + pick(new String[] {"STOLEN", "DAMAGED", "RECOVERED", "RETURNED"})
              + "\",\"estimatedValuePence\":"
              + random.nextInt(100_000)
              + "}";
      case "OFFICER_UPDATE" ->
          "{\"officerRef\":\"4321\",\"text\":"
              + json(
                  "We spoke to "
                      + suspect
                      + " and to a neighbour (07700 900"
                      + String.format("%03d", random.nextInt(1000))
                      + "). CCTV is being reviewed.")
              + "}";
      case "OUTCOME_RECORDED" ->
          "{\"outcome\":\""
              + pick(
                  new String[] {
                    "Unable to prosecute suspect", "Suspect charged", "Under investigation"
                  })
              + "\",\"finalised\":"
              + random.nextBoolean()
              + "}";
      case "CASE_CLOSED", "CASE_REOPENED" -> "{\"reason\":\"Reviewed by the supervisor\"}";
      case "VICTIM_DETAILS_CHANGED" ->
          switch (random.nextInt(3)) {
            case 0 ->
                "{\"victimRef\":\"" + victimRef + "\",\"optedOut\":" + random.nextBoolean() + "}";
            case 1 ->
                "{\"victimRef\":\""
                    + victimRef
                    + "\",\"email\":\"new"
                    + random.nextInt(1000)
                    + "@example.org\"}";
            default ->
                "{\"victimRef\":\""
                    + victimRef
                    + "\",\"preferredLanguage\":\""
                    + (random.nextBoolean() ? "cy" : "en")
                    + "\"}";
          };
      default -> throw new IllegalStateException(type);
    };
  }

  private static String event(
      long crime, int index, String ref, int seq, Instant at, String type, String data) {
    return "{\"schema\":\"trackmycrime.record-event/1\",\"eventId\":\"e"
        + crime
        + "-"
        + index
        + "\",\"source\":\""
        + SOURCE
        + "\",\"force\":\""
        + FORCE
        + "\",\"crimeReference\":\""
        + ref
        + "\",\"sequence\":"
        + seq
        + ",\"occurredAt\":\""
        + at
        + "\",\"type\":\""
        + type
        + "\",\"data\":"
        + data
        + "}";
  }

  private static String names(String full) {
    String[] parts = full.split(" ");
    return "[" + json(full) + "," + json(parts[0].charAt(0) + ". " + parts[1]) + "]";
  }

  static String json(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }

  private String pick(String[] values) {
    return values[random.nextInt(values.length)];
  }
}
