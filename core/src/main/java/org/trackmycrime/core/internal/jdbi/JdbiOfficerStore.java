package org.trackmycrime.core.internal.jdbi;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.trackmycrime.core.model.Officer;
import org.trackmycrime.core.store.OfficerStore;

public final class JdbiOfficerStore implements OfficerStore {
  private static final String COLUMNS =
      "force_slug, officer_ref, display_name, officer_rank, unit, email";
  private static final String UPDATE =
      "UPDATE tmc_officer SET display_name = :name, officer_rank = :rank, unit = :unit,"
          + " email = :email WHERE force_slug = :force AND officer_ref = :ref";
  private static final String INSERT =
      "INSERT INTO tmc_officer ("
          + COLUMNS
          + ") VALUES (:force, :ref, :name, :rank, :unit, :email)";
  private static final String FIND =
      "SELECT " + COLUMNS + " FROM tmc_officer WHERE force_slug = :force AND officer_ref = :ref";

  private final Db db;

  public JdbiOfficerStore(Db db) {
    this.db = db;
  }

  @Override
  public void save(Officer o) {
    db.useTransaction(
        "save officer",
        h ->
            Db.upsert(
                h,
                UPDATE,
                INSERT,
                u ->
                    u.bind("force", o.force())
                        .bind("ref", o.ref())
                        .bind("name", o.displayName())
                        .bind("rank", o.rank())
                        .bind("unit", o.unit())
                        .bind("email", o.email())));
  }

  @Override
  public Optional<Officer> find(String force, String ref) {
    return db.with(
        "find officer",
        h ->
            h.createQuery(FIND)
                .bind("force", force)
                .bind("ref", ref)
                .map((rs, ctx) -> map(rs))
                .findOne());
  }

  /** An officer from a row holding {@code tmc_officer}'s columns under their own names. */
  public static Officer map(ResultSet rs) throws SQLException {
    return new Officer(
        rs.getString("force_slug"),
        rs.getString("officer_ref"),
        rs.getString("display_name"),
        rs.getString("officer_rank"),
        rs.getString("unit"),
        rs.getString("email"));
  }
}
