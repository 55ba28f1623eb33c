package org.trackmycrime.core.internal.jdbi;

import java.util.List;
import org.trackmycrime.core.model.PropertyItem;
import org.trackmycrime.core.model.PropertyStatus;
import org.trackmycrime.core.store.PropertyStore;

public final class JdbiPropertyStore implements PropertyStore {
  private static final String COLUMNS =
      "force_slug, crime_ref, item_ref, description, status, estimated_value_pence, updated_at";
  private static final String UPDATE =
      "UPDATE tmc_property_item SET description = :description, status = :status,"
          + " estimated_value_pence = :value, updated_at = :updatedAt"
          + " WHERE force_slug = :force AND crime_ref = :ref AND item_ref = :item";
  private static final String INSERT =
      "INSERT INTO tmc_property_item ("
          + COLUMNS
          + ") VALUES (:force, :ref, :item, :description, :status, :value, :updatedAt)";
  private static final String LIST =
      "SELECT "
          + COLUMNS
          + " FROM tmc_property_item WHERE force_slug = :force AND crime_ref = :ref"
          + " ORDER BY item_ref";

  private final Db db;

  public JdbiPropertyStore(Db db) {
    this.db = db;
  }

  @Override
  public void save(PropertyItem p) {
    db.useTransaction(
        "save property item",
        h ->
            Db.upsert(
                h,
                UPDATE,
                INSERT,
                u ->
                    u.bind("force", p.force())
                        .bind("ref", p.crimeReference())
                        .bind("item", p.itemRef())
                        .bind("description", p.description())
                        .bind("status", p.status().name())
                        .bind("value", p.estimatedValuePence())
                        .bind("updatedAt", p.updatedAt())));
  }

  @Override
  public List<PropertyItem> list(String force, String crimeReference) {
    return db.with(
        "list property",
        h ->
            h.createQuery(LIST)
                .bind("force", force)
                .bind("ref", crimeReference)
                .map(
                    (rs, ctx) ->
                        new PropertyItem(
                            rs.getString("force_slug"),
                            rs.getString("crime_ref"),
                            rs.getString("item_ref"),
                            rs.getString("description"),
                            PropertyStatus.valueOf(rs.getString("status")),
                            rs.getObject("estimated_value_pence", Long.class),
                            Db.instant(rs, "updated_at")))
                .list());
  }
}
