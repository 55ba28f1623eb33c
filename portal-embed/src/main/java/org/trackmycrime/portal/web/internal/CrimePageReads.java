package org.trackmycrime.portal.web.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.trackmycrime.core.TrackMyCrime;
import org.trackmycrime.core.internal.jdbi.Db;
import org.trackmycrime.core.internal.jdbi.JdbiCrimeStore;
import org.trackmycrime.core.internal.jdbi.JdbiOfficerStore;
import org.trackmycrime.core.model.Crime;
import org.trackmycrime.core.model.Officer;
import org.trackmycrime.portal.web.internal.VictimSite.CrimeRef;

/**
 * The crime page's reads, in few round trips.
 *
 * <p>The crimes an account may read are remembered per account (so a page does not read the list to
 * resolve its opaque id), but never trusted for access: {@link #find} reads the crime, its officer
 * and the victim's next open obligation in one statement joined to the account's link row, so a
 * crime staff have unlinked is not shown, and its remembered list is dropped. An id not in the
 * remembered list is looked up in a fresh list (a crime linked meanwhile opens at once).
 */
final class CrimePageReads {
  /** Accounts whose lists are remembered, at most; beyond it the memory starts again. */
  private static final int MAX_ACCOUNTS = 20_000;

  private static final String FIND =
      "SELECT c.force_slug, c.crime_ref, c.offence_category, c.offence_description,"
          + " c.reported_at, c.status, c.outcome, c.officer_ref,"
          + " o.display_name, o.officer_rank, o.unit, o.email,"
          + " (SELECT MIN(b.due_date) FROM tmc_obligation b WHERE b.force_slug = l.force_slug"
          + " AND b.crime_ref = l.crime_ref AND b.victim_ref = l.victim_ref"
          + " AND b.status IN ('PENDING', 'OVERDUE')) AS next_due"
          + " FROM tmc_portal_account_victim l"
          + " JOIN tmc_crime c ON c.force_slug = l.force_slug AND c.crime_ref = l.crime_ref"
          + " LEFT JOIN tmc_officer o ON o.force_slug = c.force_slug"
          + " AND o.officer_ref = c.officer_ref"
          + " WHERE l.force_slug = :force AND l.crime_ref = :ref AND l.victim_ref = :victim"
          + " AND l.account_id = :account";

  /** The crime, its officer (or null) and the victim's earliest open due date (or null). */
  record Found(Crime crime, Officer officer, LocalDate nextDue) {}

  private final Db db;
  private final Map<String, List<CrimeRef>> remembered = new ConcurrentHashMap<>();

  CrimePageReads(TrackMyCrime tmc) {
    this.db = Db.of(tmc);
  }

  /** Remembers an account's crimes as just read from the database. */
  void remember(String force, String accountId, List<CrimeRef> crimes) {
    if (remembered.size() >= MAX_ACCOUNTS) {
      remembered.clear();
    }
    remembered.put(key(force, accountId), List.copyOf(crimes));
  }

  /** The remembered crime with this opaque id, if the account's list is remembered and has it. */
  Optional<CrimeRef> remembered(String force, String accountId, String id) {
    List<CrimeRef> crimes = remembered.get(key(force, accountId));
    if (crimes == null) {
      return Optional.empty();
    }
    return crimes.stream().filter(c -> c.id().equals(id)).findFirst();
  }

  void forget(String force, String accountId) {
    remembered.remove(key(force, accountId));
  }

  /**
   * The crime, if it is still linked to the account as this victim; one statement. Empty (and the
   * account's list forgotten) when the link is gone.
   */
  Optional<Found> find(CrimeRef ref) {
    Optional<Found> found =
        db.with(
            "portal crime page",
            h ->
                h.createQuery(FIND)
                    .bind("force", ref.force())
                    .bind("ref", ref.crimeReference())
                    .bind("victim", ref.victimRef())
                    .bind("account", ref.accountId())
                    .map(
                        (rs, ctx) ->
                            new Found(
                                JdbiCrimeStore.map(rs),
                                rs.getString("display_name") == null
                                    ? null
                                    : JdbiOfficerStore.map(rs),
                                rs.getObject("next_due", LocalDate.class)))
                    .findOne());
    if (found.isEmpty()) {
      forget(ref.force(), ref.accountId());
    }
    return found;
  }

  private static String key(String force, String accountId) {
    return force + "\u0000" + accountId;
  }
}
