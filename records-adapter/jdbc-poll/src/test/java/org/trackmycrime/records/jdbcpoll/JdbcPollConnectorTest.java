package org.trackmycrime.records.jdbcpoll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.trackmycrime.core.ConfigurationException;
import org.trackmycrime.core.ValidationException.Problem;
import org.trackmycrime.core.ingest.IngestOutcome;
import org.trackmycrime.core.ingest.IngestStatus;
import org.trackmycrime.core.ingest.RawEvent;
import org.trackmycrime.core.model.Force;
import org.trackmycrime.core.model.ForceSettings;
import org.trackmycrime.records.Batch;
import org.trackmycrime.records.ConnectorException;
import org.trackmycrime.testing.TmcDatabase;
import org.trackmycrime.testing.records.KitEvent;

class JdbcPollConnectorTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension final TmcDatabase sdk = TmcDatabase.h2();
  private JdbcDataSource records;
  private ChangeTable changes;
  private CursorStore cursors;

  @BeforeEach
  void setUp() {
    records = new JdbcDataSource();
    records.setURL("jdbc:h2:mem:records-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    changes = new ChangeTable(records);
    cursors = CursorStore.table(sdk.dataSource());
    sdk.trackMyCrime()
        .forces()
        .save(new Force(KitEvent.FORCE, "Kit Police", ForceSettings.defaults()));
  }

  @AfterEach
  void tearDown() {
    changes.execute("SHUTDOWN");
  }

  private JdbcPollConnector connector(JdbcPollConfig config) {
    return JdbcPollConnector.create(records, cursors, config);
  }

  private List<IngestOutcome> commit(JdbcPollConnector connector) {
    Batch<String> batch = connector.poll().orElseThrow();
    List<IngestOutcome> outcomes = sdk.trackMyCrime().ingest().ingestAll(batch.events());
    connector.acknowledge(batch.checkpoint(), outcomes);
    return outcomes;
  }

  @Test
  void mapsEachRowToAVersionOneEvent() throws Exception {
    KitEvent event = KitEvent.good(1);
    changes.insert(List.of(event));

    RawEvent raw = connector(ChangeTable.config().build()).poll().orElseThrow().events().get(0);

    assertThat(JSON.readTree(raw.json())).isEqualTo(JSON.readTree(event.json()));
    assertThat(raw.origin()).isEqualTo("jdbc-poll:1");
  }

  @Test
  void theRealIngestAppliesTheMappedEvents() {
    changes.insert(List.of(KitEvent.good(1), KitEvent.good(2)));

    assertThat(commit(connector(ChangeTable.config().build())))
        .extracting(IngestOutcome::status)
        .containsExactly(IngestStatus.APPLIED, IngestStatus.APPLIED);
  }

  @Test
  void buildsDataFromMappedColumnsWithNestedPathsAndTakesSourceAndForceFromColumns()
      throws Exception {
    changes.execute(
        "CREATE TABLE officer_changes (id BIGINT, sys VARCHAR(20), force_slug VARCHAR(40),"
            + " ref VARCHAR(20), at TIMESTAMP, kind VARCHAR(30), officer_ref VARCHAR(10),"
            + " officer_name VARCHAR(40), finalised BOOLEAN, value_pence INTEGER)");
    changes.execute(
        "INSERT INTO officer_changes VALUES (7, 'athena', 'kit-force', 'KIT/1',"
            + " TIMESTAMP '2026-07-01 10:00:00', 'OFFICER_ASSIGNED', '4321', 'PC Sam Patel', TRUE, 1500)");
    JdbcPollConfig config =
        JdbcPollConfig.builder("SELECT * FROM officer_changes WHERE id > :cursor ORDER BY id")
            .cursor("id", CursorType.LONG)
            .eventIdColumn("id")
            .sourceColumn("sys")
            .forceColumn("force_slug")
            .crimeReferenceColumn("ref")
            .occurredAtColumn("at")
            .typeColumn("kind")
            .dataField("officer.ref", "officer_ref")
            .dataField("officer.displayName", "officer_name")
            .dataField("flags.finalised", "finalised")
            .dataField("estimatedValuePence", "value_pence")
            .zone(ZoneId.of("Europe/London"))
            .build();

    JsonNode event = JSON.readTree(connector(config).poll().orElseThrow().events().get(0).json());

    assertThat(event.get("eventId").asText())
        .as("numbers become text where the contract wants text")
        .isEqualTo("7");
    assertThat(event.get("source").asText()).isEqualTo("athena");
    assertThat(event.get("force").asText()).isEqualTo("kit-force");
    assertThat(event.get("occurredAt").asText())
        .as("a timestamp without zone is read in the configured zone")
        .isEqualTo("2026-07-01T10:00:00+01:00");
    assertThat(event.at("/data/officer/ref").asText()).isEqualTo("4321");
    assertThat(event.at("/data/officer/displayName").asText()).isEqualTo("PC Sam Patel");
    assertThat(event.at("/data/flags/finalised").isBoolean()).isTrue();
    assertThat(event.at("/data/estimatedValuePence").isNumber()).isTrue();
    assertThat(event.has("sequence")).as("no sequence column configured").isFalse();
  }

  @Test
  void anUnparseableDataColumnIsDeliveredAsTextSoThatTheIngestRejectsIt() {
    changes.insert(List.of(KitEvent.good(1), KitEvent.malformed(1), KitEvent.good(2)));

    List<IngestOutcome> outcomes = commit(connector(ChangeTable.config().build()));

    assertThat(outcomes)
        .extracting(IngestOutcome::status)
        .containsExactly(IngestStatus.APPLIED, IngestStatus.REJECTED, IngestStatus.APPLIED);
    assertThat(outcomes.get(1).problems()).extracting(Problem::field).contains("data");
  }

  @Test
  void aRowWithoutAnEventIdIsRejectedAndDoesNotBlockTheNext() {
    changes.insert(List.of(KitEvent.good(1)));
    changes.execute("UPDATE changes SET event_id = NULL");
    changes.insert(List.of(KitEvent.good(2)));

    List<IngestOutcome> outcomes = commit(connector(ChangeTable.config().build()));

    assertThat(outcomes)
        .extracting(IngestOutcome::status)
        .containsExactly(IngestStatus.REJECTED, IngestStatus.APPLIED);
    assertThat(outcomes.get(0).problems()).extracting(Problem::field).contains("eventId");
  }

  @Test
  void readsOneBatchAtATimeAndSavesTheCursorOnlyWhenAcknowledged() throws Exception {
    changes.insert(List.of(KitEvent.good(1), KitEvent.good(2), KitEvent.good(3)));
    JdbcPollConnector connector = connector(ChangeTable.config().batchSize(2).build());

    Batch<String> first = connector.poll().orElseThrow();
    assertThat(first.events()).hasSize(2);
    assertThat(first.checkpoint()).isEqualTo("2");
    assertThat(savedCursor()).as("nothing saved before the acknowledgement").isNull();
    assertThat(connector.poll().orElseThrow()).as("polled again: the same rows").isEqualTo(first);

    connector.acknowledge(first.checkpoint(), List.of());

    assertThat(savedCursor()).isEqualTo("2");
    assertThat(connector(ChangeTable.config().batchSize(2).build()).poll().orElseThrow().events())
        .as("a new connector resumes from the saved cursor")
        .extracting(RawEvent::origin)
        .containsExactly("jdbc-poll:3");
  }

  @Test
  void startsAfterTheInitialCursor() {
    changes.insert(List.of(KitEvent.good(1), KitEvent.good(2), KitEvent.good(3)));

    Batch<String> batch =
        connector(ChangeTable.config().initialCursor("2").build()).poll().orElseThrow();

    assertThat(batch.events()).extracting(RawEvent::origin).containsExactly("jdbc-poll:3");
  }

  @Test
  void aTextCursorAndAQueryWithItsOwnLimitWork() {
    changes.execute(
        "CREATE TABLE feed (k VARCHAR(20), id VARCHAR(20), crime VARCHAR(20), at VARCHAR(40), t VARCHAR(30), d VARCHAR(2000))");
    for (int i = 1; i <= 3; i++) {
      KitEvent e = KitEvent.good(i);
      changes.execute(
          String.format(
              "INSERT INTO feed VALUES ('k%03d', '%s', '%s', '%s', '%s', '%s')",
              i, e.eventId(), e.crimeReference(), e.occurredAt(), e.type(), e.data()));
    }
    JdbcPollConfig config =
        JdbcPollConfig.builder("SELECT * FROM feed WHERE k > :cursor ORDER BY k LIMIT :limit")
            .cursor("k", CursorType.TEXT)
            .batchSize(2)
            .eventIdColumn("id")
            .source(KitEvent.SOURCE)
            .force(KitEvent.FORCE)
            .crimeReferenceColumn("crime")
            .occurredAtColumn("at")
            .typeColumn("t")
            .dataColumn("d")
            .build();
    JdbcPollConnector connector = connector(config);

    assertThat(commit(connector))
        .extracting(IngestOutcome::status)
        .containsOnly(IngestStatus.APPLIED)
        .hasSize(2);
    assertThat(commit(connector)).extracting(IngestOutcome::eventId).containsExactly("kit-0003");
    assertThat(connector.poll()).isEmpty();
    assertThat(connector.cursor()).isEqualTo("k003");
  }

  @Test
  void colonsInStringLiteralsAndCastsAreNotTakenForParameters() {
    changes.insert(List.of(KitEvent.good(1)));
    JdbcPollConfig config =
        ChangeTable.config()
            .query(
                "SELECT change_id::BIGINT AS change_id, event_id, crime_ref, seq, changed_at,"
                    + " change_type, payload FROM changes"
                    + " WHERE change_id > :cursor AND event_id <> 'not:a-parameter'"
                    + " ORDER BY change_id")
            .build();

    assertThat(connector(config).poll().orElseThrow().events()).hasSize(1);
  }

  @Test
  void aFailingQueryIsAConnectorErrorNamingTheCursorButNotTheSql() {
    JdbcPollConnector connector =
        connector(
            ChangeTable.config()
                .name("broken")
                .query("SELECT * FROM no_such_table WHERE id > :cursor")
                .build());

    assertThatThrownBy(connector::poll)
        .isInstanceOf(ConnectorException.class)
        .hasMessageStartingWith("The change query failed")
        .hasMessageContaining("connector=broken")
        .hasMessageContaining("cursor=0")
        .hasMessageNotContaining("no_such_table");
  }

  @Test
  void theConfigurationReportsEveryBrokenRuleAtOnce() {
    assertThatThrownBy(
            () ->
                JdbcPollConfig.builder("SELECT * FROM changes")
                    .source("niche")
                    .sourceColumn("sys")
                    .force("Avon and Somerset")
                    .batchSize(0)
                    .initialCursor("start")
                    .dataField("officer..ref", "x")
                    .build())
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("query: is required and must contain :cursor")
        .hasMessageContaining("cursorColumn: is required")
        .hasMessageContaining("eventIdColumn: is required")
        .hasMessageContaining("source: give exactly one of source and sourceColumn")
        .hasMessageContaining("force: must be a lower-case slug")
        .hasMessageContaining("batchSize: must be 1 to 10000")
        .hasMessageContaining("initialCursor: must be a whole number")
        .hasMessageContaining("dataColumns: each entry maps a path")
        .hasMessageContaining("crimeReferenceColumn: is required")
        .hasMessageContaining("occurredAtColumn: is required")
        .hasMessageContaining("typeColumn: is required");
  }

  @Test
  void theConfigurationReadsItsKeysFromProperties() {
    JdbcPollConfig c =
        JdbcPollConfig.fromProperties(
            Map.ofEntries(
                Map.entry("name", "niche-changes"),
                Map.entry("query", ChangeTable.QUERY),
                Map.entry("cursorColumn", "change_id"),
                Map.entry("cursorType", "long"),
                Map.entry("batchSize", "250"),
                Map.entry("eventIdColumn", "event_id"),
                Map.entry("source", "niche-prod"),
                Map.entry("force", "avon-and-somerset"),
                Map.entry("crimeReferenceColumn", "crime_ref"),
                Map.entry("occurredAtColumn", "changed_at"),
                Map.entry("typeColumn", "change_type"),
                Map.entry("data.officer.ref", "officer_ref"),
                Map.entry("zone", "Europe/London")));

    assertThat(c.name()).isEqualTo("niche-changes");
    assertThat(c.cursorType()).isEqualTo(CursorType.LONG);
    assertThat(c.initialCursor()).isEqualTo("0");
    assertThat(c.batchSize()).isEqualTo(250);
    assertThat(c.dataColumns()).containsExactly(Map.entry("officer.ref", "officer_ref"));
    assertThat(c.zone()).isEqualTo(ZoneId.of("Europe/London"));
    assertThatThrownBy(
            () ->
                JdbcPollConfig.fromProperties(Map.of("cursorType", "date", "zone", "Mars/Olympus")))
        .hasMessageContaining("cursorType: must be one of LONG, TEXT")
        .hasMessageContaining("zone: must be a time zone");
  }

  private String savedCursor() throws Exception {
    try (Connection c = sdk.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT cursor_value FROM tmc_connector_cursor WHERE connector = 'jdbc-poll'")) {
      return rs.next() ? rs.getString(1) : null;
    }
  }
}
