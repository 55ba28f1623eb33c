package org.trackmycrime.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.trackmycrime.core.TrackMyCrime;
import org.trackmycrime.core.ValidationException.Problem;
import org.trackmycrime.core.model.Actor;
import org.trackmycrime.core.model.AuditAction;
import org.trackmycrime.core.model.Force;
import org.trackmycrime.core.model.ForceSettings;
import org.trackmycrime.core.model.TimelineEntry;
import org.trackmycrime.core.outbox.OutboxMessage;
import org.trackmycrime.testing.TmcDatabase;

class IngestBehaviourTest {
  static final String FORCE = "demo-force";
  static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

  @RegisterExtension final TmcDatabase db = TmcDatabase.h2().startingAt(T0.plusSeconds(3600));

  TrackMyCrime tmc;
  Events ev = new Events("niche", FORCE);

  @BeforeEach
  void force() {
    tmc = db.trackMyCrime();
    tmc.forces().save(new Force(FORCE, "Demo Police", ForceSettings.defaults()));
  }

  private IngestOutcome in(String json) {
    return tmc.ingest().ingest(new RawEvent(json, "test"));
  }

  private String recorded(String id, String ref) {
    return ev.crimeRecorded(
        id,
        ref,
        T0,
        "Burglary",
        v ->
            Events.victim(v, "V1", "Alex", "Morgan")
                .put("email", "alex@example.org")
                .put("mobile", "07700 900123"));
  }

  private List<OutboxMessage> alerts(String ref) {
    return tmc.outbox().forCrime(FORCE, ref).stream()
        .filter(m -> m.status() == OutboxMessage.Status.PENDING)
        .toList();
  }

  @Test
  void aBrokenEventIsRejectedNamingTheFieldAndTheEventsAroundItCarryOn() {
    String bad =
        ev.crimeRecorded(
            "e2", "C2", T0, "Burglary", v -> Events.victim(v, "V1", "A", "B").put("mobile", "12"));
    List<IngestOutcome> out =
        tmc.ingest()
            .ingestAll(
                List.of(
                    new RawEvent(recorded("e1", "C1"), "f:1"),
                    new RawEvent(bad, "f:2"),
                    new RawEvent(recorded("e3", "C3"), "f:3")));
    assertThat(out)
        .extracting(IngestOutcome::status)
        .containsExactly(IngestStatus.APPLIED, IngestStatus.REJECTED, IngestStatus.APPLIED);
    assertThat(out.get(1).problems())
        .containsExactly(new Problem("data.victims[0].mobile", "must be 5-32 characters"));
    assertThat(tmc.crimes().find(FORCE, "C1")).isPresent();
    assertThat(tmc.crimes().find(FORCE, "C2")).isEmpty();
    assertThat(tmc.crimes().find(FORCE, "C3")).isPresent();
  }

  @Test
  void everyProblemOfAnEventIsNamed() {
    String json =
        "{\"schema\":\"trackmycrime.record-event/2\",\"eventId\":\"bad id\",\"source\":\"niche\","
            + "\"force\":\"Demo\",\"crimeReference\":\"C1\",\"occurredAt\":\"yesterday\","
            + "\"type\":\"SUSPECT_RELEASED\",\"data\":{\"releaseType\":\"LATER\"},\"extra\":1}";
    IngestOutcome o = in(json);
    assertThat(o.status()).isEqualTo(IngestStatus.REJECTED);
    assertThat(o.problems())
        .extracting(Problem::field)
        .containsExactlyInAnyOrder(
            "extra",
            "schema",
            "eventId",
            "force",
            "occurredAt",
            "data.personRef",
            "data.releaseType");
    assertThat(o.problems())
        .contains(
            new Problem(
                "extra",
                "is not a field of record event v1 (unknown top-level fields are refused)"));
  }

  @Test
  void notJsonAndHugeInputAreRejectedWithoutQuotingThem() {
    IngestOutcome o = in("{\"eventId\": Alex Morgan");
    assertThat(o.status()).isEqualTo(IngestStatus.REJECTED);
    assertThat(o.problems().get(0).field()).isEqualTo("$");
    assertThat(o.problems().get(0).rule()).startsWith("is not valid JSON").doesNotContain("Alex");
    assertThat(in("[1,2]").problems().get(0).rule()).isEqualTo("must be a JSON object");
    assertThat(in("x".repeat(300_000)).problems().get(0).rule()).contains("at most");
    String deep = "{\"a\":".repeat(40) + "1" + "}".repeat(40);
    assertThat(in(deep).problems().get(0).rule()).contains("nested too deeply");
  }

  @Test
  void anEventOfAnUnknownForceOrVictimIsRejected() {
    in(recorded("e1", "C1"));
    IngestOutcome force =
        in(new Events("niche", "other-force").officerUpdate("e2", "C1", T0, "hello"));
    assertThat(force.problems())
        .containsExactly(new Problem("force", "is not a force served here"));
    IngestOutcome victim = in(ev.riskAssessed("e3", "C1", T0, "V9", true));
    assertThat(victim.problems())
        .containsExactly(new Problem("data.victimRef", "is not a victim of this crime"));
  }

  @Test
  void rejectedEventsCanBeListedReadFixedAndReplayed() {
    String bad =
        ev.riskAssessed("e2", "C1", T0, "V1", true)
            .replace("\"suitable\":true", "\"suitable\":\"yes\"");
    in(recorded("e1", "C1"));
    IngestOutcome o = in(bad);
    List<RejectedEvent> open =
        tmc.ingest().rejected().list(FORCE, RejectedEvent.Status.OPEN, 0, 10);
    assertThat(open).hasSize(1);
    assertThat(open.get(0).eventId()).isEqualTo("e2");
    assertThat(open.get(0).problems())
        .containsExactly(new Problem("data.suitable", "must be true or false"));
    assertThat(open.get(0).id()).isEqualTo(o.rejectedId());

    Actor operator = Actor.staff("ops-1");
    assertThat(tmc.ingest().rejected().rawText(o.rejectedId(), operator)).isEqualTo(bad);
    assertThat(tmc.audit().forSubject(FORCE, "rejected-event", "e2"))
        .extracting(e -> e.action())
        .containsExactly(AuditAction.CONSULTATION);

    // a replay that is still broken keeps one row, with the new problems
    IngestOutcome still =
        tmc.ingest().rejected().replay(o.rejectedId(), bad.replace("\"yes\"", "1"), operator);
    assertThat(still.status()).isEqualTo(IngestStatus.REJECTED);
    assertThat(tmc.ingest().rejected().list(FORCE, null, 0, 10)).hasSize(1);

    IngestOutcome fixed =
        tmc.ingest().rejected().replay(o.rejectedId(), bad.replace("\"yes\"", "true"), operator);
    assertThat(fixed.status()).isEqualTo(IngestStatus.APPLIED);
    assertThat(tmc.ingest().rejected().list(FORCE, RejectedEvent.Status.OPEN, 0, 10)).isEmpty();
    assertThat(tmc.ingest().rejected().list(FORCE, RejectedEvent.Status.REPLAYED, 0, 10))
        .hasSize(1);
    assertThat(tmc.enrolment().mayAlert(FORCE, "C1", "V1").allowed()).isTrue();
  }

  @Test
  void aRejectedEventCanBeDiscarded() {
    IngestOutcome o = in("not json");
    tmc.ingest().rejected().discard(o.rejectedId(), Actor.staff("ops-1"), "test data");
    assertThat(tmc.ingest().rejected().list(null, RejectedEvent.Status.DISCARDED, 0, 10))
        .hasSize(1);
  }

  @Test
  void eventsOfAnUnrecordedCrimeAreParkedThenAppliedWhenItArrives() {
    IngestOutcome update = in(ev.officerUpdate("e2", "C1", T0.plusSeconds(60), "We visited."));
    IngestOutcome risk = in(ev.riskAssessed("e3", "C1", T0.plusSeconds(30), "V1", true));
    assertThat(update.status()).isEqualTo(IngestStatus.PARKED);
    assertThat(risk.status()).isEqualTo(IngestStatus.PARKED);
    assertThat(in(ev.officerUpdate("e2", "C1", T0.plusSeconds(60), "We visited.")).status())
        .isEqualTo(IngestStatus.DUPLICATE);
    db.clock().advance(Duration.ofHours(2));
    assertThat(tmc.ingest().parked(Duration.ofHours(1)))
        .extracting(ParkedEvent::eventId)
        .containsExactlyInAnyOrder("e2", "e3");

    assertThat(in(recorded("e1", "C1")).status()).isEqualTo(IngestStatus.APPLIED);
    assertThat(tmc.ingest().parked(Duration.ZERO)).isEmpty();
    assertThat(tmc.timeline().list(FORCE, "C1"))
        .extracting(TimelineEntry::entryKey)
        .containsExactly("niche:e1", "niche:e2");
    // the update (09:01) came after the assessment (09:00:30): the victim is told of it
    assertThat(alerts("C1")).extracting(OutboxMessage::entryKey).containsExactly("niche:e2");
  }

  @Test
  void alertsAreDecidedByEventTimeWhateverTheArrivalOrder() {
    in(recorded("e1", "C1"));
    in(ev.officerUpdate("e2", "C1", T0.plusSeconds(60), "Before the assessment."));
    in(ev.officerUpdate("e4", "C1", T0.plusSeconds(300), "After the assessment."));
    assertThat(alerts("C1")).isEmpty();
    // the assessment arrives late but happened at 09:02
    in(ev.riskAssessed("e3", "C1", T0.plusSeconds(120), "V1", true));
    assertThat(alerts("C1")).extracting(OutboxMessage::entryKey).containsExactly("niche:e4");
    // an opt-out at 09:03 arrives even later: the pending alert for 09:05 is cancelled
    in(ev.optedOut("e5", "C1", T0.plusSeconds(180), "V1", true));
    assertThat(alerts("C1")).isEmpty();
    assertThat(tmc.outbox().forCrime(FORCE, "C1"))
        .extracting(OutboxMessage::status)
        .containsExactly(OutboxMessage.Status.CANCELLED);
    // and opting back in at 09:04 restores it
    in(ev.optedOut("e6", "C1", T0.plusSeconds(240), "V1", false));
    assertThat(alerts("C1")).extracting(OutboxMessage::entryKey).containsExactly("niche:e4");
  }

  @Test
  void liveEventsOlderThanTheAlertAgeAreRecordedButNotAlerted() {
    Instant old = db.clock().instant().minus(Duration.ofDays(8));
    in(
        ev.crimeRecorded(
            "e1",
            "C1",
            old,
            "Burglary",
            v -> Events.victim(v, "V1", "A", "B").put("email", "a@example.org")));
    in(ev.riskAssessed("e2", "C1", old.plusSeconds(1), "V1", true));
    in(ev.officerUpdate("e3", "C1", old.plusSeconds(2), "Old news."));
    in(ev.officerUpdate("e4", "C1", db.clock().instant().minusSeconds(60), "Recent news."));
    assertThat(tmc.timeline().list(FORCE, "C1")).hasSize(3);
    assertThat(alerts("C1")).extracting(OutboxMessage::entryKey).containsExactly("niche:e4");
  }

  @Test
  void aBulkLoadRecordsHistoryInChunksAndAlertsNobody() {
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < 50; i++) {
      String ref = "B" + i;
      lines.append(recorded("b" + i + "-1", ref)).append('\n');
      lines
          .append(ev.riskAssessed("b" + i + "-2", ref, T0.plusSeconds(1), "V1", true))
          .append('\n');
      lines.append('\n');
      lines
          .append(ev.officerUpdate("b" + i + "-3", ref, T0.plusSeconds(2), "Update " + i))
          .append('\n');
    }
    lines.append("broken\n");
    List<BulkReport> progress = new ArrayList<>();
    BulkReport report =
        tmc.ingest()
            .bulkLoad(
                new BufferedReader(new StringReader(lines.toString())),
                BulkOptions.of("history.jsonl").withChunkSize(40).withProgress(progress::add));
    assertThat(report.lines()).isEqualTo(151);
    assertThat(report.applied()).isEqualTo(150);
    assertThat(report.rejected()).isEqualTo(1);
    assertThat(progress).hasSize(4);
    assertThat(progress.get(0).lines()).isEqualTo(40);
    assertThat(tmc.outbox().byStatus(FORCE, OutboxMessage.Status.PENDING, 1000)).isEmpty();
    TimelineEntry update = tmc.timeline().list(FORCE, "B7").get(1);
    assertThat(update.publishedAt())
        .as("history is published at its own time")
        .isEqualTo(update.occurredAt());
    assertThat(tmc.ingest().rejected().list(null, null, 0, 10).get(0).origin())
        .isEqualTo("history.jsonl:201");
  }

  @Test
  void theSameEventTwiceInOneBatchIsADuplicate() {
    String e = recorded("e1", "C1");
    assertThat(tmc.ingest().ingestAll(List.of(new RawEvent(e, "a"), new RawEvent(e, "b"))))
        .extracting(IngestOutcome::status)
        .containsExactly(IngestStatus.APPLIED, IngestStatus.DUPLICATE);
  }

  @Test
  void namesArrivingAfterTheTextStillNeverReachTheVictim() {
    in(recorded("e1", "C1"));
    in(ev.officerUpdate("e2", "C1", T0.plusSeconds(60), "We spoke to Jordan Blake today."));
    in(ev.suspectIdentified("e3", "C1", T0.plusSeconds(30), "S1", List.of("Jordan Blake")));
    assertThat(tmc.timeline().list(FORCE, "C1"))
        .allSatisfy(
            e -> assertThat(e.text().en()).doesNotContain("Jordan").doesNotContain("Blake"));
  }
}
