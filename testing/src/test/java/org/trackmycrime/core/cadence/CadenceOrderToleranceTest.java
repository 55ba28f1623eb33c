package org.trackmycrime.core.cadence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.trackmycrime.core.TrackMyCrime;
import org.trackmycrime.core.ingest.IngestOutcome;
import org.trackmycrime.core.ingest.RawEvent;
import org.trackmycrime.core.ingest.StreamGenerator;
import org.trackmycrime.core.model.Crime;
import org.trackmycrime.core.model.Force;
import org.trackmycrime.core.model.ForceSettings;
import org.trackmycrime.testing.TmcDatabase;

/**
 * The obligations index is derived from stored state only, so, like the state itself, it is the
 * same whatever order the events arrived in and however often: generated crimes (every event type,
 * closures and reopenings, opt-outs, unsuitable assessments, officers changing) applied in order,
 * shuffled with duplicates, and reversed.
 */
class CadenceOrderToleranceTest {
  static final String FORCE = "gen-force";
  static final Instant START = Instant.parse("2026-01-05T08:00:00Z");
  static final Instant NOW = Instant.parse("2026-02-20T12:00:00Z");
  static final int CRIMES = 40;

  @RegisterExtension final TmcDatabase inOrder = TmcDatabase.h2().startingAt(NOW);
  @RegisterExtension final TmcDatabase shuffled = TmcDatabase.h2().startingAt(NOW);
  @RegisterExtension final TmcDatabase reversed = TmcDatabase.h2().startingAt(NOW);

  @Test
  void theIndexIsTheSameWhateverTheArrivalOrder() {
    List<String> stream = new StreamGenerator(20260220L, FORCE, START).crimes(CRIMES);
    apply(inOrder, stream, 1);
    Random random = new Random(11);
    List<String> noisy = new ArrayList<>();
    for (String e : stream) {
      for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
        noisy.add(e);
      }
    }
    Collections.shuffle(noisy, random);
    apply(shuffled, noisy, 23);
    List<String> backwards = new ArrayList<>(stream);
    Collections.reverse(backwards);
    apply(reversed, backwards, 200);

    List<String> expected = index(inOrder.trackMyCrime());
    assertThat(expected).as("the generator produces obligations").hasSizeGreaterThan(CRIMES * 5);
    assertThat(expected).anyMatch(s -> s.contains("status=MET_ON_TIME"));
    assertThat(expected).anyMatch(s -> s.contains("status=MET_LATE"));
    assertThat(expected).anyMatch(s -> s.contains("status=ENDED"));
    assertThat(index(shuffled.trackMyCrime())).isEqualTo(expected);
    assertThat(index(reversed.trackMyCrime())).isEqualTo(expected);
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

  private static List<String> index(TrackMyCrime tmc) {
    List<String> rows = new ArrayList<>();
    for (Crime c : tmc.crimes().list(FORCE, 0, 100_000)) {
      tmc.cadence().forCrime(FORCE, c.crimeReference()).forEach(o -> rows.add(o.toString()));
    }
    return rows;
  }
}
