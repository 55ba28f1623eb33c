package org.trackmycrime.core.internal.jdbi;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.trackmycrime.core.model.Force;
import org.trackmycrime.core.model.ForceSettings;
import org.trackmycrime.core.model.Nation;
import org.trackmycrime.core.store.ForceStore;

public final class JdbiForceStore implements ForceStore {
  private static final String COLUMNS =
      "force_slug, name, nation, cadence_policy, hub_email, zone_id, holding_updates";
  private static final String UPDATE =
      "UPDATE tmc_force SET name = :name, nation = :nation, cadence_policy = :cadence,"
          + " hub_email = :hub, zone_id = :zone, holding_updates = :holding WHERE force_slug = :slug";
  private static final String INSERT =
      "INSERT INTO tmc_force ("
          + COLUMNS
          + ") VALUES (:slug, :name, :nation, :cadence, :hub, :zone, :holding)";
  private static final String FIND =
      "SELECT " + COLUMNS + " FROM tmc_force WHERE force_slug = :slug";
  private static final String LIST = "SELECT " + COLUMNS + " FROM tmc_force ORDER BY force_slug";

  private final Db db;

  public JdbiForceStore(Db db) {
    this.db = db;
  }

  @Override
  public void save(Force force) {
    ForceSettings s = force.settings();
    db.useTransaction(
        "save force",
        h ->
            Db.upsert(
                h,
                UPDATE,
                INSERT,
                u ->
                    u.bind("slug", force.slug())
                        .bind("name", force.name())
                        .bind("nation", s.nation().name())
                        .bind("cadence", s.cadencePolicy())
                        .bind("hub", s.hubEmail())
                        .bind("zone", s.zone().getId())
                        .bind("holding", s.holdingUpdates())));
  }

  @Override
  public Optional<Force> find(String slug) {
    return db.with(
        "find force",
        h -> h.createQuery(FIND).bind("slug", slug).map((rs, ctx) -> map(rs)).findOne());
  }

  @Override
  public List<Force> list() {
    return db.with("list forces", h -> h.createQuery(LIST).map((rs, ctx) -> map(rs)).list());
  }

  /** A force from a row holding the columns of {@code tmc_force} (used by joins elsewhere). */
  public static Force map(ResultSet rs) throws SQLException {
    return new Force(
        rs.getString("force_slug"),
        rs.getString("name"),
        new ForceSettings(
            Nation.valueOf(rs.getString("nation")),
            rs.getString("cadence_policy"),
            rs.getString("hub_email"),
            ZoneId.of(rs.getString("zone_id")),
            rs.getBoolean("holding_updates")));
  }
}
