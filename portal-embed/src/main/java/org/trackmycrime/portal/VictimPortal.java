package org.trackmycrime.portal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trackmycrime.core.TrackMyCrime;
import org.trackmycrime.core.TrackMyCrimeException;
import org.trackmycrime.core.enrolment.AlertPolicy;
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
import org.trackmycrime.core.model.VictimPreferences;
import org.trackmycrime.notifications.AlertLinks;
import org.trackmycrime.notifications.Dispatcher;
import org.trackmycrime.notifications.MessageKind;
import org.trackmycrime.notifications.QueuedMessage;
import org.trackmycrime.portal.internal.HashingGate;
import org.trackmycrime.portal.internal.SecretBox;
import org.trackmycrime.portal.internal.Secrets;
import org.trackmycrime.portal.internal.Totp;

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
 *
 * <p>With a {@link Builder#dispatcher}, invitations, password reset links and text codes are queued
 * in the outbox. An account may have a second factor (an authenticator app or codes by text):
 * {@link #signIn} then returns {@link SignInResult.Status#SECOND_FACTOR_REQUIRED} and {@link
 * #completeSecondFactor} starts the session. The victim's own settings are in {@link #settings()}.
 * Sign-ins, resets and second-factor changes are audited by account id, never by sign-in name.
 */
public final class VictimPortal {
  private static final Logger LOG = LoggerFactory.getLogger(VictimPortal.class);
  // what a sign-in refused because hashing is saturated is told to wait
  private static final Duration BUSY_RETRY = Duration.ofSeconds(5);
  // a session's last activity is written when it is at least this old
  private static final Duration ACTIVITY_GRANULARITY = Duration.ofMinutes(1);

  private final TrackMyCrime tmc;
  private final Db db;
  private final Clock clock;
  private final PasswordHasher hasher;
  private final HashingGate hashing;
  private final SignInThrottle throttle;
  private final Duration invitationLifetime;
  private final Duration idleTimeout;
  private final Duration absoluteTimeout;
  // verified against when no account matches, so a wrong name costs the same time as a wrong
  // password
  private final String dummyHash;
  private final VictimSettings settings;
  private final Dispatcher dispatcher;
  private final Duration resetLifetime;
  private final Duration codeLifetime = Duration.ofMinutes(10);
  private final SecretBox box;

  private VictimPortal(Builder b) {
    this.tmc = b.tmc;
    this.db = Db.of(b.tmc);
    this.clock = b.tmc.clock();
    this.hasher = b.hasher;
    this.hashing = b.hashing != null ? b.hashing : HashingGate.defaults();
    this.throttle = b.throttle != null ? b.throttle : SignInThrottle.defaults(b.tmc.clock());
    this.invitationLifetime = b.invitationLifetime;
    this.idleTimeout = b.idleTimeout;
    this.absoluteTimeout = b.absoluteTimeout;
    this.dummyHash = hasher.hash(Secrets.token(16));
    this.dispatcher = b.dispatcher;
    this.resetLifetime = b.resetLifetime;
    this.box = new SecretBox(b.secretKey);
    this.settings = new VictimSettings(this, b.minUpdateFrequencyDays, b.maxUpdateFrequencyDays);
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
    // 128 bits: short enough for the link to fit in one text message
    String token = Secrets.token(16);
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
    String hash = hashing.run(() -> hasher.hash(newPassword));
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
    SignInResult signedIn =
        passwordSignIn(invite.force, login, password, client, null, invite.hash);
    if (!signedIn.signedIn()) {
      // with a second factor, the crime is linked when it is completed
      return signedIn;
    }
    if (!linkInvitation(invite, signedIn.session().orElseThrow().accountId())) {
      signOut(signedIn.sessionId().orElseThrow());
      return SignInResult.of(SignInResult.Status.INVITATION_INVALID);
    }
    return signedIn;
  }

  /** Uses up the invitation and links its crime to the account; false when it was used already. */
  private boolean linkInvitation(Invite invite, String accountId) {
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
    if (linked) {
      LOG.info(
          "portal crime linked force={} account={} crime={} victim={}",
          invite.force,
          accountId,
          invite.crime,
          invite.victim);
    }
    return linked;
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
    return passwordSignIn(force, login, password, client, previousSessionId, null);
  }

  private SignInResult passwordSignIn(
      String force,
      String login,
      String password,
      String client,
      String previousSessionId,
      String invitationHash) {
    // a name that is no email or phone is throttled by its hash: bounded size, never kept as typed
    String key =
        force
            + "|"
            + normaliseLogin(login).orElseGet(() -> "?" + Secrets.sha256(String.valueOf(login)));
    Optional<Duration> wait = throttle.retryAfter(key, client);
    Optional<Account> account = normaliseLogin(login).flatMap(l -> accountByLogin(force, l));
    if (wait.isPresent()) {
      auditSignIn(force, account, "portal sign-in refused: too many failures");
      return SignInResult.tryLater(wait.get());
    }
    // bounded: when too many hashes run or wait, answer "try later" at once rather than hash
    Optional<PasswordHasher.Verification> checked =
        hashing.tryRun(
            () -> hasher.verify(password, account.map(a -> a.passwordHash).orElse(dummyHash)));
    if (checked.isEmpty()) {
      return SignInResult.tryLater(BUSY_RETRY);
    }
    PasswordHasher.Verification v = checked.get();
    if (account.isEmpty() || !v.matches()) {
      throttle.recordFailure(key, client);
      LOG.info("portal sign-in failed force={}", force);
      boolean nowThrottled = throttle.retryAfter(key, client).isPresent();
      auditSignIn(
          force,
          account,
          nowThrottled
              ? "portal sign-in failed; sign-in locked for a while"
              : "portal sign-in failed");
      return SignInResult.of(SignInResult.Status.INVALID_CREDENTIALS);
    }
    throttle.reset(key);
    v.rehash().ifPresent(newHash -> updateHash(force, account.get().id, newHash, false));
    return afterPassword(force, account.get().id, previousSessionId, invitationHash);
  }

  /** Audits a refused sign-in against the account, or "unknown" for a name with no account. */
  private void auditSignIn(String force, Optional<Account> account, String detail) {
    if (tmc.forces().find(force).isEmpty()) {
      return;
    }
    audit(
        force,
        clock.instant(),
        Actor.system(),
        AuditAction.CONSULTATION,
        ACCOUNT,
        account.map(a -> a.id).orElse("unknown"),
        null,
        detail);
  }

  /**
   * The session for a cookie's id, if it exists and has not passed its idle or absolute timeout;
   * finding it counts as activity, written at most once a minute (so an idle session may end up to
   * a minute before the idle timeout). An expired session is deleted.
   */
  public Optional<PortalSession> session(String sessionId) {
    if (sessionId == null || sessionId.length() > 128) {
      return Optional.empty();
    }
    String hash = Secrets.sha256(sessionId);
    Instant now = clock.instant();
    // one statement, outside a transaction, for a page within a minute of the last activity
    Optional<PortalSession> s =
        db.with(
            "portal session",
            h ->
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
                    .findOne());
    if (s.isEmpty()) {
      return Optional.empty();
    }
    PortalSession session = s.get();
    if (!now.isBefore(session.lastSeenAt().plus(idleTimeout))
        || !now.isBefore(session.createdAt().plus(absoluteTimeout))) {
      db.useTransaction(
          "portal session expired",
          h ->
              h.createUpdate("DELETE FROM tmc_portal_session WHERE id_hash = :hash")
                  .bind("hash", hash)
                  .execute());
      return Optional.empty();
    }
    if (now.isBefore(session.lastSeenAt().plus(ACTIVITY_GRANULARITY))) {
      // seen within the last minute: not worth a write on every page
      return Optional.of(session);
    }
    // the row may have been deleted since the read (sign-out elsewhere): then no session
    int updated =
        db.inTransaction(
            "portal session activity",
            h ->
                h.createUpdate(
                        "UPDATE tmc_portal_session SET last_seen_at = :now WHERE id_hash = :hash")
                    .bind("now", now)
                    .bind("hash", hash)
                    .execute());
    if (updated == 0) {
      return Optional.empty();
    }
    return Optional.of(
        new PortalSession(
            session.force(),
            session.accountId(),
            session.csrfToken(),
            session.createdAt(),
            Db.stored(now)));
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
    if (!hashing.run(() -> hasher.verify(currentPassword, account.passwordHash)).matches()) {
      throttle.recordFailure(key, client);
      return SignInResult.of(SignInResult.Status.INVALID_CREDENTIALS);
    }
    PasswordPolicy.check(newPassword, forceName(session.force()));
    updateHash(session.force(), account.id, hashing.run(() -> hasher.hash(newPassword)), true);
    auditAccount(session, clock.instant(), "portal password changed; all sessions ended");
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

  /**
   * {@code baseUrl} (the portal's https address) joined with {@link #ACTIVATION_PATH} and the
   * token.
   */
  public static String activationLink(String baseUrl, String token) {
    return link(baseUrl, ACTIVATION_PATH, token);
  }

  /** {@code baseUrl} (the portal's https address) joined with {@link #RESET_PATH} and the token. */
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
    Dispatcher d = requireDispatcher();
    link(baseUrl, ACTIVATION_PATH, "x");
    return tmc.inTransaction(
        () -> {
          Invitation inv = invite(force, crimeReference, victimRef, channel, actor);
          d.queue(
              QueuedMessage.forVictimOn(
                  force,
                  MessageKind.VICTIM_INVITATION,
                  crimeReference,
                  victimRef,
                  channel,
                  "portal-invitation|" + Secrets.sha256(inv.token()),
                  Map.of("link", activationLink(baseUrl, inv.token()))));
          return inv;
        });
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
    Dispatcher d = requireDispatcher();
    link(baseUrl, RESET_PATH, "x");
    Optional<String> normal = normaliseLogin(login);
    String key =
        "reset|"
            + force
            + "|"
            + normal.orElseGet(() -> "?" + Secrets.sha256(String.valueOf(login)));
    String clientKey = client == null ? null : "reset|" + client;
    if (throttle.retryAfter(key, clientKey).isPresent()) {
      LOG.info("portal reset refused (throttled) force={}", force);
      return;
    }
    // every request counts, so links cannot be sent to someone in a flood
    throttle.recordFailure(key, clientKey);
    Optional<Account> account = normal.flatMap(l -> accountByLogin(force, l));
    // the same costly work whether or not the name is an account's
    hashing.run(() -> hasher.verify(Secrets.token(16), dummyHash));
    if (account.isEmpty()) {
      LOG.info("portal reset requested force={}", force);
      return;
    }
    Account a = account.get();
    Instant now = clock.instant();
    Optional<CrimeLink> to = contactVictim(force, a.id, a.kind, a.login);
    if (to.isEmpty()) {
      audit(
          force,
          now,
          Actor.system(),
          AuditAction.CONSULTATION,
          ACCOUNT,
          a.id,
          null,
          "portal reset not sent: no crime of the account has the sign-in contact");
      return;
    }
    CrimeLink target = to.get();
    String token = Secrets.token(16);
    String hash = Secrets.sha256(token);
    tmc.inTransaction(
        () -> {
          db.useTransaction(
              "portal reset",
              h ->
                  h.createUpdate(
                          "INSERT INTO tmc_portal_reset (token_hash, force_slug, account_id,"
                              + " created_at, expires_at) VALUES (:hash, :force, :id, :now,"
                              + " :expires)")
                      .bind("hash", hash)
                      .bind("force", force)
                      .bind("id", a.id)
                      .bind("now", now)
                      .bind("expires", now.plus(resetLifetime))
                      .execute());
          d.queue(
              QueuedMessage.forVictimOn(
                  force,
                  MessageKind.VICTIM_PASSWORD_RESET,
                  target.crimeReference(),
                  target.victimRef(),
                  Channel.valueOf(a.kind),
                  "portal-reset|" + hash,
                  Map.of("link", resetLink(baseUrl, token))));
          audit(
              force,
              now,
              Actor.victim(target.victimRef()),
              AuditAction.DISCLOSURE,
              ACCOUNT,
              a.id,
              target.crimeReference(),
              "portal reset link sent by " + a.kind);
          return null;
        });
    LOG.info("portal reset link queued force={} account={}", force, a.id);
  }

  /** Whether a reset link's token can still be used (for showing the form or "link expired"). */
  public boolean resetTokenValid(String token) {
    return findReset(token).isPresent();
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
    Optional<ResetRow> found = findReset(token);
    if (found.isEmpty()) {
      return false;
    }
    String force = found.get().force();
    String accountId = found.get().accountId();
    PasswordPolicy.check(newPassword, forceName(force));
    String hash = hashing.run(() -> hasher.hash(newPassword));
    String tokenHash = Secrets.sha256(token);
    Instant now = clock.instant();
    boolean done =
        db.inTransaction(
            "portal complete reset",
            h -> {
              int used =
                  h.createUpdate(
                          "UPDATE tmc_portal_reset SET used_at = :now WHERE token_hash = :hash"
                              + " AND used_at IS NULL AND expires_at > :now")
                      .bind("now", now)
                      .bind("hash", tokenHash)
                      .execute();
              if (used != 1) {
                return false;
              }
              // every other link of the account stops working too
              h.createUpdate(
                      "UPDATE tmc_portal_reset SET used_at = :now WHERE force_slug = :force AND"
                          + " account_id = :id AND used_at IS NULL")
                  .bind("now", now)
                  .bind("force", force)
                  .bind("id", accountId)
                  .execute();
              h.createUpdate(
                      "DELETE FROM tmc_portal_pending WHERE force_slug = :force AND account_id ="
                          + " :id")
                  .bind("force", force)
                  .bind("id", accountId)
                  .execute();
              updateHash(force, accountId, hash, true);
              audit(
                  force,
                  now,
                  accountActor(force, accountId),
                  AuditAction.ALTERATION,
                  ACCOUNT,
                  accountId,
                  null,
                  "portal password reset; all sessions ended");
              return true;
            });
    if (done) {
      accountById(force, accountId).ifPresent(a -> throttle.reset(force + "|" + a.login));
      LOG.info("portal password reset force={} account={}", force, accountId);
    }
    return done;
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
    Optional<Pending> found = pending(pendingToken, PURPOSE_SIGN_IN);
    if (found.isEmpty()) {
      return SignInResult.of(SignInResult.Status.SIGN_IN_AGAIN);
    }
    Pending p = found.get();
    Factor factor = factor(p.force, p.accountId);
    Instant now = clock.instant();
    boolean right =
        switch (factor.kind) {
          case TOTP -> acceptTotp(p.force, p.accountId, factor, code, now);
          case SMS -> codeMatches(p, code);
          case NONE -> true;
        };
    if (!right) {
      return wrongCode(p, factor.kind, "portal second factor failed");
    }
    boolean claimed =
        db.inTransaction(
            "portal second factor",
            h -> {
              int deleted =
                  h.createUpdate("DELETE FROM tmc_portal_pending WHERE token_hash = :hash")
                      .bind("hash", p.hash)
                      .execute();
              if (deleted != 1) {
                return false;
              }
              audit(
                  p.force,
                  now,
                  accountActor(p.force, p.accountId),
                  AuditAction.CONSULTATION,
                  ACCOUNT,
                  p.accountId,
                  null,
                  "portal sign-in succeeded with " + factor.kind);
              return true;
            });
    if (!claimed) {
      return SignInResult.of(SignInResult.Status.SIGN_IN_AGAIN);
    }
    if (previousSessionId != null) {
      signOut(previousSessionId);
    }
    if (p.invitationHash != null) {
      Optional<Invite> invite = invitationByHash(p.invitationHash);
      if (invite.isEmpty() || !linkInvitation(invite.get(), p.accountId)) {
        return SignInResult.of(SignInResult.Status.INVITATION_INVALID);
      }
    }
    return startSession(p.force, p.accountId);
  }

  /**
   * Sends a new text code for a pending sign-in whose second factor is {@link SecondFactor#SMS}
   * (the old code stops working).
   *
   * @return false when the pending sign-in is unknown or expired, or not by text
   */
  public boolean resendSignInCode(String pendingToken) {
    Optional<Pending> found = pending(pendingToken, PURPOSE_SIGN_IN);
    if (found.isEmpty() || found.get().victimRef == null) {
      return false;
    }
    return sendCode(found.get());
  }

  /** The account's second factor. */
  public SecondFactor secondFactor(PortalSession session) {
    return factor(session.force(), session.accountId()).kind;
  }

  /**
   * Starts setting up an authenticator app: a new secret, not used until {@link #confirmTotp}.
   * Replaces any unconfirmed one.
   */
  public TotpEnrolment startTotp(PortalSession session) {
    String secret = Totp.newSecret();
    Instant now = clock.instant();
    db.useTransaction(
        "portal totp start",
        h -> {
          ensureFactorRow(h, session.force(), session.accountId(), now);
          h.createUpdate(
                  "UPDATE tmc_portal_second_factor SET pending_totp_secret = :secret, updated_at ="
                      + " :now WHERE force_slug = :force AND account_id = :id")
              .bind("secret", box.seal(secret))
              .bind("now", now)
              .bind("force", session.force())
              .bind("id", session.accountId())
              .execute();
        });
    String issuer = Optional.ofNullable(forceName(session.force())).orElse(session.force());
    return new TotpEnrolment(secret, Totp.uri(issuer, "Track my crime", secret));
  }

  /**
   * Turns the authenticator app on when {@code code} is right for the secret from {@link
   * #startTotp}. Audited.
   *
   * @return false when the code is wrong or nothing was started
   */
  public boolean confirmTotp(PortalSession session, String code) {
    Instant now = clock.instant();
    Optional<String> sealed =
        db.with(
            "portal totp pending",
            h ->
                h.createQuery(
                        "SELECT pending_totp_secret FROM tmc_portal_second_factor WHERE"
                            + " force_slug = :force AND account_id = :id")
                    .bind("force", session.force())
                    .bind("id", session.accountId())
                    .mapTo(String.class)
                    .findOne()
                    .flatMap(Optional::ofNullable));
    if (sealed.isEmpty()) {
      return false;
    }
    OptionalLong step = Totp.verify(box.open(sealed.get()), code, now, 0);
    if (step.isEmpty()) {
      return false;
    }
    db.useTransaction(
        "portal totp confirm",
        h -> {
          h.createUpdate(
                  "UPDATE tmc_portal_second_factor SET factor = 'TOTP', totp_secret ="
                      + " pending_totp_secret, pending_totp_secret = NULL, totp_last_step = :step,"
                      + " sms_crime_ref = NULL, sms_victim_ref = NULL, updated_at = :now WHERE"
                      + " force_slug = :force AND account_id = :id")
              .bind("step", step.getAsLong())
              .bind("now", now)
              .bind("force", session.force())
              .bind("id", session.accountId())
              .execute();
          auditAccount(session, now, "portal second factor set to TOTP");
        });
    return true;
  }

  /**
   * Starts setting up codes by text: sends a code to the mobile number on the account's crimes.
   *
   * @return false when the account has no usable mobile number
   */
  public boolean startSmsSecondFactor(PortalSession session) {
    Optional<CrimeLink> target =
        crimes(session).stream()
            .filter(
                c ->
                    tmc.victims()
                        .find(c.force(), c.crimeReference(), c.victimRef())
                        .map(v -> AlertPolicy.usableChannels(v).contains(Channel.SMS))
                        .orElse(false))
            .findFirst();
    if (target.isEmpty()) {
      return false;
    }
    Instant now = clock.instant();
    String hash = Secrets.sha256("sms-setup|" + session.force() + "|" + session.accountId());
    Pending p =
        new Pending(
            hash,
            session.force(),
            session.accountId(),
            null,
            0,
            0,
            target.get().crimeReference(),
            target.get().victimRef(),
            null);
    db.useTransaction(
        "portal sms setup",
        h -> {
          h.createUpdate("DELETE FROM tmc_portal_pending WHERE token_hash = :hash")
              .bind("hash", hash)
              .execute();
          insertPending(h, p, PURPOSE_SMS_SETUP, now, codeLifetime);
        });
    return sendCode(p);
  }

  /**
   * Turns codes by text on when {@code code} is the one sent by {@link #startSmsSecondFactor},
   * which confirms the mobile number. Audited.
   *
   * @return false when the code is wrong, expired or out of tries
   */
  public boolean confirmSmsSecondFactor(PortalSession session, String code) {
    String hash = Secrets.sha256("sms-setup|" + session.force() + "|" + session.accountId());
    Optional<Pending> found = pendingByHash(hash, PURPOSE_SMS_SETUP);
    if (found.isEmpty()) {
      return false;
    }
    Pending p = found.get();
    if (!codeMatches(p, code)) {
      wrongCode(p, SecondFactor.SMS, "portal text code for second factor set-up failed");
      return false;
    }
    Instant now = clock.instant();
    return db.inTransaction(
        "portal sms confirm",
        h -> {
          int deleted =
              h.createUpdate("DELETE FROM tmc_portal_pending WHERE token_hash = :hash")
                  .bind("hash", hash)
                  .execute();
          if (deleted != 1) {
            return false;
          }
          ensureFactorRow(h, session.force(), session.accountId(), now);
          h.createUpdate(
                  "UPDATE tmc_portal_second_factor SET factor = 'SMS', totp_secret = NULL,"
                      + " pending_totp_secret = NULL, sms_crime_ref = :crime, sms_victim_ref ="
                      + " :victim, updated_at = :now WHERE force_slug = :force AND account_id ="
                      + " :id")
              .bind("crime", p.crimeRef)
              .bind("victim", p.victimRef)
              .bind("now", now)
              .bind("force", session.force())
              .bind("id", session.accountId())
              .execute();
          auditAccount(session, now, "portal second factor set to SMS");
          return true;
        });
  }

  /** Turns the second factor off after checking the password. Audited. */
  public PasswordConfirmation disableSecondFactor(
      PortalSession session, String password, String client) {
    PasswordConfirmation confirmed = confirmPassword(session, password, client);
    if (!confirmed.done()) {
      return confirmed;
    }
    Instant now = clock.instant();
    db.useTransaction(
        "portal second factor off",
        h -> {
          h.createUpdate(
                  "UPDATE tmc_portal_second_factor SET factor = 'NONE', totp_secret = NULL,"
                      + " pending_totp_secret = NULL, sms_crime_ref = NULL, sms_victim_ref = NULL,"
                      + " updated_at = :now WHERE force_slug = :force AND account_id = :id")
              .bind("now", now)
              .bind("force", session.force())
              .bind("id", session.accountId())
              .execute();
          auditAccount(session, now, "portal second factor turned off");
        });
    return confirmed;
  }

  /** The signed-in victim's own settings, per crime. */
  public VictimSettings settings() {
    return settings;
  }

  // ---------------------------------------------------------------- for VictimSettings

  TrackMyCrime tmc() {
    return tmc;
  }

  /** The service's default quiet hours for texts (the dispatcher's), or null when none. */
  VictimPreferences.QuietHours defaultQuietHours() {
    if (dispatcher == null || !dispatcher.config().hasQuietHours()) {
      return null;
    }
    return new VictimPreferences.QuietHours(
        dispatcher.config().quietFrom(), dispatcher.config().quietUntil());
  }

  /**
   * Makes {@code login} the account's sign-in name when the account signs in on {@code channel}.
   *
   * @return false when another account of the force already signs in with it
   */
  boolean changeLoginIfOfKind(PortalSession session, Channel channel, String login) {
    Account account = accountById(session.force(), session.accountId()).orElseThrow();
    if (!account.kind.equals(channel.name()) || account.login.equals(login)) {
      return true;
    }
    Optional<Account> other = accountByLogin(session.force(), login);
    if (other.isPresent()) {
      return false;
    }
    Instant now = clock.instant();
    db.useTransaction(
        "portal login change",
        h -> {
          h.createUpdate(
                  "UPDATE tmc_portal_account SET login = :login WHERE force_slug = :force AND"
                      + " account_id = :id")
              .bind("login", login)
              .bind("force", session.force())
              .bind("id", session.accountId())
              .execute();
          auditAccount(session, now, "portal sign-in name changed to the new " + channel);
        });
    throttle.reset(session.force() + "|" + account.login);
    return true;
  }

  /** Turns off a text second factor (its mobile number changed). */
  void turnOffSmsFactor(PortalSession session, Instant now) {
    if (factor(session.force(), session.accountId()).kind != SecondFactor.SMS) {
      return;
    }
    db.useTransaction(
        "portal sms factor off",
        h -> {
          h.createUpdate(
                  "UPDATE tmc_portal_second_factor SET factor = 'NONE', sms_crime_ref = NULL,"
                      + " sms_victim_ref = NULL, updated_at = :now WHERE force_slug = :force AND"
                      + " account_id = :id")
              .bind("now", now)
              .bind("force", session.force())
              .bind("id", session.accountId())
              .execute();
          auditAccount(session, now, "portal second factor by text turned off: mobile changed");
        });
  }

  // ---------------------------------------------------------------- second factor internals

  private static final String ACCOUNT = "portal account";
  private static final String PURPOSE_SIGN_IN = "SIGN_IN";
  private static final String PURPOSE_SMS_SETUP = "SMS_SETUP";
  private static final int MAX_CODE_TRIES = 5;
  private static final int MAX_CODE_SENDS = 3;
  private static final int CODE_DIGITS = 6;

  private record Pending(
      String hash,
      String force,
      String accountId,
      String codeHash,
      int tries,
      int sends,
      String crimeRef,
      String victimRef,
      String invitationHash) {}

  private record Factor(
      SecondFactor kind, String sealedSecret, long lastStep, String crimeRef, String victimRef) {
    static final Factor NONE = new Factor(SecondFactor.NONE, null, 0, null, null);
  }

  private record ResetRow(String force, String accountId) {}

  /** After the password: either a session, or a pending sign-in waiting for the second factor. */
  private SignInResult afterPassword(
      String force, String accountId, String previousSessionId, String invitationHash) {
    Factor factor = factor(force, accountId);
    Instant now = clock.instant();
    if (factor.kind == SecondFactor.NONE) {
      audit(
          force,
          now,
          accountActor(force, accountId),
          AuditAction.CONSULTATION,
          ACCOUNT,
          accountId,
          null,
          "portal sign-in succeeded");
      if (previousSessionId != null) {
        signOut(previousSessionId);
      }
      return startSession(force, accountId);
    }
    String token = Secrets.token(16);
    Pending p =
        new Pending(
            Secrets.sha256(token),
            force,
            accountId,
            null,
            0,
            0,
            factor.crimeRef,
            factor.victimRef,
            invitationHash);
    db.useTransaction(
        "portal pending sign-in", h -> insertPending(h, p, PURPOSE_SIGN_IN, now, codeLifetime));
    if (factor.kind == SecondFactor.SMS) {
      sendCode(p);
    }
    return SignInResult.secondFactorRequired(token, factor.kind);
  }

  private void insertPending(Handle h, Pending p, String purpose, Instant now, Duration lifetime) {
    h.createUpdate(
            "INSERT INTO tmc_portal_pending (token_hash, force_slug, account_id, purpose,"
                + " code_hash, tries, sends, crime_ref, victim_ref, invitation_hash, created_at,"
                + " expires_at) VALUES (:hash, :force, :id, :purpose, NULL, 0, 0, :crime,"
                + " :victim, :invitation, :now, :expires)")
        .bind("hash", p.hash)
        .bind("force", p.force)
        .bind("id", p.accountId)
        .bind("purpose", purpose)
        .bind("crime", p.crimeRef)
        .bind("victim", p.victimRef)
        .bind("invitation", p.invitationHash)
        .bind("now", now)
        .bind("expires", now.plus(lifetime))
        .execute();
  }

  private Optional<Pending> pending(String token, String purpose) {
    if (token == null || token.length() > 128) {
      return Optional.empty();
    }
    return pendingByHash(Secrets.sha256(token), purpose);
  }

  /** The pending row, if it exists, has not expired and has tries left; else it is deleted. */
  private Optional<Pending> pendingByHash(String hash, String purpose) {
    Instant now = clock.instant();
    return db.inTransaction(
        "portal pending",
        h -> {
          Optional<Pending> found =
              h.createQuery(
                      "SELECT token_hash, force_slug, account_id, code_hash, tries, sends,"
                          + " crime_ref, victim_ref, invitation_hash, expires_at FROM"
                          + " tmc_portal_pending WHERE token_hash = :hash AND purpose = :purpose")
                  .bind("hash", hash)
                  .bind("purpose", purpose)
                  .map(
                      (rs, ctx) ->
                          Db.instant(rs, "expires_at").isAfter(now)
                              ? new Pending(
                                  rs.getString("token_hash"),
                                  rs.getString("force_slug"),
                                  rs.getString("account_id"),
                                  rs.getString("code_hash"),
                                  rs.getInt("tries"),
                                  rs.getInt("sends"),
                                  rs.getString("crime_ref"),
                                  rs.getString("victim_ref"),
                                  rs.getString("invitation_hash"))
                              : null)
                  .findOne();
          if (found.isPresent() && found.get() != null && found.get().tries < MAX_CODE_TRIES) {
            return found;
          }
          h.createUpdate("DELETE FROM tmc_portal_pending WHERE token_hash = :hash")
              .bind("hash", hash)
              .execute();
          return Optional.empty();
        });
  }

  /** A new text code for the pending row (the old one stops working), sent to its victim. */
  private boolean sendCode(Pending p) {
    if (p.sends >= MAX_CODE_SENDS || p.victimRef == null) {
      return false;
    }
    Dispatcher d = requireDispatcher();
    String code = Secrets.digits(CODE_DIGITS);
    Instant now = clock.instant();
    int send = p.sends + 1;
    return tmc.inTransaction(
        () -> {
          int updated =
              db.inTransaction(
                  "portal code",
                  h ->
                      h.createUpdate(
                              "UPDATE tmc_portal_pending SET code_hash = :code, sends = :sends,"
                                  + " expires_at = :expires WHERE token_hash = :hash AND sends ="
                                  + " :before")
                          .bind("code", codeHash(p.hash, code))
                          .bind("sends", send)
                          .bind("expires", now.plus(codeLifetime))
                          .bind("hash", p.hash)
                          .bind("before", p.sends)
                          .execute());
          if (updated != 1) {
            return false;
          }
          d.queue(
              QueuedMessage.forVictimOn(
                  p.force,
                  MessageKind.VICTIM_SIGN_IN_CODE,
                  p.crimeRef,
                  p.victimRef,
                  Channel.SMS,
                  "portal-code|" + p.hash + "|" + send,
                  Map.of("code", code, "minutes", Long.toString(codeLifetime.toMinutes()))));
          return true;
        });
  }

  private static String codeHash(String pendingHash, String code) {
    return Secrets.sha256(pendingHash + "|" + code);
  }

  private static boolean codeMatches(Pending p, String code) {
    String given = code == null ? "" : code.replaceAll("\\s+", "");
    String expected = p.codeHash == null ? "-" : p.codeHash;
    return given.length() <= 16 && Secrets.constantTimeEquals(expected, codeHash(p.hash, given));
  }

  /** Counts a wrong code; the pending row is deleted when out of tries. */
  private SignInResult wrongCode(Pending p, SecondFactor kind, String detail) {
    Instant now = clock.instant();
    int tries = p.tries + 1;
    db.useTransaction(
        "portal wrong code",
        h -> {
          if (tries >= MAX_CODE_TRIES) {
            h.createUpdate("DELETE FROM tmc_portal_pending WHERE token_hash = :hash")
                .bind("hash", p.hash)
                .execute();
          } else {
            h.createUpdate("UPDATE tmc_portal_pending SET tries = :tries WHERE token_hash = :hash")
                .bind("tries", tries)
                .bind("hash", p.hash)
                .execute();
          }
          audit(
              p.force,
              now,
              Actor.system(),
              AuditAction.CONSULTATION,
              ACCOUNT,
              p.accountId,
              null,
              detail);
        });
    return SignInResult.withFactor(
        tries >= MAX_CODE_TRIES
            ? SignInResult.Status.SIGN_IN_AGAIN
            : SignInResult.Status.INVALID_CODE,
        kind);
  }

  /** Checks a TOTP code and records its step, so the same code cannot be used again. */
  private boolean acceptTotp(
      String force, String accountId, Factor factor, String code, Instant now) {
    OptionalLong step = Totp.verify(box.open(factor.sealedSecret), code, now, factor.lastStep);
    if (step.isEmpty()) {
      return false;
    }
    return db.inTransaction(
            "portal totp step",
            h ->
                h.createUpdate(
                        "UPDATE tmc_portal_second_factor SET totp_last_step = :step WHERE"
                            + " force_slug = :force AND account_id = :id AND totp_last_step <"
                            + " :step")
                    .bind("step", step.getAsLong())
                    .bind("force", force)
                    .bind("id", accountId)
                    .execute())
        == 1;
  }

  private Factor factor(String force, String accountId) {
    return db.with(
        "portal factor",
        h ->
            h.createQuery(
                    "SELECT factor, totp_secret, totp_last_step, sms_crime_ref, sms_victim_ref"
                        + " FROM tmc_portal_second_factor WHERE force_slug = :force AND"
                        + " account_id = :id")
                .bind("force", force)
                .bind("id", accountId)
                .map(
                    (rs, ctx) ->
                        new Factor(
                            SecondFactor.valueOf(rs.getString("factor")),
                            rs.getString("totp_secret"),
                            rs.getLong("totp_last_step"),
                            rs.getString("sms_crime_ref"),
                            rs.getString("sms_victim_ref")))
                .findOne()
                .orElse(Factor.NONE));
  }

  private static void ensureFactorRow(Handle h, String force, String accountId, Instant now) {
    int exists =
        h.createQuery(
                "SELECT COUNT(*) FROM tmc_portal_second_factor WHERE force_slug = :force AND"
                    + " account_id = :id")
            .bind("force", force)
            .bind("id", accountId)
            .mapTo(Integer.class)
            .one();
    if (exists == 0) {
      h.createUpdate(
              "INSERT INTO tmc_portal_second_factor (force_slug, account_id, factor, updated_at)"
                  + " VALUES (:force, :id, 'NONE', :now)")
          .bind("force", force)
          .bind("id", accountId)
          .bind("now", now)
          .execute();
    }
  }

  /** Checks a signed-in victim's password again, throttled and counted like a sign-in. */
  PasswordConfirmation confirmPassword(PortalSession session, String password, String client) {
    Account account = accountById(session.force(), session.accountId()).orElseThrow();
    String key = session.force() + "|" + account.login;
    Optional<Duration> wait = throttle.retryAfter(key, client);
    if (wait.isPresent()) {
      return PasswordConfirmation.tryLater(wait.get());
    }
    if (!hashing.run(() -> hasher.verify(password, account.passwordHash)).matches()) {
      throttle.recordFailure(key, client);
      audit(
          session.force(),
          clock.instant(),
          Actor.system(),
          AuditAction.CONSULTATION,
          ACCOUNT,
          session.accountId(),
          null,
          "portal password check failed");
      return PasswordConfirmation.WRONG;
    }
    return PasswordConfirmation.DONE;
  }

  void auditAccount(PortalSession session, Instant now, String detail) {
    audit(
        session.force(),
        now,
        accountActor(session.force(), session.accountId()),
        AuditAction.ALTERATION,
        ACCOUNT,
        session.accountId(),
        null,
        detail);
  }

  /** The account holder as an actor: the victim of their first linked crime. */
  private Actor accountActor(String force, String accountId) {
    return db.with(
            "portal actor",
            h ->
                h.createQuery(
                        "SELECT victim_ref FROM tmc_portal_account_victim WHERE force_slug ="
                            + " :force AND account_id = :id ORDER BY linked_at, crime_ref FETCH"
                            + " FIRST 1 ROWS ONLY")
                    .bind("force", force)
                    .bind("id", accountId)
                    .mapTo(String.class)
                    .findOne())
        .map(Actor::victim)
        .orElse(Actor.system());
  }

  /** A linked crime whose victim's contact on the sign-in channel is the sign-in name. */
  private Optional<CrimeLink> contactVictim(
      String force, String accountId, String kind, String login) {
    PortalSession asAccount = new PortalSession(force, accountId, "", Instant.EPOCH, Instant.EPOCH);
    for (CrimeLink c : crimes(asAccount)) {
      Optional<Victim> v = tmc.victims().find(force, c.crimeReference(), c.victimRef());
      String contact =
          v.map(
                  x ->
                      Channel.EMAIL.name().equals(kind)
                          ? (x.email() == null ? null : x.email().toLowerCase(Locale.ROOT))
                          : x.mobile())
              .orElse(null);
      if (login.equals(contact)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  private Optional<ResetRow> findReset(String token) {
    if (token == null || token.length() > 128) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    return db.with(
        "portal reset token",
        h ->
            h.createQuery(
                    "SELECT force_slug, account_id FROM tmc_portal_reset WHERE token_hash = :hash"
                        + " AND used_at IS NULL AND expires_at > :now")
                .bind("hash", Secrets.sha256(token))
                .bind("now", now)
                .map((rs, ctx) -> new ResetRow(rs.getString(1), rs.getString(2)))
                .findOne());
  }

  private Dispatcher requireDispatcher() {
    if (dispatcher == null) {
      throw new IllegalStateException(
          "the portal needs a dispatcher (VictimPortal.Builder.dispatcher) to send messages");
    }
    return dispatcher;
  }

  // ---------------------------------------------------------------- internals

  private record Invite(
      String hash, String force, String crime, String victim, String kind, String login) {}

  private record Account(String id, String kind, String login, String passwordHash) {}

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
    Optional<Invite> invite = unusedInvitation(hash, now);
    // the answer is compared even when the token is unknown, so timing does not tell them apart
    String expected = invite.map(i -> normaliseAnswer(i.crime)).orElse("-");
    boolean answered = Secrets.constantTimeEquals(expected, normaliseAnswer(answer));
    if (invite.isEmpty() || !answered) {
      return Optional.empty();
    }
    return invite.filter(i -> stillEligible(i, now));
  }

  /** An invitation by its hash, when still unused, unexpired and its victim still eligible. */
  private Optional<Invite> invitationByHash(String hash) {
    Instant now = clock.instant();
    return unusedInvitation(hash, now).filter(i -> stillEligible(i, now));
  }

  /** An invitation by its hash, when still unused and unexpired. */
  private Optional<Invite> unusedInvitation(String hash, Instant now) {
    return db.with(
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
  }

  private boolean stillEligible(Invite i, Instant now) {
    return tmc.victims().find(i.force, i.crime, i.victim).map(v -> eligible(v, now)).orElse(false);
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
    audit(force, at, actor, action, "victim", victimRef, crimeReference, detail);
  }

  void audit(
      String force,
      Instant at,
      Actor actor,
      AuditAction action,
      String subjectType,
      String subjectRef,
      String crimeReference,
      String detail) {
    tmc.audit()
        .record(
            new AuditEvent(
                force, at, actor, action, subjectType, subjectRef, crimeReference, detail));
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
                    "SELECT account_id, login_kind, login, password_hash FROM tmc_portal_account"
                        + " WHERE"
                        + " force_slug = :force AND "
                        + column
                        + " = :value")
                .bind("force", force)
                .bind("value", value)
                .map(
                    (rs, ctx) ->
                        new Account(
                            rs.getString("account_id"),
                            rs.getString("login_kind"),
                            rs.getString("login"),
                            rs.getString("password_hash")))
                .findOne());
  }

  private static String link(String baseUrl, String path, String token) {
    if (!AlertLinks.allowed(baseUrl)) {
      throw new IllegalArgumentException(
          "baseUrl: must be an https address (plain http only on localhost)");
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
    private HashingGate hashing;
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

    /**
     * Bounds password hashing: at most {@code concurrent} Argon2id computations at once (each holds
     * the hasher's memory, 19 MiB by default, and a core), and at most {@code waiting} sign-ins
     * queued behind them; a sign-in beyond that gets {@link SignInResult.Status#TRY_AGAIN_LATER} at
     * once, without hashing, so a flood of bad passwords cannot take every core, thread or
     * megabyte. Password changes, resets and activations wait for a slot instead of being refused.
     * Default: half the processors (at least one) and four times that many waiting.
     */
    public Builder hashingLimit(int concurrent, int waiting) {
      if (concurrent < 1 || waiting < 0) {
        throw new IllegalArgumentException(
            "hashingLimit: concurrent must be at least 1 and waiting 0 or more");
      }
      this.hashing = new HashingGate(concurrent, waiting);
      return this;
    }

    /** The hashing gate itself (package-private: tests hold it to see a sign-in refused). */
    Builder hashingGate(HashingGate gate) {
      this.hashing = gate;
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
