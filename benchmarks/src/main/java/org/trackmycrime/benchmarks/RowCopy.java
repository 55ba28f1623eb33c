package org.trackmycrime.benchmarks;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The ingest's baseline: the rows an SDK run left in each table, saved to a file (not timed), then
 * written into an empty schema with plain JDBC batch inserts (timed) — the least work that leaves
 * the same data behind.
 */
final class RowCopy {
  /** Parents before children, so foreign keys hold; tables not listed go last. */
  private static final List<String> ORDER =
      List.of(
          "tmc_force",
          "tmc_crime",
          "tmc_victim",
          "tmc_officer",
          "tmc_outbox",
          "tmc_enrolment_history",
          "tmc_timeline_entry",
          "tmc_property_item");

  private static final byte NULL = 0;
  private static final byte TEXT = 1;
  private static final byte INT = 2;
  private static final byte LONG = 3;
  private static final byte BOOL = 4;
  private static final byte TIMESTAMP = 5;
  private static final byte DATE = 6;

  private RowCopy() {}

  /** The SDK's tables in insertion order, lower-case. */
  static List<String> tables(DataSource ds) throws SQLException {
    List<String> found = new ArrayList<>();
    try (Connection c = ds.getConnection();
        ResultSet rs = c.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
      while (rs.next()) {
        String name = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
        String schema = rs.getString("TABLE_SCHEM");
        if (name.startsWith("tmc_")
            && !name.equals("tmc_schema_history")
            && (schema == null || schema.equalsIgnoreCase("public"))) {
          found.add(name);
        }
      }
    }
    List<String> ordered = new ArrayList<>();
    for (String t : ORDER) {
      if (found.remove(t)) {
        ordered.add(t);
      }
    }
    found.sort(null);
    ordered.addAll(found);
    return ordered;
  }

  static Map<String, Long> counts(DataSource ds) throws SQLException {
    Map<String, Long> counts = new LinkedHashMap<>();
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      for (String t : tables(ds)) {
        try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + t)) {
          rs.next();
          counts.put(t, rs.getLong(1));
        }
      }
    }
    return counts;
  }

  /** Saves every row of the SDK's tables to {@code file}. */
  static void dump(DataSource ds, Path file) throws SQLException {
    try (DataOutputStream out =
            new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
        Connection c = ds.getConnection()) {
      c.setAutoCommit(false); // PostgreSQL streams with a fetch size only inside a transaction
      for (String t : tables(ds)) {
        try (Statement s = c.createStatement()) {
          s.setFetchSize(1000);
          try (ResultSet rs = s.executeQuery("SELECT * FROM " + t)) {
            ResultSetMetaData md = rs.getMetaData();
            int n = md.getColumnCount();
            out.writeUTF(t);
            out.writeInt(n);
            for (int i = 1; i <= n; i++) {
              out.writeUTF(md.getColumnName(i).toLowerCase(Locale.ROOT));
              out.writeInt(md.getColumnType(i));
            }
            while (rs.next()) {
              out.writeBoolean(true);
              for (int i = 1; i <= n; i++) {
                writeValue(out, rs, i, md.getColumnType(i));
              }
            }
            out.writeBoolean(false);
          }
        }
      }
      c.commit();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Inserts the saved rows with JDBC batches of {@code batch}, one commit per batch. */
  static long load(DataSource ds, Path file, int batch) throws SQLException {
    long rows = 0;
    try (DataInputStream in =
            new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
        Connection c = ds.getConnection()) {
      c.setAutoCommit(false);
      while (true) {
        String table;
        try {
          table = in.readUTF();
        } catch (EOFException end) {
          break;
        }
        int n = in.readInt();
        List<String> columns = new ArrayList<>();
        int[] types = new int[n];
        for (int i = 0; i < n; i++) {
          columns.add(in.readUTF());
          types[i] = in.readInt();
        }
        String sql =
            "INSERT INTO "
                + table
                + " ("
                + String.join(", ", columns)
                + ") VALUES ("
                + String.join(", ", java.util.Collections.nCopies(n, "?"))
                + ")";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
          int pending = 0;
          while (in.readBoolean()) {
            for (int i = 0; i < n; i++) {
              readValue(in, ps, i + 1, types[i]);
            }
            ps.addBatch();
            rows++;
            if (++pending == batch) {
              ps.executeBatch();
              c.commit();
              pending = 0;
            }
          }
          if (pending > 0) {
            ps.executeBatch();
            c.commit();
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows;
  }

  private static void writeValue(DataOutputStream out, ResultSet rs, int i, int type)
      throws SQLException, IOException {
    switch (type) {
      case Types.INTEGER, Types.SMALLINT, Types.TINYINT -> {
        int v = rs.getInt(i);
        if (rs.wasNull()) {
          out.writeByte(NULL);
        } else {
          out.writeByte(INT);
          out.writeInt(v);
        }
      }
      case Types.BIGINT -> {
        long v = rs.getLong(i);
        if (rs.wasNull()) {
          out.writeByte(NULL);
        } else {
          out.writeByte(LONG);
          out.writeLong(v);
        }
      }
      case Types.BOOLEAN, Types.BIT -> {
        boolean v = rs.getBoolean(i);
        if (rs.wasNull()) {
          out.writeByte(NULL);
        } else {
          out.writeByte(BOOL);
          out.writeBoolean(v);
        }
      }
      case Types.TIMESTAMP_WITH_TIMEZONE, Types.TIMESTAMP -> {
        OffsetDateTime v = rs.getObject(i, OffsetDateTime.class);
        if (v == null) {
          out.writeByte(NULL);
        } else {
          out.writeByte(TIMESTAMP);
          out.writeLong(v.toEpochSecond());
          out.writeInt(v.getNano());
        }
      }
      case Types.DATE -> {
        LocalDate v = rs.getObject(i, LocalDate.class);
        if (v == null) {
          out.writeByte(NULL);
        } else {
          out.writeByte(DATE);
          out.writeLong(v.toEpochDay());
        }
      }
      default -> {
        String v = rs.getString(i);
        if (v == null) {
          out.writeByte(NULL);
        } else {
          byte[] bytes = v.getBytes(StandardCharsets.UTF_8);
          out.writeByte(TEXT);
          out.writeInt(bytes.length);
          out.write(bytes);
        }
      }
    }
  }

  private static void readValue(DataInputStream in, PreparedStatement ps, int i, int type)
      throws SQLException, IOException {
    byte tag = in.readByte();
    switch (tag) {
      case NULL -> ps.setNull(i, type);
      case INT -> ps.setInt(i, in.readInt());
      case LONG -> ps.setLong(i, in.readLong());
      case BOOL -> ps.setBoolean(i, in.readBoolean());
      case TIMESTAMP -> {
        long seconds = in.readLong();
        int nanos = in.readInt();
        ps.setObject(
            i,
            OffsetDateTime.ofInstant(
                java.time.Instant.ofEpochSecond(seconds, nanos), ZoneOffset.UTC),
            Types.TIMESTAMP_WITH_TIMEZONE);
      }
      case DATE -> ps.setObject(i, LocalDate.ofEpochDay(in.readLong()));
      case TEXT -> {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        ps.setString(i, new String(bytes, StandardCharsets.UTF_8));
      }
      default -> throw new IllegalStateException("bad row file tag " + tag);
    }
  }
}
