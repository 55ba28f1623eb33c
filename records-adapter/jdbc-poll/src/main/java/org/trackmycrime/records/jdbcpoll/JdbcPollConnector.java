package org.trackmycrime.records.jdbcpoll;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.Query;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trackmycrime.core.ingest.IngestOutcome;
import org.trackmycrime.core.ingest.RawEvent;
import org.trackmycrime.records.Batch;
import org.trackmycrime.records.ConnectorException;
import org.trackmycrime.records.PullConnector;
import org.trackmycrime.records.jdbcpoll.internal.RowToEvent;
import org.trackmycrime.records.jdbcpoll.internal.RowToEvent.Row;

/**
 * Reads a records system's change table or view with a cursor, turns each row into a record event
 * v1 document by configured column mapping, and saves the cursor only after the ingest has
 * committed the rows up to it.
 *
 * <pre>{@code
 * JdbcPollConnector niche = JdbcPollConnector.create(
 *     nicheReplicaDataSource,                       // the records system, read-only is enough
 *     CursorStore.table(sdkDataSource),             // the cursor, in the SDK's database
 *     JdbcPollConfig.builder(
 *             "SELECT * FROM tmc_changes WHERE change_id > :cursor ORDER BY change_id")
 *         .name("niche-changes")
 *         .cursor("change_id", CursorType.LONG)
 *         .eventIdColumn("event_id").source("niche-prod").force("avon-and-somerset")
 *         .crimeReferenceColumn("crime_ref").occurredAtColumn("changed_at")
 *         .typeColumn("change_type").dataColumn("payload")
 *         .build());
 * }</pre>
 *
 * <p>Each poll runs the query with {@code :cursor} bound to the saved cursor and reads at most one
 * batch of rows; the cursor of the batch's last row is the checkpoint. The cursor column must be
 * unique and must grow in the order rows become visible: a row committed later with a smaller value
 * than one already read would be skipped (see the README for sequences and lagging views).
 */
public final class JdbcPollConnector implements PullConnector<String> {
  private static final Logger LOG = LoggerFactory.getLogger(JdbcPollConnector.class);
  private static final Pattern LIMIT_PARAMETER = Pattern.compile(":limit\\b");

  private final Jdbi records;
  private final CursorStore cursors;
  private final JdbcPollConfig config;
  private final RowToEvent mapper;
  private final boolean bindsLimit;
  private String committed;

  private JdbcPollConnector(DataSource records, CursorStore cursors, JdbcPollConfig config) {
    this.records = Jdbi.create(records);
    this.bindsLimit = LIMIT_PARAMETER.matcher(config.query()).find();
    this.cursors = cursors;
    this.config = config;
    this.mapper = new RowToEvent(config);
  }

  /**
   * @param records the records system's database (a read replica is enough)
   * @param cursors where the cursor is saved, usually {@link CursorStore#table} on the SDK's
   *     database
   */
  public static JdbcPollConnector create(
      DataSource records, CursorStore cursors, JdbcPollConfig config) {
    return new JdbcPollConnector(records, cursors, config);
  }

  public JdbcPollConfig config() {
    return config;
  }

  @Override
  public String name() {
    return config.name();
  }

  /** The cursor of the last committed row (the initial cursor before the first commit). */
  public String cursor() {
    if (committed == null) {
      committed = cursors.load(config.name()).orElse(config.initialCursor());
    }
    return committed;
  }

  @Override
  public Optional<Batch<String>> poll() {
    String from = cursor();
    List<Row> rows;
    try {
      rows =
          records.withHandle(
              h ->
                  bindLimit(h.createQuery(config.query()).bind("cursor", bindable(from)))
                      .setMaxRows(config.batchSize())
                      .setFetchSize(config.batchSize())
                      .map((rs, ctx) -> mapper.map(rs))
                      .list());
    } catch (JdbiException e) {
      // Jdbi's message can quote the SQL and values: it stays in the cause only
      throw new ConnectorException(name(), "The change query failed", Map.of("cursor", from), e);
    }
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    List<RawEvent> events = new ArrayList<>(rows.size());
    for (Row row : rows) {
      if (row.cursor() == null) {
        throw new ConnectorException(
            name(),
            "A row of the change query has no value in the cursor column " + config.cursorColumn(),
            Map.of("cursor", from),
            null);
      }
      events.add(new RawEvent(row.json(), name() + ":" + row.cursor()));
    }
    return Optional.of(new Batch<>(events, rows.get(rows.size() - 1).cursor()));
  }

  @Override
  public void acknowledge(String checkpoint, List<IngestOutcome> outcomes) {
    cursors.save(name(), checkpoint);
    committed = checkpoint;
    LOG.debug("JDBC poll {}: cursor saved at {}", name(), checkpoint);
  }

  // :limit is optional in the query, and Jdbi refuses a binding the query does not use
  private Query bindLimit(Query query) {
    return bindsLimit ? query.bind("limit", config.batchSize()) : query;
  }

  private Object bindable(String cursor) {
    return config.cursorType() == CursorType.LONG ? (Object) Long.valueOf(cursor) : cursor;
  }
}
