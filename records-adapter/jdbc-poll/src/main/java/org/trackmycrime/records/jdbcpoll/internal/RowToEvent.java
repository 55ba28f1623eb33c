package org.trackmycrime.records.jdbcpoll.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Clob;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.trackmycrime.records.jdbcpoll.CursorType;
import org.trackmycrime.records.jdbcpoll.JdbcPollConfig;

/**
 * Turns one row of the change query into a record event v1 document, by the configured mapping. A
 * row that cannot make a valid event still becomes a document (a missing column is left out, an
 * unparseable {@code data} column is passed as a string), so that the ingest rejects it with a
 * reason and keeps it for an operator instead of it blocking the rows after it.
 */
public final class RowToEvent {
  /** The contract's schema name. */
  public static final String SCHEMA = "trackmycrime.record-event/1";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final JdbcPollConfig config;

  /**
   * One row as the connector needs it.
   *
   * @param cursor the row's cursor value as text
   * @param json the event document
   */
  public record Row(String cursor, String json) {
    /** Leaves the document out: it holds a victim's details. */
    @Override
    public String toString() {
      return "Row[" + cursor + "]";
    }
  }

  public RowToEvent(JdbcPollConfig config) {
    this.config = config;
  }

  /** Maps the row the result set is on. */
  public Row map(ResultSet rs) throws SQLException {
    Map<String, Integer> columns = columns(rs.getMetaData());
    String cursor =
        config.cursorType() == CursorType.LONG
            ? nullable(rs.getLong(config.cursorColumn()), rs.wasNull())
            : rs.getString(config.cursorColumn());
    ObjectNode event = JSON.createObjectNode();
    event.put("schema", SCHEMA);
    put(event, "eventId", value(rs, columns, config.eventIdColumn()));
    put(
        event,
        "source",
        config.source() != null ? config.source() : value(rs, columns, config.sourceColumn()));
    put(
        event,
        "force",
        config.force() != null ? config.force() : value(rs, columns, config.forceColumn()));
    put(event, "crimeReference", value(rs, columns, config.crimeReferenceColumn()));
    if (config.sequenceColumn() != null) {
      put(event, "sequence", value(rs, columns, config.sequenceColumn()));
    }
    put(event, "occurredAt", value(rs, columns, config.occurredAtColumn()));
    put(event, "type", value(rs, columns, config.typeColumn()));
    event.set("data", data(rs, columns));
    return new Row(cursor, event.toString());
  }

  private JsonNode data(ResultSet rs, Map<String, Integer> columns) throws SQLException {
    ObjectNode data = JSON.createObjectNode();
    if (config.dataColumn() != null) {
      Object raw = value(rs, columns, config.dataColumn());
      if (raw != null) {
        String text = raw.toString();
        try {
          JsonNode parsed = JSON.readTree(text);
          if (!(parsed instanceof ObjectNode object)) {
            return parsed == null ? JSON.getNodeFactory().textNode(text) : parsed;
          }
          data = object;
        } catch (JsonProcessingException e) {
          // not JSON: hand the text on, so the ingest rejects it naming data and keeps it
          return JSON.getNodeFactory().textNode(text);
        }
      }
    }
    for (Map.Entry<String, String> field : config.dataColumns().entrySet()) {
      String[] path = field.getKey().split("\\.");
      ObjectNode parent = data;
      for (int i = 0; i < path.length - 1; i++) {
        parent = parent.get(path[i]) instanceof ObjectNode o ? o : parent.putObject(path[i]);
      }
      put(parent, path[path.length - 1], value(rs, columns, field.getValue()));
    }
    return data;
  }

  // the column's value in the JSON type it should have: numbers, booleans, RFC 3339 times, text
  private Object value(ResultSet rs, Map<String, Integer> columns, String column)
      throws SQLException {
    Integer index = columns.get(column.toLowerCase(Locale.ROOT));
    if (index == null) {
      throw new SQLException("The change query has no column " + column);
    }
    ResultSetMetaData md = rs.getMetaData();
    int type = md.getColumnType(index);
    String typeName = String.valueOf(md.getColumnTypeName(index)).toLowerCase(Locale.ROOT);
    Object value;
    if (type == Types.TIMESTAMP_WITH_TIMEZONE
        || typeName.equals("timestamptz")
        || typeName.contains("with time zone")) {
      value = rs.getObject(index, OffsetDateTime.class);
    } else if (type == Types.TIMESTAMP) {
      LocalDateTime local = rs.getObject(index, LocalDateTime.class);
      value = local == null ? null : local.atZone(config.zone()).toOffsetDateTime();
    } else if (type == Types.DATE) {
      value = rs.getObject(index, LocalDate.class);
    } else {
      value = rs.getObject(index);
    }
    return rs.wasNull() ? null : value;
  }

  private static void put(ObjectNode node, String field, Object value) throws SQLException {
    if (value == null) {
      return;
    }
    if (value instanceof String s) {
      node.put(field, s);
    } else if (value instanceof Integer
        || value instanceof Long
        || value instanceof Short
        || value instanceof Byte) {
      node.put(field, ((Number) value).longValue());
    } else if (value instanceof BigDecimal d) {
      node.put(field, d);
    } else if (value instanceof BigInteger i) {
      node.put(field, i);
    } else if (value instanceof Double || value instanceof Float) {
      node.put(field, ((Number) value).doubleValue());
    } else if (value instanceof Boolean b) {
      node.put(field, b);
    } else if (value instanceof OffsetDateTime t) {
      node.put(field, t.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
    } else if (value instanceof ZonedDateTime t) {
      node.put(field, t.toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
    } else if (value instanceof Instant t) {
      node.put(field, t.atOffset(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
    } else if (value instanceof LocalDate d) {
      node.put(field, d.toString());
    } else if (value instanceof Clob c) {
      node.put(field, c.getSubString(1, (int) Math.min(Integer.MAX_VALUE, c.length())));
    } else {
      node.put(field, value.toString());
    }
  }

  private static Map<String, Integer> columns(ResultSetMetaData md) throws SQLException {
    Map<String, Integer> byLabel = new HashMap<>();
    for (int i = md.getColumnCount(); i >= 1; i--) {
      byLabel.put(md.getColumnLabel(i).toLowerCase(Locale.ROOT), i);
    }
    return byLabel;
  }

  private static String nullable(long value, boolean wasNull) {
    return wasNull ? null : Long.toString(value);
  }
}
