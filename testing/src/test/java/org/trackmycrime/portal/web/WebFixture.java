package org.trackmycrime.portal.web;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.trackmycrime.core.TrackMyCrime;
import org.trackmycrime.core.model.Actor;
import org.trackmycrime.core.model.Channel;
import org.trackmycrime.core.model.Crime;
import org.trackmycrime.core.model.Force;
import org.trackmycrime.core.model.ForceSettings;
import org.trackmycrime.core.model.LocalizedText;
import org.trackmycrime.core.model.Officer;
import org.trackmycrime.core.model.PropertyItem;
import org.trackmycrime.core.model.PropertyStatus;
import org.trackmycrime.core.model.TimelineEntry;
import org.trackmycrime.core.model.TimelineKind;
import org.trackmycrime.core.model.Victim;
import org.trackmycrime.portal.Invitation;
import org.trackmycrime.portal.PasswordHasher;
import org.trackmycrime.portal.SignInThrottle;
import org.trackmycrime.portal.VictimPortal;
import org.trackmycrime.portal.http.JdkHttpServerAdapter;
import org.trackmycrime.portal.http.Router;
import org.trackmycrime.portal.web.internal.OpaqueIds;
import org.trackmycrime.testing.TmcDatabase;

/**
 * A running victim portal on a real database for the web tests: two forces, crimes with an officer,
 * a timeline and property, victims enrolled and assessed suitable, served by the JDK adapter on a
 * free loopback port. Use {@link #url} for addresses ("http://localhost:port/...").
 */
final class WebFixture implements AutoCloseable {
  static final String FORCE = "demo-force";
  static final String OTHER_FORCE = "other-force";
  static final String CRIME_A = "43/123456/26";
  static final String CRIME_B = "43/222222/26";
  static final String CRIME_OTHER = "99/333333/26";
  static final String EMAIL_A = "alex.morgan@example.org";
  static final String EMAIL_B = "sam.jones@example.org";
  static final String EMAIL_OTHER = "kim.lee@example.org";
  static final String PASSWORD = "correct horse battery staple";
  static final Actor STAFF = Actor.staff("S1");

  final TmcDatabase db;
  final TrackMyCrime tmc;
  final VictimPortal portal;
  Router router;
  private final HttpServer server;
  private final HttpServer otherServer;

  WebFixture(TmcDatabase db) {
    this.db = db;
    this.tmc = db.trackMyCrime();
    tmc.forces().save(new Force(FORCE, "Demo Police", ForceSettings.defaults()));
    tmc.forces().save(new Force(OTHER_FORCE, "Other Constabulary", ForceSettings.defaults()));
    tmc.officers()
        .save(
            new Officer(FORCE, "4321", "Priya Shah", "Detective Constable", "Burglary Team", null));
    recordCrime(FORCE, CRIME_A, "Burglary", "V1", EMAIL_A, "4321");
    recordCrime(FORCE, CRIME_B, "Criminal damage", "V1", EMAIL_B, null);
    recordCrime(OTHER_FORCE, CRIME_OTHER, "Theft", "V1", EMAIL_OTHER, null);
    Instant now = db.clock().instant();
    tmc.timeline()
        .add(
            new TimelineEntry(
                FORCE,
                CRIME_A,
                "update-1",
                TimelineKind.OFFICER_UPDATE,
                new LocalizedText(
                    "We have checked the CCTV from the shops nearby.\n\nWe will call you next week.",
                    "Rydym wedi gwirio'r teledu cylch cyfyng o'r siopau cyfagos."),
                now.plus(Duration.ofHours(1)),
                now.plus(Duration.ofHours(1))));
    tmc.property()
        .save(
            new PropertyItem(
                FORCE, CRIME_A, "P1", "Silver laptop", PropertyStatus.STOLEN, 90000L, now));
    tmc.cadence().refresh(FORCE, CRIME_A);
    this.portal = portal(tmc);
    this.server = serve(FORCE);
    this.otherServer = serve(OTHER_FORCE);
  }

  static VictimPortal portal(TrackMyCrime tmc) {
    return VictimPortal.builder(tmc)
        .passwordHasher(new PasswordHasher(new PasswordHasher.Params(1024, 1, 1)))
        .throttle(
            new SignInThrottle(
                tmc.clock(),
                new SignInThrottle.Limit(5, Duration.ofMinutes(5)),
                new SignInThrottle.Limit(500, Duration.ofSeconds(1))))
        .build();
  }

  void recordCrime(
      String force, String crime, String category, String victimRef, String email, String officer) {
    Victim v = Victim.builder(force, crime, victimRef).name("Alex", "Morgan").email(email).build();
    Crime c = Crime.recorded(force, crime, category, db.clock().instant());
    tmc.crimeService().record(officer == null ? c : c.withOfficerRef(officer), List.of(v), STAFF);
    tmc.enrolment()
        .assessRisk(force, crime, victimRef, Actor.officer("4321"), true, List.of(), null);
  }

  private HttpServer serve(String force) {
    try {
      HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      Router r =
          VictimPortalWeb.builder(tmc, portal)
              .force(force)
              .secretKey(key(force))
              .supportServices(
                  List.of(
                      new SupportService(
                          "Victim Support",
                          new LocalizedText(
                              "Free, confidential help for anyone affected by crime.",
                              "Help am ddim a chyfrinachol i unrhyw un y mae trosedd wedi effeithio arno."),
                          "https://www.victimsupport.org.uk",
                          "0808 168 9111")))
              .build()
              .routes();
      if (force.equals(FORCE)) {
        router = r;
      }
      JdkHttpServerAdapter.mount(s, r);
      s.start();
      return s;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] key(String force) {
    byte[] key = new byte[32];
    key[0] = (byte) force.length();
    return key;
  }

  /** The opaque id of a crime's page on its force's portal. */
  static String crimeId(String force, String crime) {
    return new OpaqueIds(key(force)).of(force, crime, "V1");
  }

  /** An address on the demo force's portal. */
  String url(String path) {
    return "http://localhost:" + server.getAddress().getPort() + "/" + path;
  }

  /** An address on the other force's portal. */
  String otherUrl(String path) {
    return "http://localhost:" + otherServer.getAddress().getPort() + "/" + path;
  }

  /** An invitation link for a victim, as the alert would carry it. */
  String invitationLink(String force, String crime, String path) {
    Invitation inv = portal.invite(force, crime, "V1", Channel.EMAIL, STAFF);
    return path + VictimPortal.ACTIVATION_PATH + inv.token();
  }

  /** Activates the victim's account directly, so a test can start signed out with an account. */
  void account(String force, String crime) {
    Invitation inv = portal.invite(force, crime, "V1", Channel.EMAIL, STAFF);
    if (!portal.activate(inv.token(), crime, PASSWORD).signedIn()) {
      throw new IllegalStateException("activation failed");
    }
  }

  @Override
  public void close() {
    server.stop(0);
    otherServer.stop(0);
  }
}
