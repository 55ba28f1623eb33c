package org.trackmycrime.core.internal.jdbi;

import java.util.List;
import org.trackmycrime.core.model.LocalizedText;
import org.trackmycrime.core.model.TimelineEntry;
import org.trackmycrime.core.model.TimelineKind;
import org.trackmycrime.core.store.TimelineStore;

public final class JdbiTimelineStore implements TimelineStore {
  private static final String COLUMNS =
      "force_slug, crime_ref, entry_key, kind, text_en, text_cy, occurred_at, published_at";
  private static final String EXISTS =
      "SELECT COUNT(*) FROM tmc_timeline_entry"
          + " WHERE force_slug = :force AND crime_ref = :ref AND entry_key = :key";
  private static final String INSERT =
      "INSERT INTO tmc_timeline_entry ("
          + COLUMNS
          + ") VALUES (:force, :ref, :key, :kind, :en, :cy, :occurredAt, :publishedAt)";
  private static final String LIST =
      "SELECT "
          + COLUMNS
          + " FROM tmc_timeline_entry WHERE force_slug = :force AND crime_ref = :ref"
          + " ORDER BY occurred_at, entry_key";

  private final Db db;

  public JdbiTimelineStore(Db db) {
    this.db = db;
  }

  @Override
  public boolean add(TimelineEntry e) {
    return db.inTransaction(
        "add timeline entry",
        h -> {
          int existing =
              h.createQuery(EXISTS)
                  .bind("force", e.force())
                  .bind("ref", e.crimeReference())
                  .bind("key", e.entryKey())
                  .mapTo(Integer.class)
                  .one();
          if (existing > 0) {
            return false;
          }
          h.createUpdate(INSERT)
              .bind("force", e.force())
              .bind("ref", e.crimeReference())
              .bind("key", e.entryKey())
              .bind("kind", e.kind().name())
              .bind("en", e.text().en())
              .bind("cy", e.text().cy())
              .bind("occurredAt", e.occurredAt())
              .bind("publishedAt", e.publishedAt())
              .execute();
          return true;
        });
  }

  @Override
  public List<TimelineEntry> list(String force, String crimeReference) {
    return db.with(
        "list timeline",
        h ->
            h.createQuery(LIST)
                .bind("force", force)
                .bind("ref", crimeReference)
                .map(
                    (rs, ctx) ->
                        new TimelineEntry(
                            rs.getString("force_slug"),
                            rs.getString("crime_ref"),
                            rs.getString("entry_key"),
                            TimelineKind.valueOf(rs.getString("kind")),
                            new LocalizedText(rs.getString("text_en"), rs.getString("text_cy")),
                            Db.instant(rs, "occurred_at"),
                            Db.instant(rs, "published_at")))
                .list());
  }
}
