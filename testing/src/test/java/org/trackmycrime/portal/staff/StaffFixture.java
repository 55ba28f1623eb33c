package org.trackmycrime.portal.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.trackmycrime.core.TrackMyCrime;
import org.trackmycrime.core.ingest.Events;
import org.trackmycrime.core.ingest.IngestStatus;
import org.trackmycrime.core.ingest.RawEvent;
import org.trackmycrime.core.model.Force;
import org.trackmycrime.core.model.ForceSettings;

/**
 * Two forces on one database, recorded through the ingest: in {@code demo-force}, crime C1 of
 * officer 4321 (unit Burglary) with a named suspect and victim V1 assessed suitable, and crime C2
 * of officer 5555 (unit CID); in {@code other-force}, crime X1 of an officer who also has ref 4321.
 * And a member of staff for every role in each.
 */
final class StaffFixture {
  static final String FORCE = "demo-force";
  static final String OTHER = "other-force";
  static final String C1 = "43/100001/26";
  static final String C2 = "43/100002/26";
  static final String X1 = "99/900001/26";
  static final String VICTIM_EMAIL = "alex.morgan@example.org";

  static final StaffMember OFFICER =
      new StaffMember(
          "s-officer", "PC Sam Patel", FORCE, Set.of(StaffRole.OFFICER), "4321", "Burglary");
  static final StaffMember OTHER_OFFICER =
      new StaffMember("s-officer2", "PC Kim Lee", FORCE, Set.of(StaffRole.OFFICER), "5555", "CID");
  static final StaffMember SUPERVISOR =
      new StaffMember(
          "s-super", "Sgt Ria Das", FORCE, Set.of(StaffRole.SUPERVISOR), null, "Burglary");
  static final StaffMember FORCE_SUPERVISOR =
      new StaffMember(
          "s-super-f", "Insp Lou Hart", FORCE, Set.of(StaffRole.SUPERVISOR), null, null);
  static final StaffMember ADMIN =
      new StaffMember("s-admin", "Admin Jo Fry", FORCE, Set.of(StaffRole.ADMIN), null, null);
  static final StaffMember HUB =
      new StaffMember("s-hub", "Hub Max Cole", FORCE, Set.of(StaffRole.HUB_OPERATOR), null, null);
  static final StaffMember FOREIGN_OFFICER =
      new StaffMember(
          "x-officer", "PC Other", OTHER, Set.of(StaffRole.OFFICER), "4321", "Burglary");
  static final StaffMember FOREIGN_ADMIN =
      new StaffMember("x-admin", "Admin Other", OTHER, Set.of(StaffRole.ADMIN), null, null);

  static final List<StaffMember> EVERYONE =
      List.of(
          OFFICER,
          OTHER_OFFICER,
          SUPERVISOR,
          FORCE_SUPERVISOR,
          ADMIN,
          HUB,
          FOREIGN_OFFICER,
          FOREIGN_ADMIN);

  private StaffFixture() {}

  static void load(TrackMyCrime tmc, Instant at) {
    tmc.forces().save(new Force(FORCE, "Demo Police", ForceSettings.defaults()));
    tmc.forces().save(new Force(OTHER, "Other Police", ForceSettings.defaults()));
    Events demo = new Events("niche", FORCE);
    ingest(
        tmc,
        demo.crimeRecorded(
            "c1",
            C1,
            at,
            "Burglary",
            v -> Events.victim(v, "V1", "Alex", "Morgan").put("email", VICTIM_EMAIL)),
        demo.riskAssessed("r1", C1, at, "V1", true),
        officer(demo, "o1", C1, at, "4321", "PC Sam Patel", "Burglary"),
        demo.event(
            "s1",
            C1,
            null,
            at,
            "SUSPECT_IDENTIFIED",
            d -> d.put("personRef", "P1").putArray("names").add("Jordan Blake")),
        demo.crimeRecorded(
            "c2",
            C2,
            at,
            "Theft",
            v -> Events.victim(v, "V1", "Chris", "Evans").put("email", "chris@example.org")),
        demo.riskAssessed("r2", C2, at, "V1", true),
        officer(demo, "o2", C2, at, "5555", "PC Kim Lee", "CID"));
    Events other = new Events("niche", OTHER);
    ingest(
        tmc,
        other.crimeRecorded(
            "x1",
            X1,
            at,
            "Burglary",
            v -> Events.victim(v, "V1", "Pat", "Jones").put("email", "pat@example.org")),
        other.riskAssessed("xr1", X1, at, "V1", true),
        officer(other, "xo1", X1, at, "4321", "PC Other", "Burglary"));
  }

  /** The officer's email is {@code <ref>@police.example.org}. */
  static String officer(
      Events events, String id, String crime, Instant at, String ref, String name, String unit) {
    return events.event(
        id,
        crime,
        null,
        at,
        "OFFICER_ASSIGNED",
        d ->
            d.putObject("officer")
                .put("ref", ref)
                .put("displayName", name)
                .put("unit", unit)
                .put("email", ref + "@police.example.org"));
  }

  private static void ingest(TrackMyCrime tmc, String... events) {
    for (String e : events) {
      assertThat(tmc.ingest().ingest(new RawEvent(e, "test")).status()).isIn(IngestStatus.APPLIED);
    }
  }
}
