package org.trackmycrime.examples;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.h2.jdbcx.JdbcDataSource;
import org.trackmycrime.core.TrackMyCrime;
import org.trackmycrime.core.model.Actor;
import org.trackmycrime.core.model.Crime;
import org.trackmycrime.core.model.Force;
import org.trackmycrime.core.model.ForceSettings;
import org.trackmycrime.core.model.Victim;

/**
 * The smallest use of the SDK: an embedded H2 file database, one force, one crime with one victim,
 * an officer's risk assessment, and the answer to "may this victim be alerted". The README's first
 * command now starts {@link ReferenceServer}; this stays as the shortest example to read.
 */
public final class QuickStart {
  private QuickStart() {}

  public static void main(String[] args) {
    Path dir = Path.of(args.length > 0 ? args[0] : "data").toAbsolutePath();
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:" + dir.resolve("quickstart"));

    TrackMyCrime tmc = TrackMyCrime.builder().dataSource(ds).build();
    tmc.forces().save(new Force("demo-force", "Demo Police", ForceSettings.defaults()));

    String ref = "43/" + (Instant.now().getEpochSecond() % 1_000_000) + "/26";
    Victim victim =
        Victim.builder("demo-force", ref, "V1")
            .name("Alex", "Morgan")
            .email("alex.morgan@example.org")
            .mobile("+447700900123")
            .build();
    Actor officer = Actor.officer("4321");
    tmc.crimeService()
        .record(
            Crime.recorded("demo-force", ref, "Burglary", Instant.now()), List.of(victim), officer);
    System.out.println("Recorded crime " + ref + " in " + dir);
    System.out.println(
        "  before risk assessment: " + tmc.enrolment().mayAlert("demo-force", ref, "V1").explain());

    tmc.enrolment().assessRisk("demo-force", ref, "V1", officer, true, List.of(), null);
    System.out.println(
        "  after risk assessment:  " + tmc.enrolment().mayAlert("demo-force", ref, "V1").explain());

    Crime crime = tmc.crimes().find("demo-force", ref).orElseThrow();
    System.out.println("  state: " + crime.status() + ", offence " + crime.offenceCategory());
    System.out.println(
        "  enrolment: "
            + tmc.victims().find("demo-force", ref, "V1").orElseThrow().enrolment().state());
  }
}
