package org.trackmycrime.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.trackmycrime.core.NotFoundException;
import org.trackmycrime.core.TrackMyCrime;
import org.trackmycrime.core.ValidationException;
import org.trackmycrime.core.cadence.CaseObligation;
import org.trackmycrime.core.cadence.Obligation;
import org.trackmycrime.core.ingest.IngestStatus;
import org.trackmycrime.core.ingest.RawEvent;
import org.trackmycrime.core.internal.jdbi.Db;
import org.trackmycrime.core.model.Actor;
import org.trackmycrime.core.model.ActorType;
import org.trackmycrime.core.model.Channel;
import org.trackmycrime.core.model.Crime;
import org.trackmycrime.core.model.EnrolmentAction;
import org.trackmycrime.core.model.EnrolmentTransition;
import org.trackmycrime.core.model.Force;
import org.trackmycrime.core.model.ForceSettings;
import org.trackmycrime.core.model.Language;
import org.trackmycrime.core.model.Victim;
import org.trackmycrime.notifications.DispatchConfig;
import org.trackmycrime.notifications.Dispatcher;
import org.trackmycrime.notifications.ForceMessaging;
import org.trackmycrime.notifications.OutgoingMessage;
import org.trackmycrime.portal.SignInResult.Status;
import org.trackmycrime.portal.internal.HashingGate;
import org.trackmycrime.portal.internal.Totp;
import org.trackmycrime.testing.MutableClock;
import org.trackmycrime.testing.TmcDatabase;
import org.trackmycrime.testing.notifications.RecordingChannel;

/**
 * Password reset, second factors, the victim's settings and their effect on the dispatcher, with a
 * victim recorded by real record events; run on H2 and PostgreSQL by the subclasses.
 */
abstract class AbstractAccountSecurityTest {
  static final String FORCE = "demo-force";
  static final String CRIME = "5226012345";
  static final String EMAIL = "alex.morgan@example.org";
  static final String MOBILE = "+447700900123";
  static final String PASSWORD = "correct horse battery staple";
  static final String NEW_PASSWORD = "a brand new passphrase";
  static final String PORTAL = "https://victims.example.org";
  static final ObjectMapper JSON = new ObjectMapper();

  abstract TmcDatabase db();

  TrackMyCrime tmc;
  MutableClock clock;
  RecordingChannel email;
  RecordingChannel sms;
  Dispatcher dispatcher;
  VictimPortal portal;
  int events;

  @BeforeEach
  void setUp() {
    tmc = db().trackMyCrime();
    clock = db().clock();
    tmc.forces().save(new Force(FORCE, "Demo Police", ForceSettings.defaults()));
    email = RecordingChannel.email();
    sms = RecordingChannel.sms();
    dispatcher =
        Dispatcher.builder()
            .trackMyCrime(tmc)
            .channel(email)
            .channel(sms)
            .config(
                DispatchConfig.builder()
                    .defaultMessaging(ForceMessaging.builder(PORTAL).build())
                    .build())
            .build();
    portal = portal(new byte[32]);
    recorded();
  }

  VictimPortal portal(byte[] key) {
    return VictimPortal.builder(tmc)
        .passwordHasher(new PasswordHasher(new PasswordHasher.Params(1024, 1, 1)))
        .throttle(
            new SignInThrottle(
                clock,
                new SignInThrottle.Limit(3, Duration.ofMinutes(5)),
                new SignInThrottle.Limit(50, Duration.ofSeconds(10))))
        .dispatcher(dispatcher)
        .secretKey(key)
        .build();
  }

  // ---------------------------------------------------------------- fixtures

  String event(String type, Instant at, Consumer<ObjectNode> data) {
    ObjectNode root = JSON.createObjectNode();
    root.put("schema", "trackmycrime.record-event/1");
    root.put("eventId", "niche-" + (++events));
    root.put("source", "niche-prod");
    root.put("force", FORCE);
    root.put("crimeReference", CRIME);
    root.put("occurredAt", at.toString());
    root.put("type", type);
    data.accept(root.putObject("data"));
    return root.toString();
  }

  void ingest(String json) {
    assertThat(tmc.ingest().ingest(new RawEvent(json, "test")).status())
        .isEqualTo(IngestStatus.APPLIED);
  }

  void recorded() {
    Instant t = clock.instant();
    ingest(
        event(
            "CRIME_RECORDED",
            t.minusSeconds(600),
            d -> {
              d.put("reportedAt", t.minusSeconds(900).toString());
              d.putObject("offence").put("category", "Burglary");
              ObjectNode v = d.putArray("victims").addObject();
              v.put("victimRef", "V1");
              v.put("givenName", "Alex");
              v.put("familyName", "Morgan");
              v.put("email", EMAIL);
              v.put("mobile", "07700 900123");
            }));
    ingest(
        event(
            "RISK_ASSESSED",
            t.minusSeconds(300),
            d -> d.put("victimRef", "V1").put("suitable", true).put("assessedBy", "4321")));
  }

  void officerUpdate(String text) {
    ingest(
        event(
            "OFFICER_UPDATE", clock.instant(), d -> d.put("officerRef", "4321").put("text", text)));
  }

  /** Invites by the channel, delivers the invitation, activates it; returns the session id. */
  String activated(Channel channel) {
    Invitation inv = portal.sendInvitation(FORCE, CRIME, "V1", channel, Actor.staff("S1"), PORTAL);
    dispatcher.runOnce();
    RecordingChannel to = channel == Channel.EMAIL ? email : sms;
    OutgoingMessage sent = last(to, "VICTIM_INVITATION");
    assertThat(sent.personalisation().get("link"))
        .isEqualTo(PORTAL + "/" + VictimPortal.ACTIVATION_PATH + inv.token());
    SignInResult r = portal.activate(inv.token(), CRIME, PASSWORD);
    assertThat(r.status()).isEqualTo(Status.SIGNED_IN);
    email.clear();
    sms.clear();
    return r.sessionId().orElseThrow();
  }

  String activated() {
    return activated(Channel.EMAIL);
  }

  PortalSession session(String id) {
    return portal.session(id).orElseThrow();
  }

  static OutgoingMessage last(RecordingChannel channel, String kind) {
    List<OutgoingMessage> of =
        channel.received().stream().filter(m -> kind.equals(m.templateKey())).toList();
    assertThat(of).as("a %s on %s", kind, channel.kind()).isNotEmpty();
    return of.get(of.size() - 1);
  }

  static String token(OutgoingMessage resetMessage) {
    String link = resetMessage.personalisation().get("link");
    return link.substring(link.lastIndexOf('/') + 1);
  }

  String resetToken() {
    dispatcher.runOnce();
    return token(last(email, "VICTIM_PASSWORD_RESET"));
  }

  List<String> allAuditDetails() {
    return Db.of(tmc)
        .with(
            "test",
            h ->
                h.createQuery(
                        "SELECT subject_ref || ' ' || COALESCE(detail, '') FROM tmc_audit_event")
                    .mapTo(String.class)
                    .list());
  }

  // ---------------------------------------------------------------- invitations

  @Test
  void anInvitationIsQueuedWithItsLinkOnTheChosenChannelOnly() {
    portal.sendInvitation(FORCE, CRIME, "V1", Channel.SMS, Actor.staff("S1"), PORTAL);
    dispatcher.runOnce();
    OutgoingMessage text = last(sms, "VICTIM_INVITATION");
    assertThat(text.to()).isEqualTo(MOBILE);
    assertThat(text.textBody()).contains(PORTAL + "/a/");
    assertThat(email.received()).isEmpty();
  }

  @Test
  void sendingAnInvitationNeedsADispatcher() {
    VictimPortal without = VictimPortal.builder(tmc).build();
    assertThatThrownBy(
            () ->
                without.sendInvitation(
                    FORCE, CRIME, "V1", Channel.EMAIL, Actor.staff("S1"), PORTAL))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("dispatcher");
  }

  // ---------------------------------------------------------------- password reset

  @Test
  void aResetLinkGoesToTheSignInContactAndWorksOnce() {
    activated();
    portal.requestReset(FORCE, "Alex.Morgan@Example.org", "c1", PORTAL);
    dispatcher.runOnce();
    OutgoingMessage mail = last(email, "VICTIM_PASSWORD_RESET");
    assertThat(mail.to()).isEqualTo(EMAIL);
    assertThat(mail.personalisation().get("link")).startsWith(PORTAL + "/r/");
    assertThat(sms.received()).as("only on the sign-in channel").isEmpty();
    String token = token(mail);

    assertThat(portal.resetTokenValid(token)).isTrue();
    assertThat(portal.completeReset(token, NEW_PASSWORD)).isTrue();
    assertThat(portal.completeReset(token, "yet another passphrase")).as("single use").isFalse();
    assertThat(portal.resetTokenValid(token)).isFalse();
    assertThat(portal.signIn(FORCE, EMAIL, PASSWORD, "c1", null).status())
        .isEqualTo(Status.INVALID_CREDENTIALS);
    assertThat(portal.signIn(FORCE, EMAIL, NEW_PASSWORD, "c1", null).signedIn()).isTrue();
  }

  @Test
  void anAccountThatSignsInByMobileGetsItsResetLinkByText() {
    activated(Channel.SMS);
    portal.requestReset(FORCE, "07700 900123", "c1", PORTAL);
    dispatcher.runOnce();
    assertThat(last(sms, "VICTIM_PASSWORD_RESET").to()).isEqualTo(MOBILE);
    assertThat(email.received()).isEmpty();
  }

  @Test
  void anUnknownNameGetsTheSameAnswerAndNothingIsSent() {
    activated();
    int rowsBefore = outboxRows();
    portal.requestReset(FORCE, "nobody@example.org", "c1", PORTAL);
    portal.requestReset(FORCE, "not even an address", "c1", PORTAL);
    portal.requestReset("other-force", EMAIL, "c1", PORTAL);
    assertThat(outboxRows()).isEqualTo(rowsBefore);
    portal.requestReset(FORCE, EMAIL, "c1", PORTAL);
    assertThat(outboxRows()).isEqualTo(rowsBefore + 1);
    assertThat(allAuditDetails()).noneMatch(d -> d.contains("@"));
  }

  @Test
  void aResetLinkExpiresAfterAnHour() {
    activated();
    portal.requestReset(FORCE, EMAIL, "c1", PORTAL);
    String token = resetToken();
    clock.advance(Duration.ofMinutes(59));
    assertThat(portal.resetTokenValid(token)).isTrue();
    clock.advance(Duration.ofMinutes(1));
    assertThat(portal.resetTokenValid(token)).isFalse();
    assertThat(portal.completeReset(token, NEW_PASSWORD)).isFalse();
  }

  @Test
  void aResetEndsEverySessionAndIsAudited() {
    String a = activated();
    String b = portal.signIn(FORCE, EMAIL, PASSWORD, "c1", null).sessionId().orElseThrow();
    portal.requestReset(FORCE, EMAIL, "c1", PORTAL);
    assertThat(portal.completeReset(resetToken(), NEW_PASSWORD)).isTrue();
    assertThat(portal.session(a)).isEmpty();
    assertThat(portal.session(b)).isEmpty();
    assertThat(allAuditDetails()).anyMatch(d -> d.contains("portal password reset"));
  }

  @Test
  void aRefusedNewPasswordLeavesTheLinkUsable() {
    activated();
    portal.requestReset(FORCE, EMAIL, "c1", PORTAL);
    String token = resetToken();
    assertThatThrownBy(() -> portal.completeReset(token, "short"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("password: must be at least 8 characters");
    assertThat(portal.completeReset(token, NEW_PASSWORD)).isTrue();
  }

  @Test
  void aSignInBeyondTheHashingLimitIsToldToTryLaterAndCountsNoFailure() throws Exception {
    activated();
    HashingGate gate = new HashingGate(1, 0);
    VictimPortal gated =
        VictimPortal.builder(tmc)
            .passwordHasher(new PasswordHasher(new PasswordHasher.Params(1024, 1, 1)))
            .throttle(
                new SignInThrottle(
                    clock,
                    new SignInThrottle.Limit(3, Duration.ofMinutes(5)),
                    new SignInThrottle.Limit(50, Duration.ofSeconds(10))))
            .secretKey(new byte[32])
            .hashingGate(gate)
            .build();
    CountDownLatch inside = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Thread blocked =
        new Thread(
            () ->
                gate.tryRun(
                    () -> {
                      inside.countDown();
                      try {
                        return release.await(30, TimeUnit.SECONDS);
                      } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return false;
                      }
                    }));
    blocked.start();
    try {
      assertThat(inside.await(30, TimeUnit.SECONDS)).isTrue();
      // more attempts than the account's limit of 3 failures: none is hashed, none counted
      for (int i = 0; i < 5; i++) {
        SignInResult refused = gated.signIn(FORCE, EMAIL, "wrong password!", "c1", null);
        assertThat(refused.status()).isEqualTo(Status.TRY_AGAIN_LATER);
        assertThat(refused.retryAfter()).isPositive();
        assertThat(refused.sessionId()).isEmpty();
      }
    } finally {
      release.countDown();
      blocked.join(30_000);
    }
    assertThat(gated.signIn(FORCE, EMAIL, PASSWORD, "c1", null).signedIn())
        .as("the refused attempts were not counted as failures")
        .isTrue();
  }

  @Test
  void aThrottledSignInCanStillBeReset() {
    activated();
    for (int i = 0; i < 3; i++) {
      portal.signIn(FORCE, EMAIL, "wrong password!", "c1", null);
    }
    assertThat(portal.signIn(FORCE, EMAIL, PASSWORD, "c1", null).status())
        .isEqualTo(Status.TRY_AGAIN_LATER);
    portal.requestReset(FORCE, EMAIL, "c1", PORTAL);
    assertThat(portal.completeReset(resetToken(), NEW_PASSWORD)).isTrue();
    assertThat(portal.signIn(FORCE, EMAIL, NEW_PASSWORD, "c1", null).signedIn())
        .as("the reset forgets the failures")
        .isTrue();
  }

  @Test
  void resetRequestsAreThrottledPerAccount() {
    activated();
    int before = outboxRows();
    for (int i = 0; i < 5; i++) {
      portal.requestReset(FORCE, EMAIL, "c" + i, PORTAL);
    }
    assertThat(outboxRows()).isEqualTo(before + 3);
    clock.advance(Duration.ofMinutes(5));
    portal.requestReset(FORCE, EMAIL, "c9", PORTAL);
    assertThat(outboxRows()).isEqualTo(before + 4);
  }

  // ---------------------------------------------------------------- TOTP

  String enrolTotp(PortalSession s) {
    TotpEnrolment e = portal.startTotp(s);
    assertThat(e.otpauthUri().toString())
        .startsWith("otpauth://totp/Demo%20Police:")
        .contains("secret=" + e.secret());
    assertThat(e.toString()).doesNotContain(e.secret());
    assertThat(portal.secondFactor(s)).isEqualTo(SecondFactor.NONE);
    long step = Totp.step(clock.instant());
    assertThat(portal.confirmTotp(s, wrong(Totp.code(e.secret(), step)))).isFalse();
    assertThat(portal.confirmTotp(s, Totp.code(e.secret(), step))).isTrue();
    assertThat(portal.secondFactor(s)).isEqualTo(SecondFactor.TOTP);
    return e.secret();
  }

  static String wrong(String code) {
    return code.equals("000000") ? "111111" : "000000";
  }

  String pendingTotp() {
    SignInResult r = portal.signIn(FORCE, EMAIL, PASSWORD, "c1", null);
    assertThat(r.status()).isEqualTo(Status.SECOND_FACTOR_REQUIRED);
    assertThat(r.secondFactor()).isEqualTo(SecondFactor.TOTP);
    assertThat(r.sessionId()).isEmpty();
    return r.pendingToken().orElseThrow();
  }

  @Test
  void withAnAuthenticatorAppTheRightCodeStartsTheSession() {
    String secret = enrolTotp(session(activated()));
    clock.advance(Duration.ofSeconds(30));
    String pending = pendingTotp();
    String code = Totp.code(secret, Totp.step(clock.instant()));
    assertThat(portal.completeSecondFactor(pending, wrong(code), "c1", null).status())
        .isEqualTo(Status.INVALID_CODE);
    SignInResult r = portal.completeSecondFactor(pending, code, "c1", null);
    assertThat(r.status()).isEqualTo(Status.SIGNED_IN);
    assertThat(portal.session(r.sessionId().orElseThrow())).isPresent();
    assertThat(portal.completeSecondFactor(pending, code, "c1", null).status())
        .as("the pending sign-in is used up")
        .isEqualTo(Status.SIGN_IN_AGAIN);
  }

  @Test
  void aUsedCodeCannotBeReplayed() {
    String secret = enrolTotp(session(activated()));
    clock.advance(Duration.ofSeconds(30));
    String code = Totp.code(secret, Totp.step(clock.instant()));
    assertThat(portal.completeSecondFactor(pendingTotp(), code, "c1", null).signedIn()).isTrue();
    assertThat(portal.completeSecondFactor(pendingTotp(), code, "c1", null).status())
        .isEqualTo(Status.INVALID_CODE);
    clock.advance(Duration.ofSeconds(30));
    String next = Totp.code(secret, Totp.step(clock.instant()));
    assertThat(portal.completeSecondFactor(pendingTotp(), next, "c1", null).signedIn()).isTrue();
  }

  @Test
  void anOldCodeIsRefusedAndADriftOfOneStepAccepted() {
    String secret = enrolTotp(session(activated()));
    clock.advance(Duration.ofMinutes(5));
    long now = Totp.step(clock.instant());
    assertThat(
            portal
                .completeSecondFactor(pendingTotp(), Totp.code(secret, now - 2), "c1", null)
                .status())
        .isEqualTo(Status.INVALID_CODE);
    assertThat(
            portal
                .completeSecondFactor(pendingTotp(), Totp.code(secret, now - 1), "c1", null)
                .signedIn())
        .isTrue();
  }

  @Test
  void aPendingSignInExpiresAndAllowsFiveTries() {
    String secret = enrolTotp(session(activated()));
    String pending = pendingTotp();
    clock.advance(Duration.ofMinutes(10));
    assertThat(
            portal
                .completeSecondFactor(
                    pending, Totp.code(secret, Totp.step(clock.instant())), "c1", null)
                .status())
        .isEqualTo(Status.SIGN_IN_AGAIN);
    String again = pendingTotp();
    String code = Totp.code(secret, Totp.step(clock.instant()));
    for (int i = 0; i < 4; i++) {
      assertThat(portal.completeSecondFactor(again, wrong(code), "c1", null).status())
          .isEqualTo(Status.INVALID_CODE);
    }
    assertThat(portal.completeSecondFactor(again, wrong(code), "c1", null).status())
        .isEqualTo(Status.SIGN_IN_AGAIN);
    assertThat(portal.completeSecondFactor(again, code, "c1", null).status())
        .isEqualTo(Status.SIGN_IN_AGAIN);
  }

  @Test
  void theAuthenticatorSecretIsStoredSealed() {
    String secret = enrolTotp(session(activated()));
    String stored =
        Db.of(tmc)
            .with(
                "test",
                h ->
                    h.createQuery("SELECT totp_secret FROM tmc_portal_second_factor")
                        .mapTo(String.class)
                        .one());
    assertThat(stored).startsWith("v1:").doesNotContain(secret);
    VictimPortal otherKey =
        portal(
            new byte[] {
              1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24,
              25, 26, 27, 28, 29, 30, 31, 32
            });
    String pending =
        otherKey.signIn(FORCE, EMAIL, PASSWORD, "c1", null).pendingToken().orElseThrow();
    assertThatThrownBy(
            () ->
                otherKey.completeSecondFactor(
                    pending, Totp.code(secret, Totp.step(clock.instant())), "c1", null))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void turningTheSecondFactorOffNeedsThePassword() {
    PortalSession s = session(activated());
    enrolTotp(s);
    assertThat(portal.disableSecondFactor(s, "wrong password!", "c1").outcome())
        .isEqualTo(PasswordConfirmation.Outcome.WRONG_PASSWORD);
    assertThat(portal.secondFactor(s)).isEqualTo(SecondFactor.TOTP);
    assertThat(portal.disableSecondFactor(s, PASSWORD, "c1").done()).isTrue();
    assertThat(portal.secondFactor(s)).isEqualTo(SecondFactor.NONE);
    assertThat(portal.signIn(FORCE, EMAIL, PASSWORD, "c1", null).signedIn()).isTrue();
    assertThat(allAuditDetails())
        .anyMatch(d -> d.contains("second factor set to TOTP"))
        .anyMatch(d -> d.contains("second factor turned off"));
  }

  @Test
  void aCrimeIsLinkedOnceTheSecondFactorIsCompleted() {
    String secret = enrolTotp(session(activated()));
    clock.advance(Duration.ofSeconds(30));
    Victim second =
        Victim.builder(FORCE, "5226099999", "V1").name("Alex", "Morgan").email(EMAIL).build();
    tmc.crimeService()
        .record(
            Crime.recorded(FORCE, "5226099999", "Burglary", clock.instant()),
            List.of(second),
            Actor.officer("4321"));
    tmc.enrolment()
        .assessRisk(FORCE, "5226099999", "V1", Actor.officer("4321"), true, List.of(), null);
    Invitation inv = portal.invite(FORCE, "5226099999", "V1", Channel.EMAIL, Actor.staff("S1"));
    SignInResult r = portal.linkBySigningIn(inv.token(), "5226099999", EMAIL, PASSWORD, "c1");
    assertThat(r.status()).isEqualTo(Status.SECOND_FACTOR_REQUIRED);
    SignInResult done =
        portal.completeSecondFactor(
            r.pendingToken().orElseThrow(),
            Totp.code(secret, Totp.step(clock.instant())),
            "c1",
            null);
    assertThat(done.signedIn()).isTrue();
    assertThat(portal.crimes(done.session().orElseThrow()))
        .extracting(VictimPortal.CrimeLink::crimeReference)
        .containsExactlyInAnyOrder(CRIME, "5226099999");
  }

  // ---------------------------------------------------------------- codes by text

  String smsEnrolled(PortalSession s) {
    assertThat(portal.startSmsSecondFactor(s)).isTrue();
    dispatcher.runOnce();
    OutgoingMessage text = last(sms, "VICTIM_SIGN_IN_CODE");
    assertThat(text.to()).isEqualTo(MOBILE);
    String code = text.personalisation().get("code");
    assertThat(code).matches("\\d{6}");
    assertThat(text.textBody()).contains(code);
    assertThat(portal.confirmSmsSecondFactor(s, wrong(code))).isFalse();
    assertThat(portal.confirmSmsSecondFactor(s, code)).isTrue();
    assertThat(portal.secondFactor(s)).isEqualTo(SecondFactor.SMS);
    sms.clear();
    return code;
  }

  String pendingSms() {
    SignInResult r = portal.signIn(FORCE, EMAIL, PASSWORD, "c1", null);
    assertThat(r.status()).isEqualTo(Status.SECOND_FACTOR_REQUIRED);
    assertThat(r.secondFactor()).isEqualTo(SecondFactor.SMS);
    return r.pendingToken().orElseThrow();
  }

  String lastCode() {
    dispatcher.runOnce();
    return last(sms, "VICTIM_SIGN_IN_CODE").personalisation().get("code");
  }

  @Test
  void aCodeByTextStartsTheSession() {
    smsEnrolled(session(activated()));
    String pending = pendingSms();
    String code = lastCode();
    SignInResult r = portal.completeSecondFactor(pending, code, "c1", null);
    assertThat(r.signedIn()).isTrue();
  }

  @Test
  void aTextCodeExpiresAfterTenMinutes() {
    smsEnrolled(session(activated()));
    String pending = pendingSms();
    String code = lastCode();
    clock.advance(Duration.ofMinutes(10));
    assertThat(portal.completeSecondFactor(pending, code, "c1", null).status())
        .isEqualTo(Status.SIGN_IN_AGAIN);
  }

  @Test
  void aTextCodeAllowsFiveTries() {
    smsEnrolled(session(activated()));
    String pending = pendingSms();
    String code = lastCode();
    for (int i = 0; i < 4; i++) {
      assertThat(portal.completeSecondFactor(pending, wrong(code), "c1", null).status())
          .isEqualTo(Status.INVALID_CODE);
    }
    assertThat(portal.completeSecondFactor(pending, wrong(code), "c1", null).status())
        .isEqualTo(Status.SIGN_IN_AGAIN);
    assertThat(portal.completeSecondFactor(pending, code, "c1", null).status())
        .isEqualTo(Status.SIGN_IN_AGAIN);
  }

  @Test
  void aResentCodeReplacesTheOldOne() {
    smsEnrolled(session(activated()));
    String pending = pendingSms();
    String first = lastCode();
    assertThat(portal.resendSignInCode(pending)).isTrue();
    String second = lastCode();
    if (!first.equals(second)) {
      assertThat(portal.completeSecondFactor(pending, first, "c1", null).status())
          .isEqualTo(Status.INVALID_CODE);
    }
    assertThat(portal.completeSecondFactor(pending, second, "c1", null).signedIn()).isTrue();
  }

  // ---------------------------------------------------------------- settings

  VictimSettings.Change change(Set<Channel> channels, Language lang, Integer days) {
    return new VictimSettings.Change(channels, lang, null, null, days);
  }

  @Test
  void settingsShowTheVictimsChoicesAndDefaults() {
    PortalSession s = session(activated());
    VictimSettings.View v = portal.settings().view(s, CRIME);
    assertThat(v.channels()).containsExactlyInAnyOrder(Channel.EMAIL, Channel.SMS);
    assertThat(v.language()).isEqualTo(Language.EN);
    assertThat(v.quietHoursChosen()).isFalse();
    assertThat(v.quietFrom()).as("the dispatcher's default").isEqualTo(LocalTime.of(21, 0));
    assertThat(v.quietUntil()).isEqualTo(LocalTime.of(8, 0));
    assertThat(v.minUpdateFrequencyDays()).isEqualTo(7);
    assertThat(v.maxUpdateFrequencyDays()).isEqualTo(28);
    assertThat(v.optedOut()).isFalse();
    assertThat(v.email()).isEqualTo(EMAIL);
    assertThat(v.toString()).doesNotContain(EMAIL).doesNotContain(MOBILE);
    assertThatThrownBy(() -> portal.settings().view(s, "5226000000"))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void badSettingsNameEveryField() {
    PortalSession s = session(activated());
    assertThatThrownBy(
            () ->
                portal
                    .settings()
                    .change(
                        s,
                        CRIME,
                        new VictimSettings.Change(Set.of(), null, LocalTime.of(21, 0), null, 3)))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.problems())
                    .extracting(ValidationException.Problem::field)
                    .containsExactlyInAnyOrder(
                        "channels", "language", "quietUntil", "updateFrequencyDays"));
    assertThatThrownBy(
            () ->
                portal
                    .settings()
                    .change(
                        s,
                        CRIME,
                        new VictimSettings.Change(
                            Set.of(Channel.EMAIL),
                            Language.EN,
                            LocalTime.of(21, 0),
                            LocalTime.of(21, 0),
                            29)))
        .hasMessageContaining("quietUntil: must be different from the start time")
        .hasMessageContaining("updateFrequencyDays: must be between 7 and 28 days");
  }

  @Test
  void preferencesSurviveALaterRecordEvent() {
    PortalSession s = session(activated());
    portal.settings().change(s, CRIME, change(Set.of(Channel.SMS), Language.CY, 14));
    clock.advance(Duration.ofMinutes(1));
    ingest(
        event(
            "VICTIM_DETAILS_CHANGED",
            clock.instant(),
            d -> d.put("victimRef", "V1").put("preferredLanguage", "en")));
    Victim v = tmc.victims().find(FORCE, CRIME, "V1").orElseThrow();
    assertThat(v.language()).isEqualTo(Language.CY);
    assertThat(v.updateFrequencyDays()).isEqualTo(14);
    VictimSettings.View view = portal.settings().view(s, CRIME);
    assertThat(view.channels()).containsExactly(Channel.SMS);
    assertThat(view.language()).isEqualTo(Language.CY);
    assertThat(view.updateFrequencyDays()).isEqualTo(14);
  }

  Instant nextRegularUpdate() {
    return tmc.cadence().forCrime(FORCE, CRIME).stream()
        .filter(o -> o.victimRef().equals("V1"))
        .filter(o -> o.kind() == Obligation.Kind.REGULAR_UPDATE)
        .filter(o -> o.status() == Obligation.Status.PENDING)
        .map(CaseObligation::dueAt)
        .min(Instant::compareTo)
        .orElseThrow();
  }

  @Test
  void theChosenUpdateIntervalDrivesTheCadence() {
    PortalSession s = session(activated());
    portal.settings().change(s, CRIME, change(Set.of(Channel.EMAIL), Language.EN, 7));
    Instant weekly = nextRegularUpdate();
    portal.settings().change(s, CRIME, change(Set.of(Channel.EMAIL), Language.EN, 28));
    Instant monthly = nextRegularUpdate();
    assertThat(monthly).isAfter(weekly.plus(Duration.ofDays(14)));
  }

  @Test
  void theDispatcherHonoursTheChosenChannelAndLanguage() {
    PortalSession s = session(activated());
    portal.settings().change(s, CRIME, change(Set.of(Channel.SMS), Language.CY, null));
    officerUpdate("An update.");
    clock.advance(Duration.ofMinutes(11));
    dispatcher.runOnce();
    assertThat(email.received()).isEmpty();
    OutgoingMessage text = last(sms, "VICTIM_UPDATE");
    assertThat(text.language()).isEqualTo(Language.CY);
    assertThat(text.textBody()).startsWith("Mae diweddariad");
  }

  @Test
  void textsWaitForTheVictimsOwnQuietHours() {
    // 09:00 in March, UK time: outside the service's default quiet hours (21:00-08:00)
    PortalSession s = session(activated());
    portal
        .settings()
        .change(
            s,
            CRIME,
            new VictimSettings.Change(
                Set.of(Channel.EMAIL, Channel.SMS),
                Language.EN,
                LocalTime.of(9, 0),
                LocalTime.of(12, 0),
                null));
    officerUpdate("An update.");
    clock.advance(Duration.ofMinutes(11));
    dispatcher.runOnce();
    assertThat(email.received()).hasSize(1);
    assertThat(sms.received()).as("quiet until 12:00").isEmpty();
    clock.set(Instant.parse("2026-03-02T12:00:00Z"));
    dispatcher.runOnce();
    assertThat(last(sms, "VICTIM_UPDATE").to()).isEqualTo(MOBILE);
  }

  @Test
  void aVictimWithNoQuietHoursIsTextedAtNight() {
    PortalSession s = session(activated());
    portal
        .settings()
        .change(s, CRIME, change(Set.of(Channel.SMS), Language.EN, null)); // no quiet hours
    clock.set(Instant.parse("2026-03-02T22:30:00Z"));
    officerUpdate("An update.");
    clock.advance(Duration.ofMinutes(11));
    dispatcher.runOnce();
    assertThat(last(sms, "VICTIM_UPDATE").to()).isEqualTo(MOBILE);
  }

  @Test
  void withoutAChoiceTheDefaultQuietHoursStillApply() {
    activated();
    clock.set(Instant.parse("2026-03-02T22:30:00Z"));
    officerUpdate("An update.");
    clock.advance(Duration.ofMinutes(11));
    dispatcher.runOnce();
    assertThat(sms.received()).isEmpty();
    assertThat(email.received()).hasSize(1);
  }

  @Test
  void optingOutAndBackInGoesThroughTheEnrolmentAsTheVictim() {
    PortalSession s = session(activated());
    assertThat(portal.settings().optOut(s, CRIME, null).optedOut()).isTrue();
    assertThat(portal.settings().optIn(s, CRIME, "I want updates again").optedOut()).isFalse();
    List<EnrolmentTransition> history =
        tmc.victims().find(FORCE, CRIME, "V1").orElseThrow().enrolment().history();
    assertThat(history.subList(history.size() - 2, history.size()))
        .extracting(EnrolmentTransition::action, t -> t.actor().type())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(EnrolmentAction.OPT_OUT, ActorType.VICTIM),
            org.assertj.core.groups.Tuple.tuple(EnrolmentAction.OPT_IN, ActorType.VICTIM));
  }

  @Test
  void changingTheEmailNeedsThePasswordAndMovesTheSignInName() {
    PortalSession s = session(activated());
    assertThat(
            portal.settings().changeEmail(s, "wrong password!", "alex@new.example", "c1").outcome())
        .isEqualTo(PasswordConfirmation.Outcome.WRONG_PASSWORD);
    assertThat(tmc.victims().find(FORCE, CRIME, "V1").orElseThrow().email()).isEqualTo(EMAIL);
    assertThatThrownBy(() -> portal.settings().changeEmail(s, PASSWORD, "not an address", "c1"))
        .hasMessageContaining("email: must be a valid email address");

    assertThat(portal.settings().changeEmail(s, PASSWORD, "Alex@New.example", "c1").done())
        .isTrue();
    assertThat(tmc.victims().find(FORCE, CRIME, "V1").orElseThrow().email())
        .isEqualTo("Alex@new.example");
    assertThat(portal.signIn(FORCE, "alex@new.example", PASSWORD, "c1", null).signedIn()).isTrue();
    assertThat(portal.signIn(FORCE, EMAIL, PASSWORD, "c1", null).status())
        .isEqualTo(Status.INVALID_CREDENTIALS);
    assertThat(allAuditDetails())
        .anyMatch(d -> d.contains("portal email changed by the victim"))
        .noneMatch(d -> d.toLowerCase(java.util.Locale.ROOT).contains("alex@new"));
  }

  @Test
  void changingTheMobileOfAnEmailAccountKeepsTheSignInNameAndEndsTheTextFactor() {
    PortalSession s = session(activated());
    smsEnrolled(s);
    assertThat(portal.settings().changeMobile(s, PASSWORD, "07700 900456", "c1").done()).isTrue();
    assertThat(tmc.victims().find(FORCE, CRIME, "V1").orElseThrow().mobile())
        .isEqualTo("+447700900456");
    assertThat(portal.secondFactor(s)).isEqualTo(SecondFactor.NONE);
    assertThat(portal.signIn(FORCE, EMAIL, PASSWORD, "c1", null).signedIn()).isTrue();
  }

  @Test
  void signInsAreAuditedWithoutTheName() {
    activated();
    portal.signIn(FORCE, EMAIL, "wrong password!", "c1", null);
    portal.signIn(FORCE, "nobody@example.org", "wrong password!", "c1", null);
    portal.signIn(FORCE, EMAIL, "wrong password!", "c1", null);
    portal.signIn(FORCE, EMAIL, "wrong password!", "c1", null);
    portal.signIn(FORCE, EMAIL, PASSWORD, "c1", null);
    assertThat(allAuditDetails())
        .anyMatch(d -> d.endsWith("portal sign-in failed"))
        .anyMatch(d -> d.startsWith("unknown portal sign-in failed"))
        .anyMatch(d -> d.contains("sign-in locked for a while"))
        .anyMatch(d -> d.contains("portal sign-in refused: too many failures"))
        .noneMatch(d -> d.contains("@"));
    clock.advance(Duration.ofMinutes(15));
    portal.signIn(FORCE, EMAIL, PASSWORD, "c1", null);
    assertThat(allAuditDetails()).anyMatch(d -> d.endsWith("portal sign-in succeeded"));
  }

  int outboxRows() {
    return Db.of(tmc)
        .with(
            "test",
            h -> h.createQuery("SELECT COUNT(*) FROM tmc_outbox").mapTo(Integer.class).one());
  }
}
