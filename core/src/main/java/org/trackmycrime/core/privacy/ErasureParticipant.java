package org.trackmycrime.core.privacy;

import java.util.Map;
import org.trackmycrime.core.TrackMyCrime;

/**
 * A module (or a host) that keeps personal data of its own about a crime's victims, in the SDK's
 * database, and takes part in retention and subject access.
 *
 * <p>Participants are found with {@link java.util.ServiceLoader} (a jar lists its implementation in
 * {@code META-INF/services/org.trackmycrime.core.privacy.ErasureParticipant}, as the portal does)
 * and added on the builder with {@link TrackMyCrime.Builder#erasureParticipant}.
 */
public interface ErasureParticipant {
  /** A short, stable name such as {@code portal}: the key of its part of an export. */
  String name();

  /**
   * Erases what this participant holds about the victims of one crime. Runs inside the retention
   * run's transaction for that crime (statements made through the {@code tmc}'s database join it),
   * and must be idempotent: it may run again for a crime already erased.
   *
   * @return how many records it erased or cleared
   */
  int erase(TrackMyCrime tmc, String force, String crimeReference);

  /**
   * What this participant holds about one victim, for a subject access export: each entry becomes a
   * JSON field (values: strings, numbers, booleans, lists and maps of these). Never secrets such as
   * password hashes. Default: nothing.
   */
  default Map<String, Object> export(
      TrackMyCrime tmc, String force, String crimeReference, String victimRef) {
    return Map.of();
  }
}
