package org.trackmycrime.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.trackmycrime.core.ingest.IngestStatus;
import org.trackmycrime.core.ingest.RawEvent;
import org.trackmycrime.core.model.Channel;
import org.trackmycrime.core.model.Force;
import org.trackmycrime.core.model.ForceSettings;
import org.trackmycrime.testing.TmcDatabase;

/** Alerts written by real record-event ingest, delivered by the dispatcher. */
class DispatchFromIngestTest {
  @RegisterExtension
  final TmcDatabase db = TmcDatabase.h2().startingAt(Instant.parse("2026-03-02T09:30:00Z"));

  static final ObjectMapper JSON = new ObjectMapper();
  static final String FORCE = "avon-and-somerset";
  static final String CRIME = "5226012345";

  DispatchFixture f;
  Dispatcher dispatcher;
  int events;

  @BeforeEach
  void setUp() {
    f = new DispatchFixture(db);
    f.tmc
        .forces()
        .save(new Force(FORCE, "Avon and Somerset Constabulary", ForceSettings.defaults()));
    dispatcher = f.dispatcher(f.config().build());
  }

  String event(String type, Instant at, Consumer<ObjectNode> data) {
    ObjectNode root = JSON.createObjectNode();
    root.put("schema", "trackmycrime.record-event/1");
    root.put("eventId", "niche-" + (++events));
    root.put("source", "niche-prod");
    root.put("force", FORCE);
    root.put("crimeReference", CRIME);
    root.put("occurredAt", at.toString());
    root.put("type", type);
    data.accept(root.putObject("data"));
    return root.toString();
  }

  void ingest(String json) {
    assertThat(f.tmc.ingest().ingest(new RawEvent(json, "test")).status())
        .isEqualTo(IngestStatus.APPLIED);
  }

  void recordedAndAssessed() {
    Instant t = f.clock.instant();
    ingest(
        event(
            "CRIME_RECORDED",
            t.minusSeconds(600),
            d -> {
              d.put("reportedAt", t.minusSeconds(900).toString());
              d.putObject("offence").put("category", "Burglary");
              ObjectNode v = d.putArray("victims").addObject();
              v.put("victimRef", "V1");
              v.put("givenName", "Alex");
              v.put("familyName", "Morgan");
              v.put("email", "alex.morgan@example.org");
              v.put("mobile", "07700 900123");
            }));
    ingest(
        event(
            "RISK_ASSESSED",
            t.minusSeconds(300),
            d -> d.put("victimRef", "V1").put("suitable", true).put("assessedBy", "4321")));
  }

  void officerUpdate(String text) {
    ingest(
        event(
            "OFFICER_UPDATE",
            f.clock.instant(),
            d -> d.put("officerRef", "4321").put("text", text)));
  }

  @Test
  void updatesFromTheRecordsSystemReachTheVictimAsOneAlertThatSaysNothingOfThem() {
    recordedAndAssessed();
    officerUpdate("We have spoken to a neighbour in Redland who saw a man with a bicycle.");
    f.clock.advance(Duration.ofMinutes(3));
    officerUpdate("CCTV from the corner shop has been collected.");
    f.afterWindow();

    DispatchRun run = dispatcher.runOnce();

    assertThat(run.sent()).isEqualTo(1);
    assertThat(run.coalesced()).isGreaterThanOrEqualTo(1);
    assertThat(f.email.received()).hasSize(1);
    assertThat(f.sms.received()).hasSize(1);
    for (OutgoingMessage m :
        java.util.List.of(f.email.received().get(0), f.sms.received().get(0))) {
      assertThat(m.textBody())
          .contains(DispatchFixture.PORTAL)
          .doesNotContain("Burglary")
          .doesNotContain(CRIME)
          .doesNotContain("Redland")
          .doesNotContain("CCTV")
          .doesNotContain("Alex");
    }
    assertThat(f.sms.received().get(0).to()).isEqualTo("+447700900123");
  }

  @Test
  void anOverdueUpdateReachesTheOfficerInChargeByEmail() {
    recordedAndAssessed();
    ingest(
        event(
            "OFFICER_ASSIGNED",
            f.clock.instant(),
            d ->
                d.putObject("officer")
                    .put("ref", "4321")
                    .put("displayName", "PC Sam Patel")
                    .put("unit", "Bristol North CID")
                    .put("email", "sam.patel@example.police.uk")));
    f.afterWindow();
    dispatcher.runOnce();
    f.email.clear();

    // nothing more is published: 28 days on, the next update is overdue
    f.clock.advance(Duration.ofDays(29));
    f.tmc.cadence().runReminders();
    dispatcher.runOnce();

    assertThat(f.email.received())
        .filteredOn(m -> m.to().equals("sam.patel@example.police.uk"))
        .as("the officer is told the update is overdue")
        .isNotEmpty();
    assertThat(f.email.received()).noneMatch(m -> m.to().equals("alex.morgan@example.org"));
  }

  @Test
  void aNewEmailAddressIsTriedAgainAfterTheOldOneFailedForGood() {
    recordedAndAssessed();
    officerUpdate("First update.");
    f.afterWindow();
    f.email.failNext(new SendResult.Permanent("550", "no such user"));
    dispatcher.runOnce();
    assertThat(f.tmc.victims().find(FORCE, CRIME, "V1").orElseThrow().unreachableChannels())
        .containsExactly(Channel.EMAIL);

    ingest(
        event(
            "VICTIM_DETAILS_CHANGED",
            f.clock.instant(),
            d -> d.put("victimRef", "V1").put("email", "alex.new@example.org")));
    assertThat(f.tmc.victims().find(FORCE, CRIME, "V1").orElseThrow().unreachableChannels())
        .as("a changed address is worth trying")
        .isEmpty();
    f.email.clear();
    officerUpdate("Second update.");
    f.afterWindow();
    dispatcher.runOnce();

    assertThat(f.email.received())
        .extracting(OutgoingMessage::to)
        .containsExactly("alex.new@example.org");
  }

  @Test
  void anOptOutFromTheRecordsSystemCancelsWhatIsQueued() {
    recordedAndAssessed();
    officerUpdate("An update.");
    f.clock.advance(Duration.ofMinutes(1));
    ingest(
        event(
            "VICTIM_DETAILS_CHANGED",
            f.clock.instant(),
            d -> d.put("victimRef", "V1").put("optedOut", true)));
    f.afterWindow();

    dispatcher.runOnce();

    assertThat(f.email.attempts()).isEmpty();
    assertThat(f.sms.attempts()).isEmpty();
    assertThat(f.rows()).allSatisfy(r -> assertThat(r.status()).isEqualTo("CANCELLED"));
  }
}
