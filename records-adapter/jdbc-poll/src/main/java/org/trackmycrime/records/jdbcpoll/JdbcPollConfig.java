package org.trackmycrime.records.jdbcpoll;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.trackmycrime.core.internal.Checks;
import org.trackmycrime.records.internal.Configs;

/**
 * What the JDBC poll connector reads and how each row becomes a record event. Immutable; every way
 * of making one reports all broken rules at once.
 *
 * <p>The query selects the changes after the cursor, in cursor order, and must contain {@code
 * :cursor} (and may contain {@code :limit}, bound to the batch size; the connector also caps the
 * rows it reads at the batch size):
 *
 * <pre>{@code
 * SELECT change_id, event_id, crime_ref, changed_at, change_type, payload
 *   FROM niche_changes WHERE change_id > :cursor ORDER BY change_id
 * }</pre>
 *
 * @param name the connector's name in logs, health and counters, and the key of its saved cursor
 *     (default {@code jdbc-poll})
 * @param query the change query (required)
 * @param cursorColumn the column holding each row's cursor: unique, and increasing in the order
 *     changes become visible (required)
 * @param cursorType how the cursor is compared (default {@link CursorType#LONG})
 * @param initialCursor the cursor before the first commit (default {@code 0} for LONG, the empty
 *     text for TEXT): rows after it are read
 * @param batchSize rows per batch, that is per ingest transaction (1 to 10,000; default 500)
 * @param eventIdColumn the column giving {@code eventId} (required)
 * @param source the {@code source} of every event, when it is the same for all rows
 * @param sourceColumn the column giving {@code source}, when it is not (exactly one of the two)
 * @param force the {@code force} of every event, when the records system serves one force
 * @param forceColumn the column giving {@code force}, when it serves several (exactly one of the
 *     two)
 * @param crimeReferenceColumn the column giving {@code crimeReference} (required)
 * @param occurredAtColumn the column giving {@code occurredAt}: a timestamp (with or without time
 *     zone) or RFC 3339 text (required)
 * @param typeColumn the column giving {@code type} (required)
 * @param sequenceColumn the column giving {@code sequence}, if the records system has one
 * @param dataColumn a column holding the {@code data} object as JSON text
 * @param dataColumns {@code data} fields built from columns: a path in {@code data} (dots for
 *     nested objects, such as {@code officer.ref}) to a column; set over what {@code dataColumn}
 *     gives
 * @param zone the time zone of timestamp columns without one (default UTC)
 */
public record JdbcPollConfig(
    String name,
    String query,
    String cursorColumn,
    CursorType cursorType,
    String initialCursor,
    int batchSize,
    String eventIdColumn,
    String source,
    String sourceColumn,
    String force,
    String forceColumn,
    String crimeReferenceColumn,
    String occurredAtColumn,
    String typeColumn,
    String sequenceColumn,
    String dataColumn,
    Map<String, String> dataColumns,
    ZoneId zone) {

  private static final Pattern SOURCE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
  private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
  private static final Pattern PATH =
      Pattern.compile("[A-Za-z][A-Za-z0-9]*(\\.[A-Za-z][A-Za-z0-9]*)*");
  private static final Pattern CURSOR_PARAMETER = Pattern.compile(":cursor\\b");

  public JdbcPollConfig {
    dataColumns = dataColumns == null ? Map.of() : Map.copyOf(dataColumns);
    Checks checks =
        Configs.connectorName(new Checks(), "name", name)
            .require(
                query != null && CURSOR_PARAMETER.matcher(query).find(),
                "query",
                "is required and must contain :cursor")
            .require(notBlank(cursorColumn), "cursorColumn", "is required")
            .notNull("cursorType", cursorType)
            .require(batchSize >= 1 && batchSize <= 10_000, "batchSize", "must be 1 to 10000")
            .require(notBlank(eventIdColumn), "eventIdColumn", "is required")
            .require(
                notBlank(source) != notBlank(sourceColumn),
                "source",
                "give exactly one of source and sourceColumn")
            .require(
                source == null || SOURCE.matcher(source).matches(),
                "source",
                "must be 1-64 characters of A-Z a-z 0-9 . _ : -")
            .require(
                notBlank(force) != notBlank(forceColumn),
                "force",
                "give exactly one of force and forceColumn")
            .require(
                force == null || (force.length() <= 64 && SLUG.matcher(force).matches()),
                "force",
                "must be a lower-case slug such as avon-and-somerset")
            .require(notBlank(crimeReferenceColumn), "crimeReferenceColumn", "is required")
            .require(notBlank(occurredAtColumn), "occurredAtColumn", "is required")
            .require(notBlank(typeColumn), "typeColumn", "is required")
            .require(
                dataColumns.entrySet().stream()
                    .allMatch(e -> PATH.matcher(e.getKey()).matches() && notBlank(e.getValue())),
                "dataColumns",
                "each entry maps a path such as officer.ref to a column")
            .notNull("zone", zone);
    if (cursorType == CursorType.LONG) {
      checks.require(
          initialCursor != null && initialCursor.matches("-?[0-9]{1,18}"),
          "initialCursor",
          "must be a whole number when cursorType is LONG");
    } else {
      checks.notNull("initialCursor", initialCursor);
    }
    Configs.throwIfAny("JdbcPollConfig", checks);
  }

  private static boolean notBlank(String value) {
    return value != null && !value.isBlank();
  }

  /** A builder for a query, with every other setting at its default or unset. */
  public static Builder builder(String query) {
    return new Builder().query(query);
  }

  /**
   * Reads the settings from key/value pairs whose keys are the component names above, with {@code
   * data.<path>} for each entry of {@code dataColumns} (for example {@code
   * data.officer.ref=officer_ref}).
   *
   * @throws org.trackmycrime.core.ConfigurationException naming every unknown key, unparseable
   *     value and broken rule
   */
  public static JdbcPollConfig fromProperties(Map<String, String> properties) {
    Configs in = Configs.read("JdbcPollConfig", properties);
    Builder b = new Builder();
    in.text("name").ifPresent(b::name);
    in.text("query").ifPresent(b::query);
    in.text("cursorColumn").ifPresent(b::cursorColumn);
    in.enumValue("cursorType", CursorType.class).ifPresent(b::cursorType);
    in.text("initialCursor").ifPresent(b::initialCursor);
    in.integer("batchSize").ifPresent(b::batchSize);
    in.text("eventIdColumn").ifPresent(b::eventIdColumn);
    in.text("source").ifPresent(b::source);
    in.text("sourceColumn").ifPresent(b::sourceColumn);
    in.text("force").ifPresent(b::force);
    in.text("forceColumn").ifPresent(b::forceColumn);
    in.text("crimeReferenceColumn").ifPresent(b::crimeReferenceColumn);
    in.text("occurredAtColumn").ifPresent(b::occurredAtColumn);
    in.text("typeColumn").ifPresent(b::typeColumn);
    in.text("sequenceColumn").ifPresent(b::sequenceColumn);
    in.text("dataColumn").ifPresent(b::dataColumn);
    in.withPrefix("data.").forEach(b::dataField);
    in.parse("zone", ZoneId::of, "must be a time zone such as UTC or Europe/London")
        .ifPresent(b::zone);
    return in.build(b::build);
  }

  /** Builds a {@link JdbcPollConfig}; {@link #build()} reports every broken rule at once. */
  public static final class Builder {
    private String name = "jdbc-poll";
    private String query;
    private String cursorColumn;
    private CursorType cursorType = CursorType.LONG;
    private String initialCursor;
    private int batchSize = 500;
    private String eventIdColumn;
    private String source;
    private String sourceColumn;
    private String force;
    private String forceColumn;
    private String crimeReferenceColumn;
    private String occurredAtColumn;
    private String typeColumn;
    private String sequenceColumn;
    private String dataColumn;
    private final Map<String, String> dataColumns = new LinkedHashMap<>();
    private ZoneId zone = ZoneOffset.UTC;

    private Builder() {}

    public Builder name(String value) {
      this.name = value;
      return this;
    }

    public Builder query(String value) {
      this.query = value;
      return this;
    }

    /** The cursor column and how it compares. */
    public Builder cursor(String column, CursorType type) {
      return cursorColumn(column).cursorType(type);
    }

    public Builder cursorColumn(String value) {
      this.cursorColumn = value;
      return this;
    }

    public Builder cursorType(CursorType value) {
      this.cursorType = value;
      return this;
    }

    /** Default: {@code 0} for LONG, the empty text for TEXT. */
    public Builder initialCursor(String value) {
      this.initialCursor = value;
      return this;
    }

    public Builder batchSize(int value) {
      this.batchSize = value;
      return this;
    }

    public Builder eventIdColumn(String value) {
      this.eventIdColumn = value;
      return this;
    }

    public Builder source(String value) {
      this.source = value;
      return this;
    }

    public Builder sourceColumn(String value) {
      this.sourceColumn = value;
      return this;
    }

    public Builder force(String value) {
      this.force = value;
      return this;
    }

    public Builder forceColumn(String value) {
      this.forceColumn = value;
      return this;
    }

    public Builder crimeReferenceColumn(String value) {
      this.crimeReferenceColumn = value;
      return this;
    }

    public Builder occurredAtColumn(String value) {
      this.occurredAtColumn = value;
      return this;
    }

    public Builder typeColumn(String value) {
      this.typeColumn = value;
      return this;
    }

    public Builder sequenceColumn(String value) {
      this.sequenceColumn = value;
      return this;
    }

    public Builder dataColumn(String value) {
      this.dataColumn = value;
      return this;
    }

    /** Sets {@code data.<path>} from {@code column}; dots in the path make nested objects. */
    public Builder dataField(String path, String column) {
      this.dataColumns.put(path, column);
      return this;
    }

    public Builder zone(ZoneId value) {
      this.zone = value;
      return this;
    }

    /**
     * @throws org.trackmycrime.core.ConfigurationException naming every broken rule
     */
    public JdbcPollConfig build() {
      String initial =
          initialCursor != null ? initialCursor : cursorType == CursorType.TEXT ? "" : "0";
      return new JdbcPollConfig(
          name,
          query,
          cursorColumn,
          cursorType,
          initial,
          batchSize,
          eventIdColumn,
          source,
          sourceColumn,
          force,
          forceColumn,
          crimeReferenceColumn,
          occurredAtColumn,
          typeColumn,
          sequenceColumn,
          dataColumn,
          dataColumns,
          zone);
    }
  }
}
