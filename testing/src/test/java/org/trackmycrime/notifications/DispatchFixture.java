package org.trackmycrime.notifications;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.trackmycrime.core.TrackMyCrime;
import org.trackmycrime.core.internal.jdbi.Db;
import org.trackmycrime.core.model.Actor;
import org.trackmycrime.core.model.Crime;
import org.trackmycrime.core.model.Enrolment;
import org.trackmycrime.core.model.EnrolmentAction;
import org.trackmycrime.core.model.EnrolmentTransition;
import org.trackmycrime.core.model.Force;
import org.trackmycrime.core.model.ForceSettings;
import org.trackmycrime.core.model.Language;
import org.trackmycrime.core.model.Officer;
import org.trackmycrime.core.model.Victim;
import org.trackmycrime.core.outbox.OutboxMessage;
import org.trackmycrime.notifications.internal.DispatchStore;
import org.trackmycrime.notifications.internal.Params;
import org.trackmycrime.testing.MutableClock;
import org.trackmycrime.testing.TmcDatabase;
import org.trackmycrime.testing.notifications.RecordingChannel;

/** A force, victims who may be alerted, recording channels and a dispatcher, for one test. */
final class DispatchFixture {
  static final String FORCE = "demo-force";
  static final String PORTAL = "https://victims.example.org";
  static final String STAFF_PORTAL = "https://staff.example.org/tmc";
  static final String HUB = "hub@demo-police.example";
  static final String SUPERVISORS = "cid-north-supervisors@demo-police.example";
  static final Actor OFFICER = Actor.officer("4321");

  final TmcDatabase db;
  final TrackMyCrime tmc;
  final MutableClock clock;
  final RecordingChannel email = RecordingChannel.email();
  final RecordingChannel sms = RecordingChannel.sms();
  final List<DispatchEvent> events = java.util.Collections.synchronizedList(new ArrayList<>());
  final DispatchStore store;

  DispatchFixture(TmcDatabase db) {
    this.db = db;
    this.tmc = db.trackMyCrime();
    this.clock = db.clock();
    this.store = new DispatchStore(Db.of(tmc));
    tmc.forces().save(new Force(FORCE, "Demo Police", ForceSettings.defaults().withHubEmail(HUB)));
  }

  ForceMessaging messaging() {
    return ForceMessaging.builder(PORTAL)
        .staffPortalUrl(STAFF_PORTAL)
        .supervisorEmail("CID North", SUPERVISORS)
        .build();
  }

  DispatchConfig.Builder config() {
    return DispatchConfig.builder().defaultMessaging(messaging());
  }

  Dispatcher dispatcher(DispatchConfig config) {
    return Dispatcher.builder()
        .trackMyCrime(tmc)
        .channel(email)
        .channel(sms)
        .config(config)
        .listener(
            new DispatchListener() {
              @Override
              public void onSent(DispatchEvent.Sent e) {
                events.add(e);
              }

              @Override
              public void onDelivered(DispatchEvent.Delivered e) {
                events.add(e);
              }

              @Override
              public void onFailed(DispatchEvent.Failed e) {
                events.add(e);
              }

              @Override
              public void onDeadLettered(DispatchEvent.DeadLettered e) {
                events.add(e);
              }
            })
        .random(new Random(7))
        .build();
  }

  /** Records a crime with one victim who may be alerted (enrolled, found suitable). */
  Victim victim(String crimeRef, String victimRef, String email, String mobile) {
    return victim(crimeRef, victimRef, email, mobile, Language.EN);
  }

  Victim victim(String crimeRef, String victimRef, String email, String mobile, Language lang) {
    Instant now = clock.instant();
    Victim v =
        Victim.builder(FORCE, crimeRef, victimRef)
            .name("Alex", "Canary")
            .email(email)
            .mobile(mobile)
            .language(lang)
            .enrolment(suitable(now))
            .build();
    Crime crime =
        tmc.crimes()
            .find(FORCE, crimeRef)
            .orElse(Crime.recorded(FORCE, crimeRef, "Burglary", now).withOfficerRef("4321"));
    tmc.crimeService().record(crime, List.of(v), OFFICER);
    return v;
  }

  static Enrolment suitable(Instant at) {
    return Enrolment.atRecording(false, at, OFFICER)
        .apply(
            new EnrolmentTransition(EnrolmentAction.ASSESS_SUITABLE, at, OFFICER, null, List.of()));
  }

  void officer(String ref, String email, String unit) {
    tmc.officers().save(new Officer(FORCE, ref, "DC Canary", "DC", unit, email));
  }

  /** An update alert as ingest writes it. */
  long alert(String crimeRef, String victimRef, String entryKey) {
    return queue(
        OutboxMessage.VICTIM_UPDATE,
        String.join("|", OutboxMessage.VICTIM_UPDATE, FORCE, crimeRef, victimRef, entryKey),
        crimeRef,
        victimRef,
        entryKey,
        Map.of());
  }

  long queue(
      String kind,
      String key,
      String crimeRef,
      String victimRef,
      String entryKey,
      Map<String, String> params) {
    store.insert(
        FORCE, key, kind, crimeRef, victimRef, entryKey, Params.write(params), clock.instant());
    return id(key);
  }

  long id(String key) {
    return Db.of(tmc)
        .with(
            "test",
            h ->
                h.createQuery("SELECT id FROM tmc_outbox WHERE idempotency_key = :k")
                    .bind("k", key)
                    .mapTo(Long.class)
                    .one());
  }

  /** An outbox row with its dispatch columns. */
  record Row(
      long id,
      String kind,
      String status,
      int attempts,
      Instant nextAt,
      String error,
      Long coalescedInto,
      String params,
      String leaseOwner,
      String crimeRef,
      String victimRef) {}

  Row row(long id) {
    return rows().stream().filter(r -> r.id() == id).findFirst().orElseThrow();
  }

  List<Row> rows() {
    return Db.of(tmc)
        .with(
            "test",
            h ->
                h.createQuery(
                        "SELECT id, message_kind, status, dispatch_attempts, dispatch_next_at,"
                            + " dispatch_error, dispatch_coalesced_into, dispatch_params,"
                            + " dispatch_lease_owner, crime_ref, victim_ref FROM tmc_outbox"
                            + " WHERE force_slug = :f ORDER BY id")
                    .bind("f", FORCE)
                    .map(
                        (rs, ctx) ->
                            new Row(
                                rs.getLong(1),
                                rs.getString(2),
                                rs.getString(3),
                                rs.getInt(4),
                                Db.instant(rs, 5),
                                rs.getString(6),
                                rs.getObject(7, Long.class),
                                rs.getString(8),
                                rs.getString(9),
                                rs.getString(10),
                                rs.getString(11)))
                    .list());
  }

  List<Row> rowsOfKind(MessageKind kind) {
    return rows().stream().filter(r -> r.kind().equals(kind.name())).toList();
  }

  /** Past any coalescing window. */
  void afterWindow() {
    clock.advance(Duration.ofMinutes(10).plusSeconds(1));
  }

  <E extends DispatchEvent> List<E> events(Class<E> type) {
    synchronized (events) {
      return events.stream().filter(type::isInstance).map(type::cast).toList();
    }
  }
}
