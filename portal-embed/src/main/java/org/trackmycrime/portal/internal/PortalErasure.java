package org.trackmycrime.portal.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trackmycrime.core.TrackMyCrime;
import org.trackmycrime.core.internal.jdbi.Db;
import org.trackmycrime.core.privacy.ErasureParticipant;

/**
 * The portal's part in retention and subject access: a crime's account links and invitations go,
 * and so does each account left with no crime to read (with its sessions). Registered through
 * {@code META-INF/services}, so every host that embeds the portal has it. Not API.
 */
public final class PortalErasure implements ErasureParticipant {
  @Override
  public String name() {
    return "portal";
  }

  @Override
  public int erase(TrackMyCrime tmc, String force, String crimeReference) {
    return Db.of(tmc)
        .inTransaction(
            "erase portal records",
            h -> {
              List<String> accounts =
                  h.createQuery(
                          "SELECT DISTINCT account_id FROM tmc_portal_account_victim"
                              + " WHERE force_slug = :f AND crime_ref = :c ORDER BY account_id")
                      .bind("f", force)
                      .bind("c", crimeReference)
                      .mapTo(String.class)
                      .list();
              int erased = 0;
              for (String table : List.of("tmc_portal_account_victim", "tmc_portal_invitation")) {
                erased +=
                    h.createUpdate(
                            "DELETE FROM " + table + " WHERE force_slug = :f AND crime_ref = :c")
                        .bind("f", force)
                        .bind("c", crimeReference)
                        .execute();
              }
              for (String account : accounts) {
                boolean stillLinked =
                    h.createQuery(
                                "SELECT COUNT(*) FROM tmc_portal_account_victim"
                                    + " WHERE force_slug = :f AND account_id = :a")
                            .bind("f", force)
                            .bind("a", account)
                            .mapTo(Long.class)
                            .one()
                        > 0;
                if (!stillLinked) {
                  for (String table : List.of("tmc_portal_session", "tmc_portal_account")) {
                    erased +=
                        h.createUpdate(
                                "DELETE FROM "
                                    + table
                                    + " WHERE force_slug = :f AND account_id = :a")
                            .bind("f", force)
                            .bind("a", account)
                            .execute();
                  }
                }
              }
              return erased;
            });
  }

  @Override
  public Map<String, Object> export(
      TrackMyCrime tmc, String force, String crimeReference, String victimRef) {
    return Db.of(tmc)
        .with(
            "export portal records",
            h -> {
              Map<String, Object> out = new LinkedHashMap<>();
              List<Map<String, Object>> accounts =
                  h.createQuery(
                          "SELECT a.account_id, a.login_kind, a.login, a.created_at,"
                              + " a.password_at, l.linked_at FROM tmc_portal_account_victim l"
                              + " JOIN tmc_portal_account a ON a.force_slug = l.force_slug"
                              + " AND a.account_id = l.account_id WHERE l.force_slug = :f"
                              + " AND l.crime_ref = :c AND l.victim_ref = :v")
                      .bind("f", force)
                      .bind("c", crimeReference)
                      .bind("v", victimRef)
                      .map(
                          (rs, ctx) -> {
                            Map<String, Object> a = new LinkedHashMap<>();
                            a.put("accountId", rs.getString("account_id"));
                            a.put("loginKind", rs.getString("login_kind"));
                            a.put("login", rs.getString("login"));
                            a.put("createdAt", text(Db.instant(rs, "created_at")));
                            a.put("passwordChangedAt", text(Db.instant(rs, "password_at")));
                            a.put("linkedAt", text(Db.instant(rs, "linked_at")));
                            return a;
                          })
                      .list();
              for (Map<String, Object> a : accounts) {
                List<Map<String, Object>> sessions = new ArrayList<>();
                h.createQuery(
                        "SELECT created_at, last_seen_at FROM tmc_portal_session"
                            + " WHERE force_slug = :f AND account_id = :a ORDER BY created_at")
                    .bind("f", force)
                    .bind("a", a.get("accountId"))
                    .map(
                        (rs, ctx) -> {
                          Map<String, Object> s = new LinkedHashMap<>();
                          s.put("createdAt", text(Db.instant(rs, "created_at")));
                          s.put("lastSeenAt", text(Db.instant(rs, "last_seen_at")));
                          return s;
                        })
                    .forEach(sessions::add);
                a.put("sessions", sessions);
              }
              out.put("accounts", accounts);
              out.put(
                  "invitations",
                  h.createQuery(
                          "SELECT login_kind, login, created_at, expires_at, used_at"
                              + " FROM tmc_portal_invitation WHERE force_slug = :f"
                              + " AND crime_ref = :c AND victim_ref = :v ORDER BY created_at")
                      .bind("f", force)
                      .bind("c", crimeReference)
                      .bind("v", victimRef)
                      .map(
                          (rs, ctx) -> {
                            Map<String, Object> i = new LinkedHashMap<>();
                            i.put("loginKind", rs.getString("login_kind"));
                            i.put("login", rs.getString("login"));
                            i.put("createdAt", text(Db.instant(rs, "created_at")));
                            i.put("expiresAt", text(Db.instant(rs, "expires_at")));
                            i.put("usedAt", text(Db.instant(rs, "used_at")));
                            return i;
                          })
                      .list());
              return out;
            });
  }

  private static String text(java.time.Instant value) {
    return value == null ? null : value.toString();
  }
}
