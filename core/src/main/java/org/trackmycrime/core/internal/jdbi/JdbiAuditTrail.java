package org.trackmycrime.core.internal.jdbi;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.trackmycrime.core.model.Actor;
import org.trackmycrime.core.model.AuditAction;
import org.trackmycrime.core.model.AuditEvent;
import org.trackmycrime.core.store.AuditTrail;

public final class JdbiAuditTrail implements AuditTrail {
  private static final String COLUMNS =
      "force_slug, occurred_at, actor, audit_action, subject_type, subject_ref, crime_ref, detail";
  private static final String INSERT =
      "INSERT INTO tmc_audit_event ("
          + COLUMNS
          + ") VALUES (:force, :at, :actor, :action, :subjectType, :subjectRef, :ref, :detail)";
  private static final String BY_CRIME =
      "SELECT "
          + COLUMNS
          + " FROM tmc_audit_event WHERE force_slug = :force AND crime_ref = :ref"
          + " ORDER BY occurred_at, id";
  private static final String BY_SUBJECT =
      "SELECT "
          + COLUMNS
          + " FROM tmc_audit_event WHERE force_slug = :force AND subject_type = :subjectType"
          + " AND subject_ref = :subjectRef ORDER BY occurred_at, id";

  private final Db db;

  public JdbiAuditTrail(Db db) {
    this.db = db;
  }

  @Override
  public void record(AuditEvent e) {
    db.with(
        "record audit event",
        h ->
            h.createUpdate(INSERT)
                .bind("force", e.force())
                .bind("at", e.at())
                .bind("actor", e.actor().toString())
                .bind("action", e.action().name())
                .bind("subjectType", e.subjectType())
                .bind("subjectRef", e.subjectRef())
                .bind("ref", e.crimeReference())
                .bind("detail", e.detail())
                .execute());
  }

  @Override
  public List<AuditEvent> forCrime(String force, String crimeReference) {
    return db.with(
        "read audit trail",
        h ->
            h.createQuery(BY_CRIME)
                .bind("force", force)
                .bind("ref", crimeReference)
                .map((rs, ctx) -> map(rs))
                .list());
  }

  @Override
  public List<AuditEvent> forSubject(String force, String subjectType, String subjectRef) {
    return db.with(
        "read audit trail",
        h ->
            h.createQuery(BY_SUBJECT)
                .bind("force", force)
                .bind("subjectType", subjectType)
                .bind("subjectRef", subjectRef)
                .map((rs, ctx) -> map(rs))
                .list());
  }

  private static AuditEvent map(ResultSet rs) throws SQLException {
    return new AuditEvent(
        rs.getString("force_slug"),
        Db.instant(rs, "occurred_at"),
        Actor.parse(rs.getString("actor")),
        AuditAction.valueOf(rs.getString("audit_action")),
        rs.getString("subject_type"),
        rs.getString("subject_ref"),
        rs.getString("crime_ref"),
        rs.getString("detail"));
  }
}
