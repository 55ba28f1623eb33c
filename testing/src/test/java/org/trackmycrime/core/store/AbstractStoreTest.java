package org.trackmycrime.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.trackmycrime.core.PersistenceException;
import org.trackmycrime.core.TrackMyCrime;
import org.trackmycrime.core.model.Actor;
import org.trackmycrime.core.model.AuditAction;
import org.trackmycrime.core.model.AuditEvent;
import org.trackmycrime.core.model.Channel;
import org.trackmycrime.core.model.Crime;
import org.trackmycrime.core.model.CrimeStatus;
import org.trackmycrime.core.model.EnhancedReason;
import org.trackmycrime.core.model.Enrolment;
import org.trackmycrime.core.model.EnrolmentAction;
import org.trackmycrime.core.model.EnrolmentTransition;
import org.trackmycrime.core.model.Force;
import org.trackmycrime.core.model.ForceSettings;
import org.trackmycrime.core.model.Language;
import org.trackmycrime.core.model.LocalizedText;
import org.trackmycrime.core.model.MessageStatus;
import org.trackmycrime.core.model.Nation;
import org.trackmycrime.core.model.Officer;
import org.trackmycrime.core.model.PropertyItem;
import org.trackmycrime.core.model.PropertyStatus;
import org.trackmycrime.core.model.TimelineEntry;
import org.trackmycrime.core.model.TimelineKind;
import org.trackmycrime.core.model.Victim;
import org.trackmycrime.core.model.VictimMessage;
import org.trackmycrime.testing.TmcDatabase;

/**
 * The store contract, run unchanged on every supported database: each subclass only says which one.
 * SQL that only one database accepts fails here.
 */
abstract class AbstractStoreTest {
  static final String FORCE = "avon-and-somerset";
  static final String OTHER = "city-of-london";
  static final Instant T0 = Instant.parse("2026-03-02T09:14:00.123456Z");

  abstract TmcDatabase db();

  TrackMyCrime tmc;
  int seq;
  String ref;

  @BeforeEach
  void forces() {
    tmc = db().trackMyCrime();
    tmc.forces().save(new Force(FORCE, "Avon and Somerset Constabulary", ForceSettings.defaults()));
    tmc.forces().save(new Force(OTHER, "City of London Police", ForceSettings.defaults()));
    ref = "52/" + (++seq) + "/" + System.nanoTime() % 100000;
  }

  Crime crime(String force) {
    Crime c =
        new Crime(
            force,
            ref,
            "Burglary",
            "Rear door forced",
            T0,
            CrimeStatus.OPEN,
            "Under investigation",
            "4321");
    tmc.crimes().save(c);
    return c;
  }

  Victim victim(String force, String victimRef) {
    Enrolment e =
        Enrolment.atRecording(false, T0, Actor.recordsSystem("niche-prod"))
            .apply(
                new EnrolmentTransition(
                    EnrolmentAction.ASSESS_SUITABLE,
                    T0.plusSeconds(60),
                    Actor.officer("4321"),
                    "no concerns",
                    List.of("DA-CHECKED", "NO-CONTACT-RISK")));
    return Victim.builder(force, ref, victimRef)
        .name("Alex", "Morgan-Ní Bhriain")
        .email("alex.morgan@example.org")
        .mobile("+447700900123")
        .language(Language.CY)
        .enhanced(true, Set.of(EnhancedReason.VULNERABLE, EnhancedReason.INTIMIDATED))
        .updateFrequencyDays(14)
        .unreachableChannels(Set.of(Channel.SMS))
        .enrolment(e)
        .build();
  }

  @Test
  void forceRoundTripsWithItsSettings() {
    Force f =
        new Force(
            "police-scotland",
            "Police Scotland",
            new ForceSettings(
                Nation.SCOTLAND, "ENHANCED", "hub@example.police.uk", ZoneId.of("Europe/London")));
    tmc.forces().save(f);
    assertThat(tmc.forces().find("police-scotland")).contains(f);

    Force renamed =
        new Force("police-scotland", "Police Scotland (renamed)", f.settings().withHubEmail(null));
    tmc.forces().save(renamed);
    assertThat(tmc.forces().find("police-scotland")).contains(renamed);
    assertThat(tmc.forces().list())
        .extracting(Force::slug)
        .contains(FORCE, OTHER, "police-scotland");
  }

  @Test
  void crimeRoundTripsAndUpdates() {
    Crime c = crime(FORCE);
    assertThat(tmc.crimes().find(FORCE, ref)).contains(c);

    Crime closed = c.withStatus(CrimeStatus.CLOSED).withOutcome(null).withOfficerRef(null);
    tmc.crimes().save(closed);
    assertThat(tmc.crimes().find(FORCE, ref)).contains(closed);
    assertThat(tmc.crimes().list(FORCE, 0, 1000)).contains(closed);
  }

  @Test
  void instantsKeepMicrosecondsAndAreUtc() {
    crime(FORCE);
    assertThat(tmc.crimes().find(FORCE, ref).orElseThrow().reportedAt()).isEqualTo(T0);
  }

  @Test
  void victimRoundTripsWithItsEnrolmentHistory() {
    crime(FORCE);
    Victim v = victim(FORCE, "V1");
    tmc.victims().save(v);
    assertThat(tmc.victims().find(FORCE, ref, "V1")).contains(v);

    Victim optedOut =
        v.withEnrolment(
            v.enrolment()
                .apply(
                    new EnrolmentTransition(
                        EnrolmentAction.OPT_OUT,
                        T0.plusSeconds(120),
                        Actor.victim("V1"),
                        null,
                        List.of())));
    tmc.victims().save(optedOut);
    tmc.victims().save(optedOut); // saving again appends nothing
    Victim loaded = tmc.victims().find(FORCE, ref, "V1").orElseThrow();
    assertThat(loaded).isEqualTo(optedOut);
    assertThat(loaded.enrolment().history()).hasSize(3);
  }

  @Test
  void victimWithoutOptionalDetailsRoundTrips() {
    crime(FORCE);
    Victim v =
        Victim.builder(FORCE, ref, "V2")
            .name("Sam", "Lee")
            .enrolment(Enrolment.atRecording(true, T0, Actor.system()))
            .build();
    tmc.victims().save(v);
    assertThat(tmc.victims().find(FORCE, ref, "V2")).contains(v);
    assertThat(tmc.victims().listForCrime(FORCE, ref)).containsExactly(v);
  }

  @Test
  void officerRoundTrips() {
    Officer o =
        new Officer(
            FORCE,
            "4321",
            "PC Sam Patel",
            "Police Constable",
            "Bristol North CID",
            "sam.patel@example.police.uk");
    tmc.officers().save(o);
    assertThat(tmc.officers().find(FORCE, "4321")).contains(o);
    Officer moved = new Officer(FORCE, "4321", "DC Sam Patel", null, null, null);
    tmc.officers().save(moved);
    assertThat(tmc.officers().find(FORCE, "4321")).contains(moved);
  }

  @Test
  void timelineEntriesRoundTripInTimeOrderAndAddingTwiceIsANoOp() {
    crime(FORCE);
    TimelineEntry later =
        new TimelineEntry(
            FORCE,
            ref,
            "evt-2",
            TimelineKind.SUSPECT_ARRESTED,
            new LocalizedText(
                "A suspect has been arrested.", "Mae rhywun a amheuir wedi cael ei arestio."),
            T0.plusSeconds(3600),
            T0.plusSeconds(3700));
    TimelineEntry earlier =
        new TimelineEntry(
            FORCE,
            ref,
            "evt-1",
            TimelineKind.OFFICER_UPDATE,
            LocalizedText.same("We have visited."),
            T0,
            T0.plusSeconds(10));
    assertThat(tmc.timeline().add(later)).isTrue();
    assertThat(tmc.timeline().add(earlier)).isTrue();
    assertThat(tmc.timeline().add(earlier)).isFalse();
    assertThat(tmc.timeline().list(FORCE, ref)).containsExactly(earlier, later);
  }

  @Test
  void propertyRoundTripsAndItsStatusChanges() {
    crime(FORCE);
    PropertyItem laptop =
        new PropertyItem(FORCE, ref, "P1", "Silver laptop", PropertyStatus.STOLEN, 85000L, T0);
    PropertyItem bike =
        new PropertyItem(FORCE, ref, "P2", "Bicycle", PropertyStatus.DAMAGED, null, T0);
    tmc.property().save(laptop);
    tmc.property().save(bike);
    PropertyItem recovered =
        new PropertyItem(
            FORCE,
            ref,
            "P1",
            "Silver laptop",
            PropertyStatus.RECOVERED,
            85000L,
            T0.plusSeconds(86400));
    tmc.property().save(recovered);
    assertThat(tmc.property().list(FORCE, ref)).containsExactly(recovered, bike);
  }

  @Test
  void messageRoundTripsAndItsStatusChanges() {
    crime(FORCE);
    tmc.victims().save(victim(FORCE, "V1"));
    VictimMessage m =
        new VictimMessage(
            FORCE,
            "m-" + ref.replace('/', '-'),
            ref,
            "V1",
            "I found a receipt for the laptop.\nSerial C02XK1.",
            MessageStatus.RECEIVED,
            null,
            T0,
            T0);
    tmc.messages().save(m);
    assertThat(tmc.messages().find(FORCE, m.messageId())).contains(m);

    VictimMessage forwarded = m.withStatus(MessageStatus.FORWARDED, "4321", T0.plusSeconds(600));
    tmc.messages().save(forwarded);
    assertThat(tmc.messages().find(FORCE, m.messageId())).contains(forwarded);
    assertThat(tmc.messages().listForCrime(FORCE, ref)).containsExactly(forwarded);
  }

  @Test
  void auditEventsRoundTripInOrder() {
    AuditEvent first =
        new AuditEvent(
            FORCE,
            T0,
            Actor.staff("hub-7"),
            AuditAction.CONSULTATION,
            "victim",
            "V1",
            ref,
            "viewed");
    AuditEvent second =
        new AuditEvent(
            FORCE,
            T0.plusSeconds(1),
            Actor.victim("V1"),
            AuditAction.ALTERATION,
            "victim",
            "V1",
            ref,
            "opt out");
    tmc.audit().record(first);
    tmc.audit().record(second);
    assertThat(tmc.audit().forCrime(FORCE, ref)).containsExactly(first, second);
    assertThat(tmc.audit().forSubject(FORCE, "victim", "V1")).contains(first, second);
  }

  @Test
  void anotherForceSeesNothing() {
    crime(FORCE);
    tmc.victims().save(victim(FORCE, "V1"));
    tmc.officers().save(new Officer(FORCE, "9999", "PC Only Here", null, null, null));
    tmc.timeline()
        .add(
            new TimelineEntry(
                FORCE,
                ref,
                "e1",
                TimelineKind.CRIME_RECORDED,
                LocalizedText.same("Recorded."),
                T0,
                T0));
    tmc.property()
        .save(new PropertyItem(FORCE, ref, "P1", "Laptop", PropertyStatus.STOLEN, null, T0));
    String messageId = "m-x-" + seq;
    tmc.messages()
        .save(
            new VictimMessage(
                FORCE, messageId, ref, "V1", "hello", MessageStatus.RECEIVED, null, T0, T0));
    tmc.audit()
        .record(
            new AuditEvent(
                FORCE, T0, Actor.system(), AuditAction.COLLECTION, "victim", "V1", ref, null));

    assertThat(tmc.crimes().find(OTHER, ref)).isEmpty();
    assertThat(tmc.crimes().list(OTHER, 0, 1000))
        .extracting(Crime::crimeReference)
        .doesNotContain(ref);
    assertThat(tmc.victims().find(OTHER, ref, "V1")).isEmpty();
    assertThat(tmc.victims().listForCrime(OTHER, ref)).isEmpty();
    assertThat(tmc.officers().find(OTHER, "9999")).isEmpty();
    assertThat(tmc.timeline().list(OTHER, ref)).isEmpty();
    assertThat(tmc.property().list(OTHER, ref)).isEmpty();
    assertThat(tmc.messages().find(OTHER, messageId)).isEmpty();
    assertThat(tmc.messages().listForCrime(OTHER, ref)).isEmpty();
    assertThat(tmc.audit().forCrime(OTHER, ref)).isEmpty();
    assertThat(tmc.audit().forSubject(OTHER, "victim", "V1")).isEmpty();
  }

  @Test
  void theSameReferenceInTwoForcesIsTwoCrimes() {
    Crime mine = crime(FORCE);
    Crime theirs = Crime.recorded(OTHER, ref, "Theft from the person", T0.plusSeconds(5));
    tmc.crimes().save(theirs);
    assertThat(tmc.crimes().find(FORCE, ref)).contains(mine);
    assertThat(tmc.crimes().find(OTHER, ref)).contains(theirs);
  }

  @Test
  void aCrimeOfAnUnknownForceIsRefusedByTheDatabase() {
    assertThatThrownBy(
            () -> tmc.crimes().save(Crime.recorded("no-such-force", ref, "Burglary", T0)))
        .isInstanceOf(PersistenceException.class)
        .hasMessageContaining("save crime");
  }

  @Test
  void aDatabaseFailureNeverQuotesTheValuesItWasWriting() {
    Victim orphan = victim(FORCE, "V1"); // its crime was never saved
    assertThatThrownBy(() -> tmc.victims().save(orphan))
        .isInstanceOf(PersistenceException.class)
        .satisfies(
            e -> {
              StringBuilder all = new StringBuilder();
              for (Throwable t = e; t != null; t = t.getCause()) {
                all.append(t.getMessage()).append('\n');
              }
              assertThat(all.toString())
                  .doesNotContain("alex.morgan@example.org")
                  .doesNotContain("+447700900123")
                  .doesNotContain("Morgan");
            });
  }

  @Test
  void workInOneTransactionRollsBackTogether() {
    assertThatThrownBy(
            () ->
                tmc.inTransaction(
                    () -> {
                      crime(FORCE);
                      tmc.victims().save(victim(FORCE, "V1"));
                      throw new IllegalStateException("boom");
                    }))
        .hasMessage("boom");
    assertThat(tmc.crimes().find(FORCE, ref)).isEmpty();
    assertThat(tmc.victims().find(FORCE, ref, "V1")).isEmpty();
  }
}
