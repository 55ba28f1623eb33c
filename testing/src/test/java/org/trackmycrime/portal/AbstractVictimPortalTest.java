package org.trackmycrime.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.trackmycrime.core.TrackMyCrime;
import org.trackmycrime.core.ValidationException;
import org.trackmycrime.core.model.Actor;
import org.trackmycrime.core.model.Channel;
import org.trackmycrime.core.model.Crime;
import org.trackmycrime.core.model.Force;
import org.trackmycrime.core.model.ForceSettings;
import org.trackmycrime.core.model.Victim;
import org.trackmycrime.portal.SignInResult.Status;
import org.trackmycrime.testing.TmcDatabase;

/** The portal's security core on a real database; run on H2 and PostgreSQL by the subclasses. */
abstract class AbstractVictimPortalTest {
  static final String FORCE = "demo-force";
  static final String CRIME = "43/123456/26";
  static final String CRIME2 = "43/654321/26";
  static final String EMAIL = "alex.morgan@example.org";
  static final String MOBILE = "+447700900123";
  static final String PASSWORD = "correct horse battery staple";
  static final Actor STAFF = Actor.staff("S1");

  abstract TmcDatabase db();

  TrackMyCrime tmc;
  VictimPortal portal;

  @BeforeEach
  void setUp() {
    tmc = db().trackMyCrime();
    tmc.forces().save(new Force(FORCE, "Demo Police", ForceSettings.defaults()));
    recordVictim(CRIME, true);
    portal =
        VictimPortal.builder(tmc)
            .passwordHasher(new PasswordHasher(new PasswordHasher.Params(1024, 1, 1)))
            .throttle(
                new SignInThrottle(
                    db().clock(),
                    new SignInThrottle.Limit(3, Duration.ofMinutes(5)),
                    new SignInThrottle.Limit(50, Duration.ofSeconds(10))))
            .build();
  }

  void recordVictim(String crime, boolean suitable) {
    Victim v =
        Victim.builder(FORCE, crime, "V1")
            .name("Alex", "Morgan")
            .email(EMAIL)
            .mobile(MOBILE)
            .build();
    tmc.crimeService()
        .record(
            Crime.recorded(FORCE, crime, "Burglary", db().clock().instant()),
            List.of(v),
            Actor.officer("4321"));
    if (suitable) {
      tmc.enrolment().assessRisk(FORCE, crime, "V1", Actor.officer("4321"), true, List.of(), null);
    }
  }

  SignInResult activated() {
    Invitation inv = portal.invite(FORCE, CRIME, "V1", Channel.EMAIL, STAFF);
    SignInResult r = portal.activate(inv.token(), CRIME, PASSWORD);
    assertThat(r.status()).isEqualTo(Status.SIGNED_IN);
    return r;
  }

  // ---------------------------------------------------------------- invitations

  @Test
  void onlyAnEnrolledVictimAssessedSuitableCanBeInvited() {
    recordVictim(CRIME2, false);
    assertThatThrownBy(() -> portal.invite(FORCE, CRIME2, "V1", Channel.EMAIL, STAFF))
        .isInstanceOf(PortalException.class)
        .hasMessageContaining("enrolled and assessed suitable");
    assertThat(portal.invite(FORCE, CRIME, "V1", Channel.EMAIL, STAFF).token())
        .hasSizeGreaterThanOrEqualTo(22);
  }

  @Test
  void theInvitationTokenIsStoredOnlyAsItsHash() throws SQLException {
    Invitation inv = portal.invite(FORCE, CRIME, "V1", Channel.EMAIL, STAFF);
    assertThat(inv.toString()).doesNotContain(inv.token());
    assertThat(column("SELECT token_hash FROM tmc_portal_invitation"))
        .isNotEqualTo(inv.token())
        .hasSize(64);
  }

  @Test
  void activationNeedsTheCrimeReferenceInAnySpacingOrCase() {
    Invitation inv = portal.invite(FORCE, "43/123456/26", "V1", Channel.EMAIL, STAFF);
    assertThat(portal.activate(inv.token(), "43/999999/26", PASSWORD).status())
        .isEqualTo(Status.INVITATION_INVALID);
    assertThat(portal.activate(inv.token(), " 43 / 123456 / 26 ", PASSWORD).status())
        .isEqualTo(Status.SIGNED_IN);
  }

  @Test
  void anInvitationIsSingleUse() {
    Invitation inv = portal.invite(FORCE, CRIME, "V1", Channel.EMAIL, STAFF);
    assertThat(portal.activate(inv.token(), CRIME, PASSWORD).signedIn()).isTrue();
    assertThat(portal.activate(inv.token(), CRIME, "another good passphrase").status())
        .isIn(Status.INVITATION_INVALID, Status.ACCOUNT_EXISTS);
    assertThat(portal.activate(inv.token(), CRIME, "another good passphrase").status())
        .isNotEqualTo(Status.SIGNED_IN);
  }

  @Test
  void anInvitationExpiresAfterItsLifetime() {
    Invitation inv = portal.invite(FORCE, CRIME, "V1", Channel.EMAIL, STAFF);
    assertThat(inv.expiresAt()).isEqualTo(db().clock().instant().plus(Duration.ofDays(7)));
    db().clock().advance(Duration.ofDays(7));
    assertThat(portal.activate(inv.token(), CRIME, PASSWORD).status())
        .isEqualTo(Status.INVITATION_INVALID);
  }

  @Test
  void anInvitationStopsWorkingWhenTheVictimOptsOut() {
    Invitation inv = portal.invite(FORCE, CRIME, "V1", Channel.EMAIL, STAFF);
    tmc.enrolment().optOut(FORCE, CRIME, "V1", Actor.victim("V1"), null);
    assertThat(portal.activate(inv.token(), CRIME, PASSWORD).status())
        .isEqualTo(Status.INVITATION_INVALID);
  }

  @Test
  void aRefusedPasswordNamesTheRuleAndLeavesTheInvitationUsable() {
    Invitation inv = portal.invite(FORCE, CRIME, "V1", Channel.EMAIL, STAFF);
    assertThatThrownBy(() -> portal.activate(inv.token(), CRIME, "demo police rocks"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("password: must not contain the police force's name");
    assertThat(portal.activate(inv.token(), CRIME, PASSWORD).signedIn()).isTrue();
  }

  @Test
  void guessingTheAnswerIsThrottledPerInvitation() {
    Invitation inv = portal.invite(FORCE, CRIME, "V1", Channel.EMAIL, STAFF);
    for (int i = 0; i < 3; i++) {
      portal.activate(inv.token(), "wrong" + i, PASSWORD);
    }
    assertThat(portal.activate(inv.token(), CRIME, PASSWORD).status())
        .isEqualTo(Status.TRY_AGAIN_LATER);
  }

  @Test
  void invitingActivatingAndLinkingAreAudited() throws SQLException {
    activated();
    assertThat(count("SELECT COUNT(*) FROM tmc_audit_event WHERE detail LIKE 'portal invitation%'"))
        .isEqualTo(1);
    assertThat(
            count(
                "SELECT COUNT(*) FROM tmc_audit_event WHERE detail LIKE 'portal account % created'"))
        .isEqualTo(1);
  }

  // ---------------------------------------------------------------- sign-in

  @Test
  void aVictimSignsInWithTheContactTheyWereInvitedOn() {
    activated();
    assertThat(portal.signIn(FORCE, "Alex.Morgan@Example.org", PASSWORD, "c1", null).signedIn())
        .as("email addresses in any case")
        .isTrue();
    assertThat(portal.signIn(FORCE, "07700 900123", PASSWORD, "c1", null).status())
        .as("not invited on the mobile")
        .isEqualTo(Status.INVALID_CREDENTIALS);
  }

  @Test
  void aWrongPasswordAndAnUnknownNameGiveTheSameAnswer() {
    activated();
    assertThat(portal.signIn(FORCE, EMAIL, "wrong password!", "c1", null).status())
        .isEqualTo(Status.INVALID_CREDENTIALS);
    assertThat(portal.signIn(FORCE, "nobody@example.org", PASSWORD, "c1", null).status())
        .isEqualTo(Status.INVALID_CREDENTIALS);
    assertThat(portal.signIn("other-force", EMAIL, PASSWORD, "c1", null).status())
        .as("accounts belong to one force")
        .isEqualTo(Status.INVALID_CREDENTIALS);
  }

  @Test
  void repeatedFailuresAreThrottledEvenForTheRightPasswordThenRecover() {
    activated();
    for (int i = 0; i < 3; i++) {
      portal.signIn(FORCE, EMAIL, "wrong password!", "c1", null);
    }
    SignInResult r = portal.signIn(FORCE, EMAIL, PASSWORD, "c2", null);
    assertThat(r.status()).isEqualTo(Status.TRY_AGAIN_LATER);
    assertThat(r.retryAfter()).isEqualTo(Duration.ofMinutes(5));
    db().clock().advance(Duration.ofMinutes(5));
    assertThat(portal.signIn(FORCE, EMAIL, PASSWORD, "c2", null).signedIn()).isTrue();
  }

  @Test
  void anOldHashIsReplacedAtSignIn() throws SQLException {
    activated();
    VictimPortal stronger =
        VictimPortal.builder(tmc)
            .passwordHasher(new PasswordHasher(new PasswordHasher.Params(2048, 2, 1)))
            .build();
    assertThat(stronger.signIn(FORCE, EMAIL, PASSWORD, "c1", null).signedIn()).isTrue();
    assertThat(column("SELECT password_hash FROM tmc_portal_account")).contains("m=2048,t=2,p=1");
  }

  // ---------------------------------------------------------------- sessions

  @Test
  void theSessionIdIsStoredOnlyAsItsHashAndRotatesAtSignIn() throws SQLException {
    String first = activated().sessionId().orElseThrow();
    assertThat(column("SELECT id_hash FROM tmc_portal_session")).isNotEqualTo(first).hasSize(64);
    String second = portal.signIn(FORCE, EMAIL, PASSWORD, "c1", first).sessionId().orElseThrow();
    assertThat(second).isNotEqualTo(first);
    assertThat(portal.session(first)).as("the old id is ended").isEmpty();
    assertThat(portal.session(second)).isPresent();
  }

  @Test
  void aSessionEndsAfter15MinutesIdle() {
    String id = activated().sessionId().orElseThrow();
    db().clock().advance(Duration.ofMinutes(14));
    assertThat(portal.session(id)).as("activity keeps it alive").isPresent();
    db().clock().advance(Duration.ofMinutes(14));
    assertThat(portal.session(id)).isPresent();
    db().clock().advance(Duration.ofMinutes(15));
    assertThat(portal.session(id)).isEmpty();
  }

  @Test
  void aSessionEndsAfter12HoursWhateverTheActivity() {
    String id = activated().sessionId().orElseThrow();
    Instant start = db().clock().instant();
    while (db().clock().instant().isBefore(start.plus(Duration.ofHours(12)).minusSeconds(600))) {
      db().clock().advance(Duration.ofMinutes(10));
      assertThat(portal.session(id)).isPresent();
    }
    db().clock().set(start.plus(Duration.ofHours(12)));
    assertThat(portal.session(id)).isEmpty();
  }

  @Test
  void signOutEndsTheSession() {
    String id = activated().sessionId().orElseThrow();
    portal.signOut(id);
    assertThat(portal.session(id)).isEmpty();
  }

  @Test
  void changingThePasswordEndsEveryOtherSession() {
    String a = activated().sessionId().orElseThrow();
    String b = portal.signIn(FORCE, EMAIL, PASSWORD, "c1", null).sessionId().orElseThrow();
    SignInResult changed = portal.changePassword(a, PASSWORD, "a brand new passphrase", "c1");
    assertThat(changed.signedIn()).isTrue();
    assertThat(portal.session(a)).isEmpty();
    assertThat(portal.session(b)).isEmpty();
    assertThat(portal.session(changed.sessionId().orElseThrow())).isPresent();
    assertThat(portal.signIn(FORCE, EMAIL, "a brand new passphrase", "c1", null).signedIn())
        .isTrue();
  }

  @Test
  void csrfTokensAreBoundToTheSession() {
    PortalSession mine = portal.session(activated().sessionId().orElseThrow()).orElseThrow();
    PortalSession other =
        portal
            .session(portal.signIn(FORCE, EMAIL, PASSWORD, "c1", null).sessionId().orElseThrow())
            .orElseThrow();
    assertThat(VictimPortal.checkCsrf(mine, mine.csrfToken())).isTrue();
    assertThat(VictimPortal.checkCsrf(mine, other.csrfToken())).isFalse();
    assertThat(VictimPortal.checkCsrf(mine, null)).isFalse();
    assertThat(mine.toString()).doesNotContain(mine.csrfToken());
  }

  // ---------------------------------------------------------------- linking crimes

  @Test
  void aSecondCrimeIsLinkedBySigningInFromItsInvitation() {
    PortalSession s = portal.session(activated().sessionId().orElseThrow()).orElseThrow();
    recordVictim(CRIME2, true);
    Invitation second = portal.invite(FORCE, CRIME2, "V1", Channel.EMAIL, STAFF);
    assertThat(portal.crimes(s))
        .extracting(VictimPortal.CrimeLink::crimeReference)
        .containsExactly(CRIME);
    assertThat(portal.activate(second.token(), CRIME2, "some other passphrase").status())
        .as("never silently matched on contact details")
        .isEqualTo(Status.ACCOUNT_EXISTS);
    assertThat(portal.crimes(s)).hasSize(1);
    SignInResult linked = portal.linkBySigningIn(second.token(), CRIME2, EMAIL, PASSWORD, "c1");
    assertThat(linked.signedIn()).isTrue();
    assertThat(portal.crimes(s))
        .extracting(VictimPortal.CrimeLink::crimeReference)
        .containsExactlyInAnyOrder(CRIME, CRIME2);
  }

  @Test
  void invitedAgainOnTheOtherChannelTheVictimSignsInRatherThanMakingASecondAccount() {
    activated();
    Invitation bySms = portal.invite(FORCE, CRIME, "V1", Channel.SMS, STAFF);
    assertThat(portal.activate(bySms.token(), CRIME, "some other passphrase").status())
        .isEqualTo(Status.ACCOUNT_EXISTS);
    assertThat(portal.linkBySigningIn(bySms.token(), CRIME, EMAIL, PASSWORD, "c1").signedIn())
        .isTrue();
  }

  @Test
  void aMegabytePasswordAtSignInIsRefused() {
    // that it is refused before hashing is shown where it arrives: the HTTP adapters refuse the
    // body (AbstractAdapterContractTest); here, that the service answers like any wrong password
    activated();
    assertThat(portal.signIn(FORCE, EMAIL, "x".repeat(1 << 20), "c1", null).status())
        .isEqualTo(Status.INVALID_CREDENTIALS);
  }

  @Test
  void linkingNeedsTheRightPassword() {
    activated();
    recordVictim(CRIME2, true);
    Invitation second = portal.invite(FORCE, CRIME2, "V1", Channel.EMAIL, STAFF);
    assertThat(
            portal.linkBySigningIn(second.token(), CRIME2, EMAIL, "wrong password!", "c1").status())
        .isEqualTo(Status.INVALID_CREDENTIALS);
    assertThat(portal.linkBySigningIn(second.token(), CRIME2, EMAIL, PASSWORD, "c1").signedIn())
        .isTrue();
  }

  int count(String sql) throws SQLException {
    return Integer.parseInt(column(sql));
  }

  String column(String sql) throws SQLException {
    try (Connection c = db().dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      assertThat(rs.next()).as("a row for " + sql).isTrue();
      return rs.getString(1);
    }
  }
}
