package db.trackmycrime;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.trackmycrime.core.internal.jdbi.AuditChain;
import org.trackmycrime.core.internal.jdbi.Db;
import org.trackmycrime.core.model.AuditEvent;

/**
 * Core V10: the audit trail becomes a hash chain per force, and crimes record when their personal
 * data was erased. A Java migration because the entries written before it are chained here, with
 * the same SHA-256 the SDK uses from now on (see {@link AuditChain}). Portable: every statement
 * runs unchanged on H2 2.x and PostgreSQL. Not API.
 */
public class V10__audit_chain_and_retention extends BaseJavaMigration {
  private static final String[] BEFORE =
      new String[] {
        // why the data was processed (DPA 2018 s.62): a short slug such as victim-updates
        "ALTER TABLE tmc_audit_event ADD COLUMN purpose VARCHAR(64)",
        // the entry's place in its force's chain, from 1, and the hashes that chain it
        "ALTER TABLE tmc_audit_event ADD COLUMN chain_seq BIGINT",
        "ALTER TABLE tmc_audit_event ADD COLUMN prev_hash VARCHAR(64)",
        "ALTER TABLE tmc_audit_event ADD COLUMN row_hash VARCHAR(64)",
        // one row per force: the last sequence number and hash; appends lock it until commit
        "CREATE TABLE tmc_audit_head ("
            + " force_slug VARCHAR(64) NOT NULL PRIMARY KEY,"
            + " last_seq BIGINT NOT NULL,"
            + " last_hash VARCHAR(64) NOT NULL)",
        // when the retention run erased the crime's personal data; null while it is held
        "ALTER TABLE tmc_crime ADD COLUMN erased_at TIMESTAMP WITH TIME ZONE",
        "CREATE INDEX tmc_crime_retention ON tmc_crime (status, erased_at, force_slug, crime_ref)"
      };
  private static final String[] AFTER =
      new String[] {
        "ALTER TABLE tmc_audit_event ALTER COLUMN purpose SET NOT NULL",
        "ALTER TABLE tmc_audit_event ALTER COLUMN chain_seq SET NOT NULL",
        "ALTER TABLE tmc_audit_event ALTER COLUMN prev_hash SET NOT NULL",
        "ALTER TABLE tmc_audit_event ALTER COLUMN row_hash SET NOT NULL",
        "CREATE UNIQUE INDEX tmc_audit_event_chain ON tmc_audit_event (force_slug, chain_seq)"
      };

  @Override
  public void migrate(Context context) throws SQLException {
    Connection c = context.getConnection();
    try (Statement s = c.createStatement()) {
      for (String sql : BEFORE) {
        s.execute(sql);
      }
    }
    chainExistingEntries(c);
    try (Statement s = c.createStatement()) {
      for (String sql : AFTER) {
        s.execute(sql);
      }
    }
  }

  private static void chainExistingEntries(Connection c) throws SQLException {
    Map<String, Long> seqs = new HashMap<>();
    Map<String, String> hashes = new HashMap<>();
    try (PreparedStatement read =
            c.prepareStatement(
                "SELECT id, force_slug, occurred_at, actor, audit_action, subject_type,"
                    + " subject_ref, crime_ref, detail FROM tmc_audit_event ORDER BY id");
        PreparedStatement write =
            c.prepareStatement(
                "UPDATE tmc_audit_event SET purpose = ?, chain_seq = ?, prev_hash = ?,"
                    + " row_hash = ? WHERE id = ?");
        ResultSet rs = read.executeQuery()) {
      while (rs.next()) {
        String force = rs.getString("force_slug");
        long seq = seqs.merge(force, 1L, Long::sum);
        String previous = hashes.getOrDefault(force, AuditChain.GENESIS);
        AuditChain.Row row =
            new AuditChain.Row(
                seq,
                force,
                Db.instant(rs, "occurred_at"),
                rs.getString("actor"),
                rs.getString("audit_action"),
                rs.getString("subject_type"),
                rs.getString("subject_ref"),
                rs.getString("crime_ref"),
                rs.getString("detail"),
                AuditEvent.PURPOSE_VICTIM_UPDATES);
        String hash = AuditChain.hash(previous, row);
        hashes.put(force, hash);
        write.setString(1, AuditEvent.PURPOSE_VICTIM_UPDATES);
        write.setLong(2, seq);
        write.setString(3, previous);
        write.setString(4, hash);
        write.setLong(5, rs.getLong("id"));
        write.executeUpdate();
      }
    }
    try (PreparedStatement head =
        c.prepareStatement(
            "INSERT INTO tmc_audit_head (force_slug, last_seq, last_hash) VALUES (?, ?, ?)")) {
      for (Map.Entry<String, Long> e : seqs.entrySet()) {
        head.setString(1, e.getKey());
        head.setLong(2, e.getValue());
        head.setString(3, hashes.get(e.getKey()));
        head.executeUpdate();
      }
    }
  }
}
