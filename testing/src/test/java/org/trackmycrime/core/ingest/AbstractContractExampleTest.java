package org.trackmycrime.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.trackmycrime.core.TrackMyCrime;
import org.trackmycrime.core.model.Consent;
import org.trackmycrime.core.model.Crime;
import org.trackmycrime.core.model.CrimeStatus;
import org.trackmycrime.core.model.Force;
import org.trackmycrime.core.model.ForceSettings;
import org.trackmycrime.core.model.Language;
import org.trackmycrime.core.model.PropertyItem;
import org.trackmycrime.core.model.PropertyStatus;
import org.trackmycrime.core.model.RiskStatus;
import org.trackmycrime.core.model.TimelineEntry;
import org.trackmycrime.core.model.TimelineKind;
import org.trackmycrime.core.model.Victim;
import org.trackmycrime.core.outbox.OutboxMessage;
import org.trackmycrime.testing.TmcDatabase;

/**
 * The contract's example stream, fed live (the clock just after each event), gives the timeline the
 * contract describes. Run on every supported database.
 */
abstract class AbstractContractExampleTest {
  static final String FORCE = "avon-and-somerset";
  static final String REF = "5226012345";
  private static final Pattern OCCURRED = Pattern.compile("\"occurredAt\":\"([^\"]+)\"");

  abstract TmcDatabase db();

  TrackMyCrime tmc;
  List<IngestOutcome> outcomes;

  @BeforeEach
  void feedTheExampleLive() {
    tmc = db().trackMyCrime();
    tmc.forces().save(new Force(FORCE, "Avon and Somerset Constabulary", ForceSettings.defaults()));
    outcomes =
        Streams.contractExample().stream()
            .map(
                line -> {
                  Matcher m = OCCURRED.matcher(line);
                  m.find();
                  db().clock().set(OffsetDateTime.parse(m.group(1)).toInstant().plusSeconds(60));
                  return tmc.ingest().ingest(new RawEvent(line, "example"));
                })
            .toList();
  }

  @Test
  void everyEventIsApplied() {
    assertThat(outcomes).hasSize(14).allMatch(o -> o.status() == IngestStatus.APPLIED);
  }

  @Test
  void crimeEndsClosedWithItsFinalOutcomeAndOfficer() {
    Crime c = tmc.crimes().find(FORCE, REF).orElseThrow();
    assertThat(c.status()).isEqualTo(CrimeStatus.CLOSED);
    assertThat(c.outcome()).isEqualTo("Offender given suspended prison sentence");
    assertThat(c.officerRef()).isEqualTo("4321");
    assertThat(c.offenceCategory()).isEqualTo("Burglary");
    assertThat(c.reportedAt()).isEqualTo(Instant.parse("2026-03-02T08:50:00Z"));
    assertThat(tmc.officers().find(FORCE, "4321").orElseThrow().displayName())
        .isEqualTo("PC Sam Patel");
  }

  @Test
  void victimIsEnrolledSuitableWithContactDetailsNormalised() {
    Victim v = tmc.victims().find(FORCE, REF, "V1").orElseThrow();
    assertThat(v.mobile()).isEqualTo("+447700900123");
    assertThat(v.email()).isEqualTo("alex.morgan@example.org");
    assertThat(v.language()).isEqualTo(Language.EN);
    assertThat(v.enrolment().consent()).isEqualTo(Consent.ENROLLED);
    assertThat(v.enrolment().risk()).isEqualTo(RiskStatus.SUITABLE);
  }

  @Test
  void timelineHasOneEntryPerVictimVisibleEventInTimeOrder() {
    List<TimelineEntry> timeline = tmc.timeline().list(FORCE, REF);
    assertThat(timeline)
        .extracting(TimelineEntry::kind)
        .containsExactly(
            TimelineKind.CRIME_RECORDED,
            TimelineKind.OFFICER_ASSIGNED,
            TimelineKind.PROPERTY_UPDATED,
            TimelineKind.SUSPECT_IDENTIFIED,
            TimelineKind.SUSPECT_ARRESTED,
            TimelineKind.SUSPECT_INTERVIEWED,
            TimelineKind.SUSPECT_RELEASED,
            TimelineKind.OFFICER_UPDATE,
            TimelineKind.PROPERTY_UPDATED,
            TimelineKind.SUSPECT_CHARGED,
            TimelineKind.OUTCOME,
            TimelineKind.OUTCOME,
            TimelineKind.CASE_CLOSED);
    assertThat(timeline).allSatisfy(e -> assertThat(e.text().cy()).isNotBlank());
  }

  @Test
  void noNameOrContactDetailOfTheSuspectReachesTheVictim() {
    for (TimelineEntry e : tmc.timeline().list(FORCE, REF)) {
      for (Language l : Language.values()) {
        assertThat(e.text().in(l))
            .as("entry %s in %s", e.entryKey(), l)
            .doesNotContainIgnoringCase("Jordan")
            .doesNotContainIgnoringCase("Blake")
            .doesNotContain("0117 496 0000")
            .doesNotContain("BS7 8AA");
      }
    }
    String update =
        tmc.timeline().list(FORCE, REF).stream()
            .filter(e -> e.kind() == TimelineKind.OFFICER_UPDATE)
            .findFirst()
            .orElseThrow()
            .text()
            .en();
    assertThat(update)
        .containsIgnoringCase("the suspect")
        .contains("[phone number]")
        .contains("CCTV");
    String release =
        tmc.timeline().list(FORCE, REF).stream()
            .filter(e -> e.kind() == TimelineKind.SUSPECT_RELEASED)
            .findFirst()
            .orElseThrow()
            .text()
            .en();
    assertThat(release).contains("bail").contains("[postcode]");
  }

  @Test
  void propertyShowsItsLatestStatus() {
    assertThat(tmc.property().list(FORCE, REF))
        .extracting(PropertyItem::itemRef, PropertyItem::status)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("P1", PropertyStatus.RECOVERED));
  }

  @Test
  void victimIsAlertedOfEveryUpdateAfterTheyWereFoundSuitable() {
    List<OutboxMessage> alerts = tmc.outbox().forCrime(FORCE, REF);
    // CRIME_RECORDED (09:14) came before the risk assessment (09:20): no alert for it
    assertThat(alerts).hasSize(12).allMatch(m -> m.victimRef().equals("V1"));
    assertThat(alerts).allMatch(m -> m.status() == OutboxMessage.Status.PENDING);
    assertThat(alerts).noneMatch(m -> m.entryKey().endsWith("niche-000001"));
  }

  @Test
  void replayingTheWholeStreamChangesNothing() {
    List<TimelineEntry> before = tmc.timeline().list(FORCE, REF);
    int alerts = tmc.outbox().forCrime(FORCE, REF).size();
    db().clock().advance(Duration.ofDays(1));
    List<IngestOutcome> again =
        tmc.ingest()
            .ingestAll(
                Streams.contractExample().stream().map(l -> new RawEvent(l, "again")).toList());
    assertThat(again).allMatch(o -> o.status() == IngestStatus.DUPLICATE);
    assertThat(tmc.timeline().list(FORCE, REF)).isEqualTo(before);
    assertThat(tmc.outbox().forCrime(FORCE, REF)).hasSize(alerts);
  }
}
