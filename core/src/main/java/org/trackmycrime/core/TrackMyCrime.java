package org.trackmycrime.core;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.trackmycrime.core.cadence.Cadence;
import org.trackmycrime.core.cadence.CadenceConfig;
import org.trackmycrime.core.enrolment.EnrolmentService;
import org.trackmycrime.core.ingest.RecordIngest;
import org.trackmycrime.core.internal.Checks;
import org.trackmycrime.core.internal.cadence.JdbiCadence;
import org.trackmycrime.core.internal.ingest.HoldingUpdates;
import org.trackmycrime.core.internal.ingest.IngestEngine;
import org.trackmycrime.core.internal.ingest.JdbiOfficerUpdates;
import org.trackmycrime.core.internal.jdbi.CachedForceStore;
import org.trackmycrime.core.internal.jdbi.Db;
import org.trackmycrime.core.internal.jdbi.JdbiAuditTrail;
import org.trackmycrime.core.internal.jdbi.JdbiCrimeStore;
import org.trackmycrime.core.internal.jdbi.JdbiForceStore;
import org.trackmycrime.core.internal.jdbi.JdbiMessageStore;
import org.trackmycrime.core.internal.jdbi.JdbiOfficerStore;
import org.trackmycrime.core.internal.jdbi.JdbiOutbox;
import org.trackmycrime.core.internal.jdbi.JdbiPropertyStore;
import org.trackmycrime.core.internal.jdbi.JdbiTimelineStore;
import org.trackmycrime.core.internal.jdbi.JdbiVictimPreferenceStore;
import org.trackmycrime.core.internal.jdbi.JdbiVictimStore;
import org.trackmycrime.core.internal.messaging.JdbiMessaging;
import org.trackmycrime.core.internal.privacy.RetentionEngine;
import org.trackmycrime.core.internal.privacy.SubjectAccessExport;
import org.trackmycrime.core.messaging.Messaging;
import org.trackmycrime.core.messaging.MessagingConfig;
import org.trackmycrime.core.outbox.Outbox;
import org.trackmycrime.core.privacy.ErasureParticipant;
import org.trackmycrime.core.privacy.Retention;
import org.trackmycrime.core.privacy.RetentionPolicy;
import org.trackmycrime.core.privacy.SubjectAccess;
import org.trackmycrime.core.store.AuditTrail;
import org.trackmycrime.core.store.CrimeStore;
import org.trackmycrime.core.store.ForceStore;
import org.trackmycrime.core.store.MessageStore;
import org.trackmycrime.core.store.OfficerStore;
import org.trackmycrime.core.store.PropertyStore;
import org.trackmycrime.core.store.TimelineStore;
import org.trackmycrime.core.store.VictimPreferenceStore;
import org.trackmycrime.core.store.VictimStore;
import org.trackmycrime.core.updates.OfficerUpdates;

/**
 * The entry point of the SDK: build one per data source and share it.
 *
 * <pre>{@code
 * TrackMyCrime tmc = TrackMyCrime.builder().dataSource(ds).build();
 * tmc.forces().save(new Force("demo-force", "Demo Police", ForceSettings.defaults()));
 * }</pre>
 *
 * <p>Thread-safe. Several stores can be used in one database transaction with {@link
 * #inTransaction(Supplier)}.
 */
public final class TrackMyCrime {
  /** Where the SDK's Flyway migrations live, for hosts that run Flyway themselves. */
  public static final String MIGRATIONS_LOCATION = "classpath:db/trackmycrime";

  /** The SDK's own Flyway history table, so it never collides with a host's. */
  public static final String SCHEMA_HISTORY_TABLE = "tmc_schema_history";

  static {
    // the notifications module shares this instance's database and transactions (Db.of)
    Db.grantAccess(tmc -> tmc.db);
  }

  private final Clock clock;
  private final Db db;
  private final ForceStore forces;
  private final CrimeStore crimes;
  private final VictimStore victims;
  private final VictimPreferenceStore preferences;
  private final OfficerStore officers;
  private final TimelineStore timeline;
  private final PropertyStore property;
  private final MessageStore messages;
  private final AuditTrail audit;
  private final EnrolmentService enrolment;
  private final CrimeService crimeService;
  private final IngestEngine ingest;
  private final Outbox outbox;
  private final JdbiCadence cadence;
  private final Retention retention;
  private final SubjectAccess subjectAccess;
  private final OfficerUpdates officerUpdates;
  private final Messaging messaging;

  private TrackMyCrime(Builder b) {
    this.clock = b.clock;
    this.db = new Db(b.dataSource);
    this.forces = new CachedForceStore(new JdbiForceStore(db));
    this.crimes = new JdbiCrimeStore(db);
    JdbiVictimStore victimStore = new JdbiVictimStore(db);
    this.victims = victimStore;
    this.preferences = new JdbiVictimPreferenceStore(db);
    this.officers = new JdbiOfficerStore(db);
    this.timeline = new JdbiTimelineStore(db);
    this.property = new JdbiPropertyStore(db);
    this.messages = new JdbiMessageStore(db);
    this.audit = new JdbiAuditTrail(db);
    this.enrolment = new EnrolmentService(this);
    this.crimeService = new CrimeService(this);
    this.cadence = new JdbiCadence(db, clock, b.cadence, forces, victims, officers);
    this.ingest =
        new IngestEngine(
            db,
            clock,
            b.alertMaxAge,
            crimes,
            victimStore,
            officers,
            property,
            audit,
            cadence.ingestListener());
    this.outbox = new JdbiOutbox(db);
    List<ErasureParticipant> participants = new ArrayList<>();
    ServiceLoader.load(ErasureParticipant.class).forEach(participants::add);
    participants.addAll(b.participants);
    this.retention = new RetentionEngine(this, db, clock, b.retention, participants);
    this.subjectAccess = new SubjectAccessExport(this, db, clock, participants);
    this.officerUpdates =
        new JdbiOfficerUpdates(
            db, clock, crimes, audit, new HoldingUpdates(victims), cadence.ingestListener());
    this.messaging =
        new JdbiMessaging(db, clock, b.messaging, victims, officers, property, messages, audit);
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Applies the SDK's migrations to a data source (the builder does this unless told not to).
   *
   * @throws PersistenceException when a migration fails
   */
  public static void migrate(DataSource dataSource) {
    try {
      Flyway.configure()
          .dataSource(dataSource)
          .locations(MIGRATIONS_LOCATION)
          .table(SCHEMA_HISTORY_TABLE)
          // a host's own tables may share the schema: start our history at 0, then apply V1...
          .baselineOnMigrate(true)
          .baselineVersion("0")
          .load()
          .migrate();
    } catch (FlywayException e) {
      throw new PersistenceException(
          "Migrating the TrackMyCrime schema failed", java.util.Map.of(), e);
    }
  }

  public Clock clock() {
    return clock;
  }

  public ForceStore forces() {
    return forces;
  }

  public CrimeStore crimes() {
    return crimes;
  }

  public VictimStore victims() {
    return victims;
  }

  /** Victims' own choices made in the portal: channels, language, quiet hours, update interval. */
  public VictimPreferenceStore preferences() {
    return preferences;
  }

  public OfficerStore officers() {
    return officers;
  }

  public TimelineStore timeline() {
    return timeline;
  }

  public PropertyStore property() {
    return property;
  }

  public MessageStore messages() {
    return messages;
  }

  public AuditTrail audit() {
    return audit;
  }

  /** Opting victims out and in, risk assessments, and the "may alert" answer. */
  public EnrolmentService enrolment() {
    return enrolment;
  }

  /** Recording crimes with their victims. */
  public CrimeService crimeService() {
    return crimeService;
  }

  /** The record-event ingest (contract: record-event v1). */
  public RecordIngest ingest() {
    return ingest;
  }

  /** Messages waiting to be sent, written by the changes that caused them. */
  public Outbox outbox() {
    return outbox;
  }

  /**
   * What each enrolled victim is owed and by when (kept up to date with every change), the reminder
   * run that chases it, and the compliance report.
   */
  public Cadence cadence() {
    return cadence;
  }

  /** Updates an officer writes to a crime's victims, with a depersonalisation preview. */
  public OfficerUpdates officerUpdates() {
    return officerUpdates;
  }

  /**
   * Erases the personal data of crimes closed longer than the {@link RetentionPolicy} allows; run
   * it daily (it is idempotent and safe on several nodes).
   */
  public Retention retention() {
    return retention;
  }

  /** Exports everything held about one victim, as JSON (subject access). */
  public SubjectAccess subjectAccess() {
    return subjectAccess;
  }

  /**
   * Victims' messages through the Command Hub: sending (with the urgency prompt), the victim's
   * threads, the hub's inbox, forwarding, replies and closing.
   */
  public Messaging messaging() {
    return messaging;
  }

  /**
   * Runs work in one database transaction: every store call made inside, on this thread, commits or
   * rolls back together.
   */
  public <T> T inTransaction(Supplier<T> work) {
    return db.inTransaction("transaction", h -> work.get());
  }

  /**
   * Builds a {@link TrackMyCrime}; {@link #build()} reports every missing or bad setting at once.
   */
  public static final class Builder {
    private DataSource dataSource;
    private Clock clock = Clock.systemUTC();
    private boolean migrate = true;
    private Duration alertMaxAge = Duration.ofDays(7);
    private CadenceConfig cadence = CadenceConfig.defaults();
    private RetentionPolicy retention = RetentionPolicy.defaults();
    private final List<ErasureParticipant> participants = new ArrayList<>();
    private MessagingConfig messaging = MessagingConfig.defaults();

    private Builder() {}

    /**
     * How long each force keeps a closed crime's personal data. Default: {@link
     * RetentionPolicy#defaults()} (12 months).
     */
    public Builder retention(RetentionPolicy value) {
      this.retention = value;
      return this;
    }

    /**
     * Adds a host's own {@link ErasureParticipant}. The SDK's modules (the portal) register theirs
     * through {@link ServiceLoader} and need no call here.
     */
    public Builder erasureParticipant(ErasureParticipant value) {
      participants.add(value);
      return this;
    }

    /** The database: H2 (embedded) or PostgreSQL. Required. */
    public Builder dataSource(DataSource value) {
      this.dataSource = value;
      return this;
    }

    /** The clock every service reads; tests pass a settable one. Default: system UTC. */
    public Builder clock(Clock value) {
      this.clock = value;
      return this;
    }

    /**
     * Live record events that happened longer ago than this are recorded but alert nobody: old news
     * is not news. Default: 7 days.
     */
    public Builder alertMaxAge(Duration value) {
      this.alertMaxAge = value;
      return this;
    }

    /**
     * How obligations are chased: reminder and escalation lead times, holding updates, the forces'
     * own cadence policies and closure days. Default: {@link CadenceConfig#defaults()}.
     */
    public Builder cadence(CadenceConfig value) {
      this.cadence = value;
      return this;
    }

    /**
     * The phrases that make a victim's message look urgent (English and Welsh, per force) and the
     * daily limit per victim. Default: {@link MessagingConfig#defaults()}.
     */
    public Builder messaging(MessagingConfig value) {
      this.messaging = value;
      return this;
    }

    /** Whether {@link #build()} applies the SDK's migrations. Default: true. */
    public Builder migrate(boolean value) {
      this.migrate = value;
      return this;
    }

    /**
     * @throws ConfigurationException listing every missing or invalid setting
     */
    public TrackMyCrime build() {
      Checks checks =
          new Checks()
              .notNull("dataSource", dataSource)
              .notNull("clock", clock)
              .notNull("alertMaxAge", alertMaxAge)
              .notNull("cadence", cadence)
              .notNull("retention", retention)
              .noNulls("erasureParticipants", participants)
              .notNull("messaging", messaging);
      if (!checks.ok()) {
        try {
          checks.throwIfAny();
        } catch (ValidationException e) {
          throw new ConfigurationException("TrackMyCrime builder: " + e.getMessage(), e);
        }
      }
      if (migrate) {
        TrackMyCrime.migrate(dataSource);
      }
      return new TrackMyCrime(this);
    }
  }
}
