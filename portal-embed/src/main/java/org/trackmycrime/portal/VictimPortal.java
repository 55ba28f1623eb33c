package org.trackmycrime.portal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trackmycrime.core.TrackMyCrime;
import org.trackmycrime.core.TrackMyCrimeException;
import org.trackmycrime.core.internal.jdbi.Db;
import org.trackmycrime.core.model.Actor;
import org.trackmycrime.core.model.AuditAction;
import org.trackmycrime.core.model.AuditEvent;
import org.trackmycrime.core.model.Channel;
import org.trackmycrime.core.model.Consent;
import org.trackmycrime.core.model.ContactDetails;
import org.trackmycrime.core.model.Enrolment;
import org.trackmycrime.core.model.Force;
import org.trackmycrime.core.model.RiskStatus;
import org.trackmycrime.core.model.Victim;
import org.trackmycrime.notifications.Dispatcher;
import org.trackmycrime.portal.internal.Secrets;

/**
 * The security core of the victim portal: invitations, account activation, sign-in, sessions and
 * CSRF tokens, on the {@link TrackMyCrime}'s database and clock. Framework-neutral: pages call
 * these methods and turn the results into responses. Thread-safe.
 *
 * <p>An account exists only for a victim who is enrolled and assessed suitable for contact. An
 * invitation (single-use, expiring, stored hashed) is opened with the crime reference as a
 * question; the victim then chooses a password, and signs in later with the email address or mobile
 * number the invitation went to. Invited again for another crime, a victim who has an account links
 * it by signing in from the new invitation ({@link #linkBySigningIn}); contact details are never
 * matched silently.
 */
public final class VictimPortal {
  private static final Logger LOG = LoggerFactory.getLogger(VictimPortal.class);

  private final TrackMyCrime tmc;
  private final Db db;
  private final Clock clock;
  private final PasswordHasher hasher;
  private final SignInThrottle throttle;
  private final Duration invitationLifetime;
  private final Duration idleTimeout;
  private final Duration absoluteTimeout;
  // verified against when no account matches, so a wrong name costs the same time as a wrong
  // password
  private final String dummyHash;
  private final VictimSettings settings = new VictimSettings(this);

  private VictimPortal(Builder b) {
    this.tmc = b.tmc;
    this.db = Db.of(b.tmc);
    this.clock = b.tmc.clock();
    this.hasher = b.hasher;
    this.throttle = b.throttle != null ? b.throttle : SignInThrottle.defaults(b.tmc.clock());
    this.invitationLifetime = b.invitationLifetime;
    this.idleTimeout = b.idleTimeout;
    this.absoluteTimeout = b.absoluteTimeout;
    this.dummyHash = hasher.hash(Secrets.token(16));
  }

  public static Builder builder(TrackMyCrime tmc) {
    return new Builder(tmc);
  }

  // ---------------------------------------------------------------- invitations and activation

  /**
   * Invites a victim to the portal on one channel. The victim must be enrolled and assessed
   * suitable now, and have a contact detail for the channel. Audited as the staff member or system
   * ({@code actor}) disclosing the portal to the victim's contact.
   *
   * @throws PortalException when the victim is unknown, not eligible or has no such contact
   */
  public Invitation invite(
      String force, String crimeReference, String victimRef, Channel channel, Actor actor) {
    Map<String, String> ctx =
        Map.of(
            TrackMyCrimeException.FORCE, force,
            TrackMyCrimeException.CRIME_REFERENCE, crimeReference,
            TrackMyCrimeException.VICTIM_REF, victimRef);
    Victim victim =
        tmc.victims()
            .find(force, crimeReference, victimRef)
            .orElseThrow(() -> new PortalException("No such victim", ctx));
    Instant now = clock.instant();
    if (!eligible(victim, now)) {
      throw new PortalException(
          "A portal account needs the victim enrolled and assessed suitable; enrolment is "
              + victim.enrolment().stateAt(now),
          ctx);
    }
    String login =
        switch (channel) {
          case EMAIL -> victim.email() == null ? null : victim.email().toLowerCase(Locale.ROOT);
          case SMS -> victim.mobile();
        };
    if (login == null) {
      throw new PortalException("The victim has no contact detail for " + channel, ctx);
    }
    String token = Secrets.token(32);
    Instant expires = now.plus(invitationLifetime);
    db.useTransaction(
        "portal invite",
        h -> {
          h.createUpdate(
                  "INSERT INTO tmc_portal_invitation (token_hash, force_slug, crime_ref,"
                      + " victim_ref, login_kind, login, created_at, expires_at) VALUES (:hash,"
                      + " :force, :crime, :victim, :kind, :login, :now, :expires)")
              .bind("hash", Secrets.sha256(token))
              .bind("force", force)
              .bind("crime", crimeReference)
              .bind("victim", victimRef)
              .bind("kind", channel.name())
              .bind("login", login)
              .bind("now", now)
              .bind("expires", expires)
              .execute();
          audit(
              force,
              now,
              actor,
              AuditAction.DISCLOSURE,
              victimRef,
              crimeReference,
              "portal invitation " + channel);
        });
    LOG.info(
        "portal invitation created force={} crime={} victim={}", force, crimeReference, victimRef);
    return new Invitation(force, crimeReference, victimRef, channel, token, expires);
  }

  /**
   * Opens an invitation for a victim without an account: checks the token and the crime reference
   * (any spacing or case), checks the new password against {@link PasswordPolicy}, creates the
   * account and signs the victim in.
   *
   * @throws org.trackmycrime.core.ValidationException when the password breaks a rule (the
   *     invitation stays usable)
   */
  public SignInResult activate(String token, String crimeReferenceAnswer, String newPassword) {
    Optional<Invite> found = openInvitation(token, crimeReferenceAnswer);
    if (found.isEmpty()) {
      return failedInvitation(token);
    }
    Invite invite = found.get();
    // the contact already signs in, or this victim already has an account (invited before on the
    // other channel): sign in from the invitation instead of making a second account
    if (accountByLogin(invite.force, invite.login).isPresent() || alreadyLinked(invite)) {
      return SignInResult.of(SignInResult.Status.ACCOUNT_EXISTS);
    }
    PasswordPolicy.check(newPassword, forceName(invite.force));
    String hash = hasher.hash(newPassword);
    String accountId = UUID.randomUUID().toString();
    Instant now = clock.instant();
    boolean created =
        db.inTransaction(
            "portal activate",
            h -> {
              if (!consume(h, invite, now)) {
                return false;
              }
              h.createUpdate(
                      "INSERT INTO tmc_portal_account (force_slug, account_id, login_kind, login,"
                          + " password_hash, created_at, password_at) VALUES (:force, :id, :kind,"
                          + " :login, :hash, :now, :now)")
                  .bind("force", invite.force)
                  .bind("id", accountId)
                  .bind("kind", invite.kind)
                  .bind("login", invite.login)
                  .bind("hash", hash)
                  .bind("now", now)
                  .execute();
              link(h, invite, accountId, now);
              audit(
                  invite.force,
                  now,
                  Actor.victim(invite.victim),
                  AuditAction.COLLECTION,
                  invite.victim,
                  invite.crime,
                  "portal account " + accountId + " created");
              return true;
            });
    if (!created) {
      return SignInResult.of(SignInResult.Status.INVITATION_INVALID);
    }
    LOG.info("portal account activated force={} account={}", invite.force, accountId);
    return startSession(invite.force, accountId);
  }

  /**
   * Opens an invitation for a victim who already has an account: checks the token and the crime
   * reference, signs in with the account's name and password (throttled like {@link #signIn}), and
   * links the invitation's crime to that account.
   */
  public SignInResult linkBySigningIn(
      String token, String crimeReferenceAnswer, String login, String password, String client) {
    Optional<Invite> found = openInvitation(token, crimeReferenceAnswer);
    if (found.isEmpty()) {
      return failedInvitation(token);
    }
    Invite invite = found.get();
    SignInResult signedIn = signIn(invite.force, login, password, client, null);
    if (!signedIn.signedIn()) {
      return signedIn;
    }
    String accountId = signedIn.session().orElseThrow().accountId();
    Instant now = clock.instant();
    boolean linked =
        db.inTransaction(
            "portal link",
            h -> {
              if (!consume(h, invite, now)) {
                return false;
              }
              link(h, invite, accountId, now);
              audit(
                  invite.force,
                  now,
                  Actor.victim(invite.victim),
                  AuditAction.COMBINATION,
                  invite.victim,
                  invite.crime,
                  "portal account " + accountId + " linked");
              return true;
            });
    if (!linked) {
      signOut(signedIn.sessionId().orElseThrow());
      return SignInResult.of(SignInResult.Status.INVITATION_INVALID);
    }
    LOG.info(
        "portal crime linked force={} account={} crime={} victim={}",
        invite.force,
        accountId,
        invite.crime,
        invite.victim);
    return signedIn;
  }

  // ---------------------------------------------------------------- sign-in and sessions

  /**
   * Signs in with the email address or mobile number the victim was invited on. A new session id is
   * issued every time; {@code previousSessionId} (the cookie the request carried, or null) is
   * ended. Failures count against the sign-in name and {@code client} (for example the remote
   * address; null for none).
   */
  public SignInResult signIn(
      String force, String login, String password, String client, String previousSessionId) {
    // a name that is no email or phone is throttled by its hash: bounded size, never kept as typed
    String key =
        force
            + "|"
            + normaliseLogin(login).orElseGet(() -> "?" + Secrets.sha256(String.valueOf(login)));
    Optional<Duration> wait = throttle.retryAfter(key, client);
    if (wait.isPresent()) {
      return SignInResult.tryLater(wait.get());
    }
    Optional<Account> account = normaliseLogin(login).flatMap(l -> accountByLogin(force, l));
    PasswordHasher.Verification v =
        hasher.verify(password, account.map(a -> a.passwordHash).orElse(dummyHash));
    if (account.isEmpty() || !v.matches()) {
      throttle.recordFailure(key, client);
      LOG.info("portal sign-in failed force={}", force);
      return SignInResult.of(SignInResult.Status.INVALID_CREDENTIALS);
    }
    throttle.reset(key);
    v.rehash().ifPresent(newHash -> updateHash(force, account.get().id, newHash, false));
    if (previousSessionId != null) {
      signOut(previousSessionId);
    }
    return startSession(force, account.get().id);
  }

  /**
   * The session for a cookie's id, if it exists and has not passed its idle or absolute timeout;
   * finding it counts as activity. An expired session is deleted.
   */
  public Optional<PortalSession> session(String sessionId) {
    if (sessionId == null || sessionId.length() > 128) {
      return Optional.empty();
    }
    String hash = Secrets.sha256(sessionId);
    Instant now = clock.instant();
    return db.inTransaction(
        "portal session",
        h -> {
          Optional<PortalSession> s =
              h.createQuery(
                      "SELECT force_slug, account_id, csrf_token, created_at, last_seen_at FROM"
                          + " tmc_portal_session WHERE id_hash = :hash")
                  .bind("hash", hash)
                  .map(
                      (rs, ctx) ->
                          new PortalSession(
                              rs.getString("force_slug"),
                              rs.getString("account_id"),
                              rs.getString("csrf_token"),
                              Db.instant(rs, "created_at"),
                              Db.instant(rs, "last_seen_at")))
                  .findOne();
          if (s.isEmpty()) {
            return Optional.empty();
          }
          PortalSession session = s.get();
          if (!now.isBefore(session.lastSeenAt().plus(idleTimeout))
              || !now.isBefore(session.createdAt().plus(absoluteTimeout))) {
            h.createUpdate("DELETE FROM tmc_portal_session WHERE id_hash = :hash")
                .bind("hash", hash)
                .execute();
            return Optional.empty();
          }
          h.createUpdate("UPDATE tmc_portal_session SET last_seen_at = :now WHERE id_hash = :hash")
              .bind("now", now)
              .bind("hash", hash)
              .execute();
          return Optional.of(
              new PortalSession(
                  session.force(),
                  session.accountId(),
                  session.csrfToken(),
                  session.createdAt(),
                  Db.stored(now)));
        });
  }

  /** True when a posted form's token is this session's CSRF token (compared in constant time). */
  public static boolean checkCsrf(PortalSession session, String submittedToken) {
    return session != null && Secrets.constantTimeEquals(session.csrfToken(), submittedToken);
  }

  /** Ends the session with this id (sign-out). Unknown ids are ignored. */
  public void signOut(String sessionId) {
    if (sessionId == null) {
      return;
    }
    db.useTransaction(
        "portal sign-out",
        h ->
            h.createUpdate("DELETE FROM tmc_portal_session WHERE id_hash = :hash")
                .bind("hash", Secrets.sha256(sessionId))
                .execute());
  }

  /** Ends every session of an account (for a password reset, or by staff). */
  public void endAllSessions(String force, String accountId) {
    db.useTransaction(
        "portal end sessions",
        h ->
            h.createUpdate(
                    "DELETE FROM tmc_portal_session WHERE force_slug = :force AND account_id = :id")
                .bind("force", force)
                .bind("id", accountId)
                .execute());
  }

  /**
   * Changes a signed-in victim's password after checking the current one: every session of the
   * account ends, including this one, and a new session is returned in its place.
   */
  public SignInResult changePassword(
      String sessionId, String currentPassword, String newPassword, String client) {
    Optional<PortalSession> s = session(sessionId);
    if (s.isEmpty()) {
      return SignInResult.of(SignInResult.Status.INVALID_CREDENTIALS);
    }
    PortalSession session = s.get();
    Account account = accountById(session.force(), session.accountId()).orElseThrow();
    String key = session.force() + "|" + account.login;
    Optional<Duration> wait = throttle.retryAfter(key, client);
    if (wait.isPresent()) {
      return SignInResult.tryLater(wait.get());
    }
    if (!hasher.verify(currentPassword, account.passwordHash).matches()) {
      throttle.recordFailure(key, client);
      return SignInResult.of(SignInResult.Status.INVALID_CREDENTIALS);
    }
    PasswordPolicy.check(newPassword, forceName(session.force()));
    updateHash(session.force(), account.id, hasher.hash(newPassword), true);
    LOG.info("portal password changed force={} account={}", session.force(), account.id);
    return startSession(session.force(), account.id);
  }

  /** The crimes (and the victim on each) an account may read. */
  public List<CrimeLink> crimes(PortalSession session) {
    return db.with(
        "portal crimes",
        h ->
            h.createQuery(
                    "SELECT crime_ref, victim_ref FROM tmc_portal_account_victim WHERE force_slug ="
                        + " :force AND account_id = :id ORDER BY linked_at, crime_ref")
                .bind("force", session.force())
                .bind("id", session.accountId())
                .map(
                    (rs, ctx) ->
                        new CrimeLink(
                            session.force(), rs.getString("crime_ref"), rs.getString("victim_ref")))
                .list());
  }

  /** One crime an account may read, and which victim of it the account holder is. */
  public record CrimeLink(String force, String crimeReference, String victimRef) {}

  // ---------------------------------------------------------------- sending invitations

  /** The path (under the portal's base address) of an activation link: {@code a/<token>}. */
  public static final String ACTIVATION_PATH = "a/";

  /** The path (under the portal's base address) of a password reset link: {@code r/<token>}. */
  public static final String RESET_PATH = "r/";

  /** {@code baseUrl} (https) joined with {@link #ACTIVATION_PATH} and the token. */
  public static String activationLink(String baseUrl, String token) {
    return link(baseUrl, ACTIVATION_PATH, token);
  }

  /** {@code baseUrl} (https) joined with {@link #RESET_PATH} and the token. */
  public static String resetLink(String baseUrl, String token) {
    return link(baseUrl, RESET_PATH, token);
  }

  /**
   * {@link #invite} and queue the invitation ({@code VICTIM_INVITATION}, on {@code channel} only)
   * with its activation link under {@code baseUrl}, in one transaction: both happen or neither.
   * Needs {@link Builder#dispatcher}.
   */
  public Invitation sendInvitation(
      String force,
      String crimeReference,
      String victimRef,
      Channel channel,
      Actor actor,
      String baseUrl) {
    throw new UnsupportedOperationException("not yet");
  }

  // ---------------------------------------------------------------- password reset

  /**
   * Sends a password reset link (single-use, {@link Builder#resetLifetime}) to the contact the
   * account signs in with, on that channel. Nothing tells the caller whether the account exists:
   * unknown names return the same way after similar work. Throttled per sign-in name and per {@code
   * client}, separately from sign-in, so a throttled sign-in can still be reset. Needs {@link
   * Builder#dispatcher}.
   */
  public void requestReset(String force, String login, String client, String baseUrl) {
    throw new UnsupportedOperationException("not yet");
  }

  /** Whether a reset link's token can still be used (for showing the form or "link expired"). */
  public boolean resetTokenValid(String token) {
    throw new UnsupportedOperationException("not yet");
  }

  /**
   * Sets a new password from a reset link: the token is used up, every session of the account ends,
   * failed sign-ins are forgotten. The victim then signs in (with the second factor, if any).
   *
   * @return false when the token is unknown, used or expired
   * @throws org.trackmycrime.core.ValidationException when the password breaks a rule (the token
   *     stays usable)
   */
  public boolean completeReset(String token, String newPassword) {
    throw new UnsupportedOperationException("not yet");
  }

  // ---------------------------------------------------------------- second factor

  /**
   * Completes a sign-in that returned {@link SignInResult.Status#SECOND_FACTOR_REQUIRED}: a right
   * code starts a new session ({@link SignInResult.Status#SIGNED_IN}, and {@code previousSessionId}
   * is ended); a wrong or replayed code gives {@link SignInResult.Status#INVALID_CODE}; an expired
   * pending sign-in, or one out of tries, gives {@link SignInResult.Status#SIGN_IN_AGAIN}.
   */
  public SignInResult completeSecondFactor(
      String pendingToken, String code, String client, String previousSessionId) {
    throw new UnsupportedOperationException("not yet");
  }

  /**
   * Sends a new text code for a pending sign-in whose second factor is {@link SecondFactor#SMS}
   * (the old code stops working).
   *
   * @return false when the pending sign-in is unknown or expired, or not by text
   */
  public boolean resendSignInCode(String pendingToken) {
    throw new UnsupportedOperationException("not yet");
  }

  /** The account's second factor. */
  public SecondFactor secondFactor(PortalSession session) {
    throw new UnsupportedOperationException("not yet");
  }

  /**
   * Starts setting up an authenticator app: a new secret, not used until {@link #confirmTotp}.
   * Replaces any unconfirmed one.
   */
  public TotpEnrolment startTotp(PortalSession session) {
    throw new UnsupportedOperationException("not yet");
  }

  /**
   * Turns the authenticator app on when {@code code} is right for the secret from {@link
   * #startTotp}. Audited.
   *
   * @return false when the code is wrong or nothing was started
   */
  public boolean confirmTotp(PortalSession session, String code) {
    throw new UnsupportedOperationException("not yet");
  }

  /**
   * Starts setting up codes by text: sends a code to the mobile number on the account's crimes.
   *
   * @return false when the account has no usable mobile number
   */
  public boolean startSmsSecondFactor(PortalSession session) {
    throw new UnsupportedOperationException("not yet");
  }

  /**
   * Turns codes by text on when {@code code} is the one sent by {@link #startSmsSecondFactor},
   * which confirms the mobile number. Audited.
   *
   * @return false when the code is wrong, expired or out of tries
   */
  public boolean confirmSmsSecondFactor(PortalSession session, String code) {
    throw new UnsupportedOperationException("not yet");
  }

  /** Turns the second factor off after checking the password. Audited. */
  public PasswordConfirmation disableSecondFactor(
      PortalSession session, String password, String client) {
    throw new UnsupportedOperationException("not yet");
  }

  /** The signed-in victim's own settings, per crime. */
  public VictimSettings settings() {
    return settings;
  }

  // ---------------------------------------------------------------- internals

  private record Invite(
      String hash, String force, String crime, String victim, String kind, String login) {}

  private record Account(String id, String login, String passwordHash) {}

  static boolean eligible(Victim victim, Instant at) {
    Enrolment.State state = victim.enrolment().stateAt(at);
    return state.consent() == Consent.ENROLLED && state.risk() == RiskStatus.SUITABLE;
  }

  /** Crime references compare ignoring spaces and case: "43/123456/26" = " 43 / 123456 / 26 ". */
  static String normaliseAnswer(String answer) {
    return answer == null ? "" : answer.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
  }

  /** Email addresses in lower case; phone numbers in E.164. */
  static Optional<String> normaliseLogin(String login) {
    if (login == null || login.length() > 254) {
      return Optional.empty();
    }
    if (login.contains("@")) {
      return ContactDetails.normaliseEmail(login).map(e -> e.toLowerCase(Locale.ROOT));
    }
    return ContactDetails.phoneToE164(login);
  }

  private Optional<Invite> openInvitation(String token, String answer) {
    if (token == null || token.length() > 128) {
      return Optional.empty();
    }
    String hash = Secrets.sha256(token);
    if (throttle.retryAfter("inv|" + hash, null).isPresent()) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    Optional<Invite> invite =
        db.with(
            "portal invitation",
            h ->
                h.createQuery(
                        "SELECT force_slug, crime_ref, victim_ref, login_kind, login FROM"
                            + " tmc_portal_invitation WHERE token_hash = :hash AND used_at IS NULL"
                            + " AND expires_at > :now")
                    .bind("hash", hash)
                    .bind("now", now)
                    .map(
                        (rs, ctx) ->
                            new Invite(
                                hash,
                                rs.getString("force_slug"),
                                rs.getString("crime_ref"),
                                rs.getString("victim_ref"),
                                rs.getString("login_kind"),
                                rs.getString("login")))
                    .findOne());
    // the answer is compared even when the token is unknown, so timing does not tell them apart
    String expected = invite.map(i -> normaliseAnswer(i.crime)).orElse("-");
    boolean answered = Secrets.constantTimeEquals(expected, normaliseAnswer(answer));
    if (invite.isEmpty() || !answered) {
      return Optional.empty();
    }
    Invite i = invite.get();
    boolean stillEligible =
        tmc.victims().find(i.force, i.crime, i.victim).map(v -> eligible(v, now)).orElse(false);
    return stillEligible ? invite : Optional.empty();
  }

  private SignInResult failedInvitation(String token) {
    if (token != null && token.length() <= 128) {
      String key = "inv|" + Secrets.sha256(token);
      Optional<Duration> wait = throttle.retryAfter(key, null);
      if (wait.isPresent()) {
        return SignInResult.tryLater(wait.get());
      }
      throttle.recordFailure(key, null);
    }
    return SignInResult.of(SignInResult.Status.INVITATION_INVALID);
  }

  private static boolean consume(Handle h, Invite invite, Instant now) {
    return h.createUpdate(
                "UPDATE tmc_portal_invitation SET used_at = :now WHERE token_hash = :hash AND"
                    + " used_at IS NULL AND expires_at > :now")
            .bind("now", now)
            .bind("hash", invite.hash)
            .execute()
        == 1;
  }

  private boolean alreadyLinked(Invite invite) {
    return db.with(
        "portal linked",
        h ->
            h.createQuery(
                        "SELECT COUNT(*) FROM tmc_portal_account_victim WHERE force_slug = :force AND"
                            + " crime_ref = :crime AND victim_ref = :victim")
                    .bind("force", invite.force)
                    .bind("crime", invite.crime)
                    .bind("victim", invite.victim)
                    .mapTo(Integer.class)
                    .one()
                > 0);
  }

  private static void link(Handle h, Invite invite, String accountId, Instant now) {
    Db.upsert(
        h,
        "UPDATE tmc_portal_account_victim SET account_id = :id, linked_at = :now WHERE force_slug"
            + " = :force AND crime_ref = :crime AND victim_ref = :victim",
        "INSERT INTO tmc_portal_account_victim (force_slug, account_id, crime_ref, victim_ref,"
            + " linked_at) VALUES (:force, :id, :crime, :victim, :now)",
        u ->
            u.bind("force", invite.force)
                .bind("id", accountId)
                .bind("crime", invite.crime)
                .bind("victim", invite.victim)
                .bind("now", now));
  }

  private void audit(
      String force,
      Instant at,
      Actor actor,
      AuditAction action,
      String victimRef,
      String crimeReference,
      String detail) {
    tmc.audit()
        .record(
            new AuditEvent(force, at, actor, action, "victim", victimRef, crimeReference, detail));
  }

  private SignInResult startSession(String force, String accountId) {
    String id = Secrets.token(16);
    String csrf = Secrets.token(32);
    Instant now = Db.stored(clock.instant());
    db.useTransaction(
        "portal session start",
        h ->
            h.createUpdate(
                    "INSERT INTO tmc_portal_session (id_hash, force_slug, account_id, csrf_token,"
                        + " created_at, last_seen_at) VALUES (:hash, :force, :id, :csrf, :now,"
                        + " :now)")
                .bind("hash", Secrets.sha256(id))
                .bind("force", force)
                .bind("id", accountId)
                .bind("csrf", csrf)
                .bind("now", now)
                .execute());
    return SignInResult.signedIn(id, new PortalSession(force, accountId, csrf, now, now));
  }

  private void updateHash(String force, String accountId, String hash, boolean endSessions) {
    Instant now = clock.instant();
    db.useTransaction(
        "portal password",
        h -> {
          h.createUpdate(
                  "UPDATE tmc_portal_account SET password_hash = :hash, password_at = :now WHERE"
                      + " force_slug = :force AND account_id = :id")
              .bind("hash", hash)
              .bind("now", now)
              .bind("force", force)
              .bind("id", accountId)
              .execute();
          if (endSessions) {
            h.createUpdate(
                    "DELETE FROM tmc_portal_session WHERE force_slug = :force AND account_id = :id")
                .bind("force", force)
                .bind("id", accountId)
                .execute();
          }
        });
  }

  private Optional<Account> accountByLogin(String force, String login) {
    return findAccount(force, "login", login);
  }

  private Optional<Account> accountById(String force, String id) {
    return findAccount(force, "account_id", id);
  }

  private Optional<Account> findAccount(String force, String column, String value) {
    return db.with(
        "portal account",
        h ->
            h.createQuery(
                    "SELECT account_id, login, password_hash FROM tmc_portal_account WHERE"
                        + " force_slug = :force AND "
                        + column
                        + " = :value")
                .bind("force", force)
                .bind("value", value)
                .map(
                    (rs, ctx) ->
                        new Account(
                            rs.getString("account_id"),
                            rs.getString("login"),
                            rs.getString("password_hash")))
                .findOne());
  }

  private static String link(String baseUrl, String path, String token) {
    if (baseUrl == null || !baseUrl.startsWith("https://")) {
      throw new IllegalArgumentException("baseUrl: must be an https address");
    }
    return (baseUrl.endsWith("/") ? baseUrl : baseUrl + "/") + path + token;
  }

  private String forceName(String force) {
    return tmc.forces().find(force).map(Force::name).orElse(null);
  }

  /** Configuration of a {@link VictimPortal}; every setting has a default. */
  public static final class Builder {
    private final TrackMyCrime tmc;
    private PasswordHasher hasher = PasswordHasher.defaults();
    private SignInThrottle throttle;
    private Duration invitationLifetime = Duration.ofDays(7);
    private Duration idleTimeout = Duration.ofMinutes(15);
    private Duration absoluteTimeout = Duration.ofHours(12);
    private Dispatcher dispatcher;
    private Duration resetLifetime = Duration.ofHours(1);
    private byte[] secretKey;
    private int minUpdateFrequencyDays = 7;
    private int maxUpdateFrequencyDays = 28;

    private Builder(TrackMyCrime tmc) {
      if (tmc == null) {
        throw new IllegalArgumentException("tmc: is required");
      }
      this.tmc = tmc;
    }

    /** Argon2id parameters (default m=19456 KiB, t=2, p=1). */
    public Builder passwordHasher(PasswordHasher value) {
      this.hasher = value;
      return this;
    }

    /** Failed sign-in limits (default {@link SignInThrottle#defaults} on the SDK's clock). */
    public Builder throttle(SignInThrottle value) {
      this.throttle = value;
      return this;
    }

    /** How long an invitation link stays valid (default 7 days). */
    public Builder invitationLifetime(Duration value) {
      this.invitationLifetime = positive("invitationLifetime", value);
      return this;
    }

    /** A session ends after this long without a request (default 15 minutes). */
    public Builder idleTimeout(Duration value) {
      this.idleTimeout = positive("idleTimeout", value);
      return this;
    }

    /** A session ends this long after sign-in whatever happens (default 12 hours). */
    public Builder absoluteTimeout(Duration value) {
      this.absoluteTimeout = positive("absoluteTimeout", value);
      return this;
    }

    /**
     * The dispatcher whose outbox carries invitations, reset links and sign-in codes ({@link
     * Dispatcher#queue}); only its queue is used, so it need not be started on this node. Needed by
     * {@link VictimPortal#sendInvitation}, {@link VictimPortal#requestReset} and codes by text.
     */
    public Builder dispatcher(Dispatcher value) {
      this.dispatcher = value;
      return this;
    }

    /** How long a password reset link stays valid (default 1 hour). */
    public Builder resetLifetime(Duration value) {
      this.resetLifetime = positive("resetLifetime", value);
      return this;
    }

    /**
     * A 32-byte key that encrypts authenticator-app secrets at rest (AES-256-GCM). Without one they
     * are stored as they are (never logged); hosts should set one from their secret store.
     */
    public Builder secretKey(byte[] value) {
      if (value == null || value.length != 32) {
        throw new IllegalArgumentException("secretKey: must be 32 bytes");
      }
      this.secretKey = value.clone();
      return this;
    }

    /** The update intervals a victim may choose, in days (default 7 to 28). */
    public Builder updateFrequencyRange(int minDays, int maxDays) {
      if (minDays < 1 || maxDays > 28 || minDays > maxDays) {
        throw new IllegalArgumentException(
            "updateFrequencyRange: must satisfy 1 <= minDays <= maxDays <= 28");
      }
      this.minUpdateFrequencyDays = minDays;
      this.maxUpdateFrequencyDays = maxDays;
      return this;
    }

    public VictimPortal build() {
      return new VictimPortal(this);
    }

    private static Duration positive(String name, Duration value) {
      if (value == null || value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException(name + ": must be a positive duration");
      }
      return value;
    }
  }
}
