package org.trackmycrime.examples.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A simulated records system for demo mode. Crimes come from real City of London data
 * (data.police.uk, Open Government Licence v3.0); victims, officers and suspects are invented. Each
 * {@link #tick()} starts a few new crimes and moves every crime in progress one step on (recorded
 * with a victim and a suitable risk assessment, officer assigned, suspect identified, arrested,
 * outcome, closed), writing record events v1 as one JSON Lines file into the drop folder (written
 * under a temporary name, then renamed, as the file-drop connector asks).
 */
public final class DemoFeed {
  private static final Logger LOG = LoggerFactory.getLogger(DemoFeed.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter FILE_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").withZone(java.time.ZoneOffset.UTC);

  /**
   * @param ref the crime reference the victim is given (and types at activation): readable, made
   *     from the row's place in the file, not the data set's 64-character id
   */
  private record StreetCrime(String id, String ref, String type, String lastOutcome) {}

  /** The crime reference of the ready-made demo victim's crime. */
  public static final String DEMO_VICTIM_CRIME = "62/000000/23";

  private final Path dropDir;
  private final String force;
  private final Clock clock;
  private final int newPerTick;
  private final Iterator<StreetCrime> crimes;
  private final Map<String, String> outcomes;
  private final List<int[]> progress = new ArrayList<>();
  private final List<StreetCrime> active = new ArrayList<>();
  private final Predicate<String> alreadyRecorded;
  private long files;
  private int started;

  /**
   * @param alreadyRecorded whether a crime reference is already in the database (from an earlier
   *     run on the same database): such crimes are skipped, so a restarted demo brings new ones
   */
  public DemoFeed(
      Path dropDir, String force, Clock clock, int newPerTick, Predicate<String> alreadyRecorded) {
    this.alreadyRecorded = alreadyRecorded;
    this.dropDir = dropDir;
    this.force = force;
    this.clock = clock;
    this.newPerTick = newPerTick;
    this.outcomes = readOutcomes();
    this.crimes = readStreet().iterator();
  }

  /** Writes the next file of events; returns how many events it holds. */
  public synchronized int tick() {
    for (int i = 0; i < newPerTick && crimes.hasNext(); i++) {
      StreetCrime next = crimes.next();
      if (alreadyRecorded.test(next.ref)) {
        i--;
        continue;
      }
      active.add(next);
      progress.add(new int[] {0});
      started++;
    }
    StringBuilder out = new StringBuilder();
    int events = 0;
    for (int i = active.size() - 1; i >= 0; i--) {
      StreetCrime c = active.get(i);
      int step = progress.get(i)[0]++;
      List<ObjectNode> batch = step(c, step, started);
      if (batch == null) {
        active.remove(i);
        progress.remove(i);
        continue;
      }
      for (ObjectNode e : batch) {
        out.append(e.toString()).append('\n');
        events++;
      }
    }
    if (events > 0) {
      write(out.toString());
    }
    return events;
  }

  private void write(String text) {
    String name = FILE_TIME.format(clock.instant()) + "-demo-" + (++files) + ".jsonl";
    Path tmp = dropDir.resolve(name + ".tmp");
    try {
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
      Files.move(tmp, dropDir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      LOG.warn("demo feed could not write {}: {}", name, e.getClass().getSimpleName());
    }
  }

  /** The events of one step of a crime's life, or null when it is over. */
  private List<ObjectNode> step(StreetCrime c, int step, int n) {
    String officerRef = officerRef(c);
    switch (step) {
      case 0:
        {
          ObjectNode rec = event(c, step, "CRIME_RECORDED");
          ObjectNode d = rec.putObject("data");
          d.put("reportedAt", clock.instant().toString());
          d.putObject("offence").put("category", c.type);
          ArrayNode victims = d.putArray("victims");
          ObjectNode v = victims.addObject();
          String tag = c.id.substring(0, 8);
          v.put("victimRef", "V1");
          v.put("givenName", "Demo");
          v.put("familyName", "Victim " + tag);
          v.put("email", "victim-" + tag + "@example.org");
          v.put("mobile", String.format(Locale.ROOT, "+4477009%05d", n % 100_000));
          ObjectNode risk = event(c, step, "RISK_ASSESSED");
          risk.putObject("data")
              .put("victimRef", "V1")
              .put("suitable", true)
              .put("assessedBy", officerRef);
          return List.of(rec, risk);
        }
      case 1:
        {
          ObjectNode e = event(c, step, "OFFICER_ASSIGNED");
          e.putObject("data")
              .putObject("officer")
              .put("ref", officerRef)
              .put("displayName", "DC " + officerRef.substring(2))
              .put("rank", "Detective Constable")
              .put("unit", "City CID")
              .put("email", officerRef.toLowerCase(Locale.ROOT) + "@demo-police.example.org");
          return List.of(e);
        }
      case 2:
        {
          if (noSuspect(c)) {
            return update(c, step, "We have reviewed the CCTV and are making enquiries.");
          }
          ObjectNode e = event(c, step, "SUSPECT_IDENTIFIED");
          e.putObject("data").put("personRef", "P1");
          return List.of(e);
        }
      case 3:
        {
          if (noSuspect(c)) {
            return update(c, step, "Enquiries are continuing.");
          }
          ObjectNode e = event(c, step, "SUSPECT_ARRESTED");
          e.putObject("data").put("personRef", "P1");
          return List.of(e);
        }
      case 4:
        {
          ObjectNode e = event(c, step, "OUTCOME_RECORDED");
          String outcome = outcomes.getOrDefault(c.id, c.lastOutcome);
          e.putObject("data")
              .put(
                  "outcome", outcome == null || outcome.isBlank() ? "Under investigation" : outcome)
              .put("finalised", true);
          return List.of(e);
        }
      case 5:
        {
          ObjectNode e = event(c, step, "CASE_CLOSED");
          e.putObject("data").put("reason", "investigation complete");
          return List.of(e);
        }
      default:
        return null;
    }
  }

  private static String officerRef(StreetCrime c) {
    return DemoStaff.OFFICERS.get(Math.floorMod(c.id.hashCode(), DemoStaff.OFFICERS.size()));
  }

  /**
   * The events that record the ready-made demo victim's crime ({@link #DEMO_VICTIM_CRIME}) with the
   * given email address: recorded, assessed suitable, officer assigned, and one update, as JSON
   * Lines.
   */
  public List<String> demoVictimEvents(String email) {
    StreetCrime c =
        new StreetCrime(
            "demo-victim-000000000000000000", DEMO_VICTIM_CRIME, "Theft from the person", null);
    List<ObjectNode> events = new ArrayList<>(step(c, 0, 0));
    ((ObjectNode) events.get(0).get("data").get("victims").get(0)).put("email", email);
    events.addAll(step(c, 1, 0));
    events.addAll(update(c, 2, "We have collected CCTV from the street and are reviewing it."));
    return events.stream().map(ObjectNode::toString).toList();
  }

  private static boolean noSuspect(StreetCrime c) {
    return c.lastOutcome != null && c.lastOutcome.contains("no suspect");
  }

  private List<ObjectNode> update(StreetCrime c, int step, String text) {
    ObjectNode e = event(c, step, "OFFICER_UPDATE");
    e.putObject("data").put("officerRef", officerRef(c)).put("text", text);
    return List.of(e);
  }

  private ObjectNode event(StreetCrime c, int step, String type) {
    ObjectNode e = JSON.createObjectNode();
    e.put("schema", "trackmycrime.record-event/1");
    e.put(
        "eventId",
        "demo-" + c.id.substring(0, 24) + "-" + step + "-" + type.toLowerCase(Locale.ROOT));
    e.put("source", "demo-feed");
    e.put("force", force);
    e.put("crimeReference", c.ref);
    e.put("sequence", step * 2 + (type.equals("RISK_ASSESSED") ? 1 : 0));
    e.put("occurredAt", clock.instant().toString());
    e.put("type", type);
    return e;
  }

  private static List<StreetCrime> readStreet() {
    int[] n = {0};
    return readCsv(
        "2023-02-city-of-london-street.csv",
        row ->
            row.length > 10 && !row[0].isBlank()
                ? new StreetCrime(
                    row[0], String.format(Locale.ROOT, "62/%06d/23", ++n[0]), row[9], row[10])
                : null);
  }

  private static Map<String, String> readOutcomes() {
    Map<String, String> latest = new HashMap<>();
    for (int m = 2; m <= 6; m++) {
      readCsv(
              "2023-0" + m + "-city-of-london-outcomes.csv",
              row -> row.length > 9 && !row[0].isBlank() ? new String[] {row[0], row[9]} : null)
          .forEach(r -> latest.put(r[0], r[1]));
    }
    return latest;
  }

  private static <T> List<T> readCsv(String file, Function<String[], T> map) {
    List<T> out = new ArrayList<>();
    try (InputStream in = DemoFeed.class.getResourceAsStream("/police-uk/" + file)) {
      if (in == null) {
        throw new IllegalStateException("missing resource police-uk/" + file);
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      r.readLine();
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        T t = map.apply(splitCsv(line));
        if (t != null) {
          out.add(t);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** One CSV line; quoted fields may hold commas and doubled quotes. */
  static String[] splitCsv(String line) {
    List<String> fields = new ArrayList<>();
    StringBuilder f = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char ch = line.charAt(i);
      if (quoted) {
        if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          f.append('"');
          i++;
        } else if (ch == '"') {
          quoted = false;
        } else {
          f.append(ch);
        }
      } else if (ch == '"') {
        quoted = true;
      } else if (ch == ',') {
        fields.add(f.toString());
        f.setLength(0);
      } else {
        f.append(ch);
      }
    }
    fields.add(f.toString());
    return fields.toArray(new String[0]);
  }
}
