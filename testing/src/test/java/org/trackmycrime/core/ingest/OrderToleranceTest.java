package org.trackmycrime.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.trackmycrime.core.TrackMyCrime;
import org.trackmycrime.core.model.Crime;
import org.trackmycrime.core.model.Force;
import org.trackmycrime.core.model.ForceSettings;
import org.trackmycrime.core.outbox.OutboxMessage;
import org.trackmycrime.testing.TmcDatabase;

/**
 * The contract's ordering guarantee as a property: any permutation of a stream, with every event
 * delivered one to three times in batches of any size, gives the same crimes, victims, timelines,
 * property and set of alerts as applying it once in order.
 */
class OrderToleranceTest {
  static final String FORCE = "gen-force";
  static final Instant START = Instant.parse("2026-01-05T08:00:00Z");
  // "now" sits inside the stream's span, so some entries are old (no alert) and some recent
  static final Instant NOW = Instant.parse("2026-02-20T12:00:00Z");
  static final int CRIMES = 200;

  @RegisterExtension final TmcDatabase inOrder = TmcDatabase.h2().startingAt(NOW);
  @RegisterExtension final TmcDatabase shuffled = TmcDatabase.h2().startingAt(NOW);
  @RegisterExtension final TmcDatabase reversed = TmcDatabase.h2().startingAt(NOW);

  @Test
  void anyPermutationWithDuplicatesGivesTheSameStateAndAlerts() {
    List<String> stream = new StreamGenerator(20261129L, FORCE, START).crimes(CRIMES);
    assertThat(stream).hasSizeGreaterThan(CRIMES * 14);

    apply(inOrder, stream, 1);

    Random random = new Random(7);
    List<String> noisy = new ArrayList<>();
    for (String e : stream) {
      for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
        noisy.add(e);
      }
    }
    Collections.shuffle(noisy, random);
    apply(shuffled, noisy, 37);

    List<String> backwards = new ArrayList<>(stream);
    Collections.reverse(backwards);
    apply(reversed, backwards, 500);

    Snapshot expected = Snapshot.of(inOrder.trackMyCrime());
    assertThat(expected.alerts()).as("the generator produces alerts").hasSizeGreaterThan(100);
    assertThat(expected.crimes()).hasSize(CRIMES);
    Snapshot fromShuffled = Snapshot.of(shuffled.trackMyCrime());
    Snapshot fromReversed = Snapshot.of(reversed.trackMyCrime());
    assertThat(fromShuffled.crimes()).isEqualTo(expected.crimes());
    assertThat(fromShuffled.details()).isEqualTo(expected.details());
    assertThat(fromShuffled.alerts()).isEqualTo(expected.alerts());
    assertThat(fromReversed.crimes()).isEqualTo(expected.crimes());
    assertThat(fromReversed.details()).isEqualTo(expected.details());
    assertThat(fromReversed.alerts()).isEqualTo(expected.alerts());
  }

  private static void apply(TmcDatabase db, List<String> events, int batch) {
    TrackMyCrime tmc = db.trackMyCrime();
    tmc.forces().save(new Force(FORCE, "Generated Police", ForceSettings.defaults()));
    for (int i = 0; i < events.size(); i += batch) {
      List<RawEvent> chunk =
          events.subList(i, Math.min(events.size(), i + batch)).stream()
              .map(e -> new RawEvent(e, "gen"))
              .toList();
      assertThat(tmc.ingest().ingestAll(chunk)).allMatch(IngestOutcome::accepted);
    }
  }

  /** Everything a victim or the force could see, as comparable values. */
  record Snapshot(List<Crime> crimes, List<String> details, Set<String> alerts) {
    static Snapshot of(TrackMyCrime tmc) {
      List<Crime> crimes = tmc.crimes().list(FORCE, 0, 100_000);
      List<String> details = new ArrayList<>();
      Set<String> alerts = new TreeSet<>();
      for (Crime c : crimes) {
        String ref = c.crimeReference();
        tmc.victims().listForCrime(FORCE, ref).forEach(v -> details.add(describe(v)));
        details.add(tmc.timeline().list(FORCE, ref).toString());
        details.add(tmc.property().list(FORCE, ref).toString());
        if (c.officerRef() != null) {
          details.add(tmc.officers().find(FORCE, c.officerRef()).toString());
        }
        tmc.outbox().forCrime(FORCE, ref).stream()
            .filter(m -> m.status() == OutboxMessage.Status.PENDING)
            .forEach(m -> alerts.add(m.victimRef() + " <- " + m.entryKey()));
      }
      return new Snapshot(crimes, details, alerts);
    }

    private static String describe(org.trackmycrime.core.model.Victim v) {
      return String.join(
          "|",
          v.victimRef(),
          v.givenName(),
          v.familyName(),
          String.valueOf(v.email()),
          String.valueOf(v.mobile()),
          v.language().name(),
          String.valueOf(v.enhanced()),
          v.enrolment().state().toString(),
          v.enrolment().history().toString());
    }
  }
}
