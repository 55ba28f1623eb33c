package org.trackmycrime.core.internal.privacy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.trackmycrime.core.NotFoundException;
import org.trackmycrime.core.TrackMyCrime;
import org.trackmycrime.core.internal.jdbi.Db;
import org.trackmycrime.core.model.Actor;
import org.trackmycrime.core.model.AuditAction;
import org.trackmycrime.core.model.AuditEvent;
import org.trackmycrime.core.model.Crime;
import org.trackmycrime.core.model.EnrolmentTransition;
import org.trackmycrime.core.model.PropertyItem;
import org.trackmycrime.core.model.TimelineEntry;
import org.trackmycrime.core.model.Victim;
import org.trackmycrime.core.model.VictimMessage;
import org.trackmycrime.core.privacy.ErasureParticipant;
import org.trackmycrime.core.privacy.SubjectAccess;

/**
 * Builds the subject access export in one transaction, so it is a consistent snapshot, and audits
 * it in the same one. Instants are ISO-8601 UTC strings; absent values are JSON null.
 */
public final class SubjectAccessExport implements SubjectAccess {
  /** The layout version written in every export's {@code format} field. */
  public static final String FORMAT = "trackmycrime-subject-access/1";

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final TrackMyCrime tmc;
  private final Db db;
  private final Clock clock;
  private final List<ErasureParticipant> participants;

  public SubjectAccessExport(
      TrackMyCrime tmc, Db db, Clock clock, List<ErasureParticipant> participants) {
    this.tmc = tmc;
    this.db = db;
    this.clock = clock;
    this.participants = List.copyOf(participants);
  }

  @Override
  public String export(String force, String crimeReference, String victimRef, Actor requestedBy) {
    Objects.requireNonNull(requestedBy, "requestedBy");
    Instant now = clock.instant();
    ObjectNode root =
        tmc.inTransaction(
            () -> {
              Victim victim =
                  tmc.victims()
                      .find(force, crimeReference, victimRef)
                      .orElseThrow(
                          () ->
                              new NotFoundException(
                                  "No such victim",
                                  Map.of(
                                      "force", force,
                                      "crimeReference", crimeReference,
                                      "victimRef", victimRef)));
              ObjectNode r = build(victim, now);
              tmc.audit()
                  .record(
                      new AuditEvent(
                          force,
                          now,
                          requestedBy,
                          AuditAction.DISCLOSURE,
                          "victim",
                          victimRef,
                          crimeReference,
                          "subject access export",
                          AuditEvent.PURPOSE_SUBJECT_ACCESS));
              return r;
            });
    try {
      return JSON.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of plain values always serialises", e);
    }
  }

  private ObjectNode build(Victim v, Instant now) {
    String force = v.force();
    String ref = v.crimeReference();
    ObjectNode root = JSON.createObjectNode();
    root.put("format", FORMAT);
    root.put("generatedAt", text(now));
    root.put("force", force);
    root.put("crimeReference", ref);
    root.put("victimRef", v.victimRef());

    ObjectNode victim = root.putObject("victim");
    victim.put("givenName", v.givenName());
    victim.put("familyName", v.familyName());
    victim.put("email", v.email());
    victim.put("mobile", v.mobile());
    victim.put("language", v.language().name());
    victim.put("enhanced", v.enhanced());
    ArrayNode reasons = victim.putArray("enhancedReasons");
    v.enhancedReasons().stream().map(Enum::name).sorted().forEach(reasons::add);
    victim.put("updateFrequencyDays", v.updateFrequencyDays());
    ArrayNode unreachable = victim.putArray("unreachableChannels");
    v.unreachableChannels().stream().map(Enum::name).sorted().forEach(unreachable::add);
    victim.put("consent", v.enrolment().consent().name());
    victim.put("risk", v.enrolment().risk().name());

    ArrayNode history = root.putArray("enrolmentHistory");
    for (EnrolmentTransition t : v.enrolment().history()) {
      ObjectNode n = history.addObject();
      n.put("action", t.action().name());
      n.put("at", text(t.at()));
      n.put("actor", t.actor().toString());
      n.put("reason", t.reason());
      ArrayNode codes = n.putArray("reasonCodes");
      t.reasonCodes().forEach(codes::add);
    }

    ObjectNode crime = root.putObject("crime");
    Crime c = tmc.crimes().find(force, ref).orElse(null);
    if (c != null) {
      // the records system's raw description is not shown to victims and may name others
      crime.put("offenceCategory", c.offenceCategory());
      crime.put("reportedAt", text(c.reportedAt()));
      crime.put("status", c.status().name());
      crime.put("outcome", c.outcome());
    }

    ArrayNode timeline = root.putArray("timeline");
    for (TimelineEntry e : tmc.timeline().list(force, ref)) {
      ObjectNode n = timeline.addObject();
      n.put("kind", e.kind().name());
      n.put("occurredAt", text(e.occurredAt()));
      n.put("publishedAt", text(e.publishedAt()));
      n.put("textEn", e.text().en());
      n.put("textCy", e.text().cy());
    }

    ArrayNode property = root.putArray("property");
    for (PropertyItem p : tmc.property().list(force, ref)) {
      ObjectNode n = property.addObject();
      n.put("itemRef", p.itemRef());
      n.put("description", p.description());
      n.put("status", p.status().name());
      n.put("estimatedValuePence", p.estimatedValuePence());
      n.put("updatedAt", text(p.updatedAt()));
    }

    ArrayNode messages = root.putArray("messages");
    for (VictimMessage m : tmc.messages().listForCrime(force, ref)) {
      if (m.victimRef().equals(v.victimRef())) {
        ObjectNode n = messages.addObject();
        n.put("messageId", m.messageId());
        n.put("sentAt", text(m.sentAt()));
        n.put("body", m.body());
        n.put("status", m.status().name());
        n.put("updatedAt", text(m.updatedAt()));
        n.put("topic", m.topic().name());
        n.put("urgent", m.urgent());
        messageDetails(n, force, m.messageId());
      }
    }

    alerts(root.putArray("alerts"), force, ref, v.victimRef());

    ArrayNode audit = root.putArray("audit");
    for (AuditEvent a : tmc.audit().forSubject(force, "victim", v.victimRef())) {
      if (ref.equals(a.crimeReference())) {
        ObjectNode n = audit.addObject();
        n.put("at", text(a.at()));
        n.put("actor", a.actor().toString());
        n.put("action", a.action().name());
        n.put("detail", a.detail());
        n.put("purpose", a.purpose());
      }
    }

    ObjectNode others = root.putObject("otherRecords");
    for (ErasureParticipant p : participants) {
      others.set(p.name(), JSON.valueToTree(p.export(tmc, force, ref, v.victimRef())));
    }
    return root;
  }

  /** The property details a victim added to a message, and the replies they were sent. */
  private void messageDetails(ObjectNode n, String force, String messageId) {
    db.with(
        "read a message's details",
        h -> {
          h.createQuery(
                  "SELECT property_item_ref, property_serial, property_description,"
                      + " property_value_pence FROM tmc_victim_message WHERE force_slug = :f"
                      + " AND message_id = :m")
              .bind("f", force)
              .bind("m", messageId)
              .map(
                  (rs, ctx) -> {
                    if (rs.getString("property_item_ref") != null) {
                      ObjectNode p = n.putObject("property");
                      p.put("itemRef", rs.getString("property_item_ref"));
                      p.put("serial", rs.getString("property_serial"));
                      p.put("description", rs.getString("property_description"));
                      long pence = rs.getLong("property_value_pence");
                      p.put("valuePence", rs.wasNull() ? null : pence);
                    }
                    return messageId;
                  })
              .list();
          ArrayNode replies = n.putArray("replies");
          // who replied stays staff-side, as in the victim's own view
          h.createQuery(
                  "SELECT body, replied_at FROM tmc_message_reply WHERE force_slug = :f"
                      + " AND message_id = :m ORDER BY seq")
              .bind("f", force)
              .bind("m", messageId)
              .map(
                  (rs, ctx) -> {
                    ObjectNode r = replies.addObject();
                    r.put("body", rs.getString("body"));
                    r.put("at", text(Db.instant(rs, "replied_at")));
                    return r;
                  })
              .list();
          return null;
        });
  }

  /** Alerts to the victim with each channel's outcome: kind, times and statuses, never bodies. */
  private void alerts(ArrayNode alerts, String force, String ref, String victimRef) {
    db.with(
        "read a victim's alerts",
        h -> {
          h.createQuery(
                  "SELECT o.id, o.message_kind, o.status, o.created_at, o.updated_at,"
                      + " d.delivery_channel, d.outcome, d.recorded_at, r.receipt_status,"
                      + " r.received_at FROM tmc_outbox o"
                      + " LEFT JOIN tmc_dispatch_delivery d ON d.outbox_id = o.id"
                      + " LEFT JOIN tmc_dispatch_receipt r ON r.channel_name = d.channel_name"
                      + " AND r.provider_id = d.provider_id"
                      + " WHERE o.force_slug = :f AND o.crime_ref = :c AND o.victim_ref = :v"
                      + " AND o.officer_ref IS NULL ORDER BY o.id, d.delivery_channel")
              .bind("f", force)
              .bind("c", ref)
              .bind("v", victimRef)
              .map(
                  (rs, ctx) -> {
                    long id = rs.getLong("id");
                    ObjectNode alert;
                    if (alerts.size() > 0
                        && alerts.get(alerts.size() - 1).get("id").asLong() == id) {
                      alert = (ObjectNode) alerts.get(alerts.size() - 1);
                    } else {
                      alert = alerts.addObject();
                      alert.put("id", id);
                      alert.put("kind", rs.getString("message_kind"));
                      alert.put("status", rs.getString("status"));
                      alert.put("createdAt", text(Db.instant(rs, "created_at")));
                      alert.put("updatedAt", text(Db.instant(rs, "updated_at")));
                      alert.putArray("deliveries");
                    }
                    String channel = rs.getString("delivery_channel");
                    if (channel != null) {
                      ObjectNode d = ((ArrayNode) alert.get("deliveries")).addObject();
                      d.put("channel", channel);
                      d.put("outcome", rs.getString("outcome"));
                      d.put("at", text(Db.instant(rs, "recorded_at")));
                      d.put("receipt", rs.getString("receipt_status"));
                      d.put("receiptAt", text(Db.instant(rs, "received_at")));
                    }
                    return id;
                  })
              .list();
          return null;
        });
  }

  private static String text(Instant value) {
    return value == null ? null : value.toString();
  }
}
