package org.trackmycrime.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.trackmycrime.core.LogCapture;
import org.trackmycrime.core.TrackMyCrime;
import org.trackmycrime.core.model.Crime;
import org.trackmycrime.core.model.Force;
import org.trackmycrime.core.model.ForceSettings;
import org.trackmycrime.core.model.Language;
import org.trackmycrime.core.model.PropertyItem;
import org.trackmycrime.core.model.TimelineEntry;
import org.trackmycrime.testing.TmcDatabase;

/**
 * Canary names of suspects and witnesses, planted in every free-text field of a long stream in many
 * forms, and delivered in random order (names sometimes after the text): none reaches a
 * victim-visible text, the property list, the outbox or the log.
 */
class CanaryNamesTest {
  static final String FORCE = "canary-force";
  static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
  static final List<String[]> CANARIES =
      List.of(
          new String[] {"Zebedee", "Quartermaine"},
          new String[] {"Ottoline", "Fairweather-Pike"},
          new String[] {"Caoimhe", "O'Shaughnessy"},
          new String[] {"Bartholomew", "Xylander"});

  @RegisterExtension
  final TmcDatabase db = TmcDatabase.h2().startingAt(T0.plus(Duration.ofDays(1)));

  /** The name in one of the forms an officer might write it. */
  private static String form(String[] name, int variant) {
    String given = name[0];
    String family = name[1];
    return switch (variant % 8) {
      case 0 -> given + " " + family;
      case 1 -> family;
      case 2 -> (given + " " + family).toUpperCase(Locale.ROOT);
      case 3 -> (given + " " + family).toLowerCase(Locale.ROOT);
      case 4 -> given.charAt(0) + ". " + family;
      case 5 -> family + "'s";
      case 6 -> family + ", " + given;
      default -> given;
    };
  }

  @Test
  void plantedNamesNeverReachAVictimAnAlertOrALog() {
    Events ev = new Events("canary", FORCE);
    Random random = new Random(42);
    List<String> stream = new ArrayList<>();
    for (int c = 0; c < 40; c++) {
      String ref = "CAN/" + c;
      String[] suspect = CANARIES.get(c % CANARIES.size());
      String[] witness = CANARIES.get((c + 1) % CANARIES.size());
      Instant t = T0.plusSeconds(c * 60L);
      stream.add(
          ev.crimeRecorded(
              "c" + c + "-0",
              ref,
              t,
              "Burglary",
              v -> Events.victim(v, "V1", "Alex", "Morgan").put("email", "a@example.org")));
      stream.add(ev.riskAssessed("c" + c + "-1", ref, t.plusSeconds(1), "V1", true));
      stream.add(
          ev.event(
              "c" + c + "-2",
              ref,
              null,
              t.plusSeconds(2),
              "SUSPECT_IDENTIFIED",
              d -> {
                d.put("personRef", "S1");
                d.putArray("names").add(suspect[0] + " " + suspect[1]);
              }));
      stream.add(
          ev.event(
              "c" + c + "-3",
              ref,
              null,
              t.plusSeconds(3),
              "WITNESS_IDENTIFIED",
              d -> {
                d.put("personRef", "W1");
                d.putArray("names").add(witness[0] + " " + witness[1]);
              }));
      int v = c;
      String s = form(suspect, v);
      String w = form(witness, v + 3);
      stream.add(
          ev.event(
              "c" + c + "-4",
              ref,
              null,
              t.plusSeconds(4),
              "OFFICER_UPDATE",
              d ->
                  d.put("officerRef", "1").put("text", "Spoke with " + s + "; " + w + " saw it.")));
      stream.add(
          ev.event(
              "c" + c + "-5",
              ref,
              null,
              t.plusSeconds(5),
              "SUSPECT_RELEASED",
              d ->
                  d.put("personRef", "S1")
                      .put("releaseType", "BAIL")
                      .put("bailConditions", "Keep away from " + w + ". " + s + " must sign on.")));
      stream.add(
          ev.event(
              "c" + c + "-6",
              ref,
              null,
              t.plusSeconds(6),
              "BAIL_CHANGED",
              d ->
                  d.put("personRef", "S1")
                      .put("change", "VARIED")
                      .put("bailConditions", "Curfew for " + s)));
      stream.add(
          ev.event(
              "c" + c + "-7",
              ref,
              null,
              t.plusSeconds(7),
              "SUSPECT_CHARGED",
              d -> {
                d.put("personRef", "S1").putArray("charges").add("Assault on " + w);
                d.putObject("firstHearing").put("date", "2026-05-01").put("court", "City Court");
              }));
      stream.add(
          ev.event(
              "c" + c + "-8",
              ref,
              null,
              t.plusSeconds(8),
              "NOT_INVESTIGATED",
              d -> d.put("reason", w + " withdrew; " + s + " unknown")));
      stream.add(
          ev.event(
              "c" + c + "-9",
              ref,
              null,
              t.plusSeconds(9),
              "PROPERTY_RECORDED",
              d ->
                  d.put("itemRef", "P1")
                      .put("description", "Bag found at " + s + " home")
                      .put("status", "RECOVERED")));
      stream.add(
          ev.event(
              "c" + c + "-10",
              ref,
              null,
              t.plusSeconds(10),
              "OUTCOME_RECORDED",
              d ->
                  d.put("outcome", "Unable to prosecute suspect")
                      .put("finalised", true)
                      .put("text", s + " was not charged")));
      stream.add(
          ev.event(
              "c" + c + "-11",
              ref,
              null,
              t.plusSeconds(11),
              "CASE_CLOSED",
              d -> d.put("reason", "Closed after " + w + " statement")));
      stream.add(
          ev.event(
              "c" + c + "-12",
              ref,
              null,
              t.plusSeconds(12),
              "CASE_REOPENED",
              d -> d.put("reason", "New evidence about " + s)));
    }
    Collections.shuffle(stream, random);

    TrackMyCrime tmc = db.trackMyCrime();
    tmc.forces().save(new Force(FORCE, "Canary Police", ForceSettings.defaults()));
    String logText =
        LogCapture.during(
            () -> {
              for (String e : stream) {
                assertThat(tmc.ingest().ingest(new RawEvent(e, "canary")).accepted()).isTrue();
              }
            });

    List<String> visible = new ArrayList<>();
    for (Crime c : tmc.crimes().list(FORCE, 0, 1000)) {
      for (TimelineEntry e : tmc.timeline().list(FORCE, c.crimeReference())) {
        visible.add(e.text().in(Language.EN));
        visible.add(e.text().in(Language.CY));
      }
      tmc.property().list(FORCE, c.crimeReference()).stream()
          .map(PropertyItem::description)
          .forEach(visible::add);
      tmc.outbox().forCrime(FORCE, c.crimeReference()).forEach(m -> visible.add(m.toString()));
    }
    assertThat(visible).hasSizeGreaterThan(40 * 20);
    assertThat(logText).as("the ingest logged something to check").isNotEmpty();
    for (String[] name : CANARIES) {
      for (String part : name) {
        for (String part2 : part.split("-")) {
          assertThat(visible)
              .as("no victim-visible text holds %s", part2)
              .noneMatch(t -> t.toLowerCase(Locale.ROOT).contains(part2.toLowerCase(Locale.ROOT)));
          assertThat(logText.toLowerCase(Locale.ROOT))
              .doesNotContain(part2.toLowerCase(Locale.ROOT));
        }
      }
    }
  }
}
