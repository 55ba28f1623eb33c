package org.trackmycrime.core.internal.jdbi;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.trackmycrime.core.model.Crime;
import org.trackmycrime.core.model.CrimeStatus;
import org.trackmycrime.core.store.CrimeStore;

public final class JdbiCrimeStore implements CrimeStore {
  private static final String COLUMNS =
      "force_slug, crime_ref, offence_category, offence_description, reported_at, status, outcome,"
          + " officer_ref";
  private static final String UPDATE =
      "UPDATE tmc_crime SET offence_category = :category, offence_description = :description,"
          + " reported_at = :reportedAt, status = :status, outcome = :outcome,"
          + " officer_ref = :officerRef WHERE force_slug = :force AND crime_ref = :ref";
  private static final String INSERT =
      "INSERT INTO tmc_crime ("
          + COLUMNS
          + ") VALUES (:force, :ref, :category, :description, :reportedAt, :status, :outcome,"
          + " :officerRef)";
  private static final String FIND =
      "SELECT " + COLUMNS + " FROM tmc_crime WHERE force_slug = :force AND crime_ref = :ref";
  private static final String LIST_FOR_OFFICER =
      "SELECT "
          + COLUMNS
          + " FROM tmc_crime WHERE force_slug = :force AND officer_ref = :officer"
          + " ORDER BY crime_ref FETCH FIRST :limit ROWS ONLY";

  private static final String LIST =
      "SELECT "
          + COLUMNS
          + " FROM tmc_crime WHERE force_slug = :force ORDER BY crime_ref"
          + " OFFSET :offset ROWS FETCH NEXT :limit ROWS ONLY";

  private final Db db;

  public JdbiCrimeStore(Db db) {
    this.db = db;
  }

  @Override
  public void save(Crime c) {
    db.useTransaction(
        "save crime",
        h ->
            Db.upsert(
                h,
                UPDATE,
                INSERT,
                u ->
                    u.bind("force", c.force())
                        .bind("ref", c.crimeReference())
                        .bind("category", c.offenceCategory())
                        .bind("description", c.offenceDescription())
                        .bind("reportedAt", c.reportedAt())
                        .bind("status", c.status().name())
                        .bind("outcome", c.outcome())
                        .bind("officerRef", c.officerRef())));
  }

  @Override
  public Optional<Crime> find(String force, String crimeReference) {
    return db.with(
        "find crime",
        h ->
            h.createQuery(FIND)
                .bind("force", force)
                .bind("ref", crimeReference)
                .map((rs, ctx) -> map(rs))
                .findOne());
  }

  @Override
  public List<Crime> list(String force, int offset, int limit) {
    return db.with(
        "list crimes",
        h ->
            h.createQuery(LIST)
                .bind("force", force)
                .bind("offset", offset)
                .bind("limit", limit)
                .map((rs, ctx) -> map(rs))
                .list());
  }

  @Override
  public List<Crime> listForOfficer(String force, String officerRef, int limit) {
    return db.with(
        "list an officer's crimes",
        h ->
            h.createQuery(LIST_FOR_OFFICER)
                .bind("force", force)
                .bind("officer", officerRef)
                .bind("limit", limit)
                .map((rs, ctx) -> map(rs))
                .list());
  }

  /** A crime from a row holding {@code tmc_crime}'s columns under their own names. */
  public static Crime map(ResultSet rs) throws SQLException {
    return new Crime(
        rs.getString("force_slug"),
        rs.getString("crime_ref"),
        rs.getString("offence_category"),
        rs.getString("offence_description"),
        Db.instant(rs, "reported_at"),
        CrimeStatus.valueOf(rs.getString("status")),
        rs.getString("outcome"),
        rs.getString("officer_ref"));
  }
}
