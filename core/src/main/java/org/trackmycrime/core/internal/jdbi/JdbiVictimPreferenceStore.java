package org.trackmycrime.core.internal.jdbi;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.trackmycrime.core.NotFoundException;
import org.trackmycrime.core.TrackMyCrimeException;
import org.trackmycrime.core.model.Channel;
import org.trackmycrime.core.model.Language;
import org.trackmycrime.core.model.VictimPreferences;
import org.trackmycrime.core.store.VictimPreferenceStore;

public final class JdbiVictimPreferenceStore implements VictimPreferenceStore {
  private static final String UPDATE =
      "UPDATE tmc_victim_preference SET alert_channels = :channels, lang = :lang,"
          + " quiet_chosen = :quietChosen, quiet_from_minute = :quietFrom,"
          + " quiet_until_minute = :quietUntil, update_frequency_days = :frequency,"
          + " updated_at = :at"
          + " WHERE force_slug = :force AND crime_ref = :ref AND victim_ref = :victim";
  private static final String INSERT =
      "INSERT INTO tmc_victim_preference (force_slug, crime_ref, victim_ref, alert_channels, lang,"
          + " quiet_chosen, quiet_from_minute, quiet_until_minute, update_frequency_days,"
          + " updated_at) VALUES (:force, :ref, :victim, :channels, :lang, :quietChosen,"
          + " :quietFrom, :quietUntil, :frequency, :at)";

  private final Db db;

  public JdbiVictimPreferenceStore(Db db) {
    this.db = db;
  }

  @Override
  public VictimPreferences find(String force, String crimeReference, String victimRef) {
    JdbiVictimStore.Key key = new JdbiVictimStore.Key(crimeReference, victimRef);
    return findAll(force, Set.of(key)).getOrDefault(key, VictimPreferences.NONE);
  }

  /**
   * The preferences of several victims of one force in one read: what {@link #find} gives for each
   * key, without the keys whose victim chose nothing. For the dispatcher, which reads a whole
   * claim's at once. Not API.
   */
  public Map<JdbiVictimStore.Key, VictimPreferences> findAll(
      String force, Collection<JdbiVictimStore.Key> keys) {
    Map<JdbiVictimStore.Key, VictimPreferences> found = new HashMap<>();
    if (keys.isEmpty()) {
      return found;
    }
    List<JdbiVictimStore.Key> wanted = List.copyOf(new LinkedHashSet<>(keys));
    List<Map.Entry<JdbiVictimStore.Key, VictimPreferences>> rows =
        db.with(
            "find victim preferences",
            h ->
                JdbiVictimStore.bindKeys(
                        h.createQuery(
                            "SELECT p.crime_ref, p.victim_ref, p.alert_channels, p.lang,"
                                + " p.quiet_chosen, p.quiet_from_minute, p.quiet_until_minute,"
                                + " p.update_frequency_days FROM "
                                + JdbiVictimStore.keysTable(wanted.size())
                                + " JOIN tmc_victim_preference p ON p.force_slug = :force"
                                + " AND p.crime_ref = k.key_crime AND p.victim_ref = k.key_victim"),
                        wanted)
                    .bind("force", force)
                    .map(
                        (rs, ctx) ->
                            Map.entry(
                                new JdbiVictimStore.Key(
                                    rs.getString("crime_ref"), rs.getString("victim_ref")),
                                read(rs)))
                    .list());
    for (Map.Entry<JdbiVictimStore.Key, VictimPreferences> e : rows) {
      found.put(e.getKey(), e.getValue());
    }
    return found;
  }

  @Override
  public void save(
      String force, String crimeReference, String victimRef, VictimPreferences p, Instant at) {
    db.useTransaction(
        "save victim preferences",
        h -> {
          int victims =
              h.createQuery(
                      "SELECT COUNT(*) FROM tmc_victim WHERE force_slug = :force AND crime_ref ="
                          + " :ref AND victim_ref = :victim")
                  .bind("force", force)
                  .bind("ref", crimeReference)
                  .bind("victim", victimRef)
                  .mapTo(Integer.class)
                  .one();
          if (victims == 0) {
            throw new NotFoundException(
                "No such victim",
                Map.of(
                    TrackMyCrimeException.FORCE, force,
                    TrackMyCrimeException.CRIME_REFERENCE, crimeReference,
                    TrackMyCrimeException.VICTIM_REF, victimRef));
          }
          VictimPreferences.QuietHours q = p.quietHours();
          Db.upsert(
              h,
              UPDATE,
              INSERT,
              u ->
                  u.bind("force", force)
                      .bind("ref", crimeReference)
                      .bind("victim", victimRef)
                      .bind("channels", p.channels().isEmpty() ? null : Db.enumSet(p.channels()))
                      .bind("lang", p.language() == null ? null : p.language().code())
                      .bind("quietChosen", q != null)
                      .bind("quietFrom", q == null || q.none() ? null : minute(q.from()))
                      .bind("quietUntil", q == null || q.none() ? null : minute(q.until()))
                      .bind("frequency", p.updateFrequencyDays())
                      .bind("at", at));
        });
  }

  private static VictimPreferences read(ResultSet rs) throws SQLException {
    String lang = rs.getString("lang");
    VictimPreferences.QuietHours quiet = null;
    if (rs.getBoolean("quiet_chosen")) {
      Integer from = rs.getObject("quiet_from_minute", Integer.class);
      Integer until = rs.getObject("quiet_until_minute", Integer.class);
      quiet =
          from == null || until == null
              ? VictimPreferences.QuietHours.NONE
              : new VictimPreferences.QuietHours(time(from), time(until));
    }
    return new VictimPreferences(
        Db.enumSet(rs.getString("alert_channels"), Channel.class),
        lang == null ? null : Language.ofCode(lang),
        quiet,
        rs.getObject("update_frequency_days", Integer.class));
  }

  private static int minute(LocalTime t) {
    return t.getHour() * 60 + t.getMinute();
  }

  private static LocalTime time(int minute) {
    return LocalTime.of(minute / 60, minute % 60);
  }
}
