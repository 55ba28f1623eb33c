package org.trackmycrime.portal.staff;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.trackmycrime.core.internal.Checks;
import org.trackmycrime.portal.http.PortalRequest;
import org.trackmycrime.portal.internal.Secrets;

/**
 * <strong>For demonstrations only; never in production.</strong> A {@link StaffIdentity} with fixed
 * accounts that all share one demo password, and sessions held in memory, for the reference server.
 * A real host resolves staff from its own sign-in (force directory, single sign-on).
 *
 * <p>Sessions end after 15 minutes without use or at {@link #signOut}; session ids are 128-bit
 * random and kept only as their hashes. The cookie is {@value #COOKIE}.
 */
public final class DemoStaffIdentity implements StaffIdentity {
  /** The cookie holding the demo staff session id. */
  public static final String COOKIE = "__Host-tmc-staff-demo";

  private static final Duration IDLE = Duration.ofMinutes(15);

  private record Session(String staffId, Instant lastUsed) {}

  private final Map<String, StaffMember> accounts = new LinkedHashMap<>();
  private final String password;
  private final Clock clock;
  private final Map<String, Session> sessions = new ConcurrentHashMap<>();

  /**
   * @param accounts the demo staff, each signing in with its {@link StaffMember#id()}
   * @param password the demo password every account shares (at least 8 characters)
   */
  public DemoStaffIdentity(List<StaffMember> accounts, String password, Clock clock) {
    new Checks()
        .noNulls("accounts", accounts)
        .require(
            password != null && password.length() >= 8, "password", "must be at least 8 characters")
        .throwIfAny();
    for (StaffMember m : accounts) {
      this.accounts.put(m.id(), m);
    }
    this.password = password;
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The demo accounts, for the sign-in page's list. */
  public List<StaffMember> accounts() {
    return List.copyOf(accounts.values());
  }

  /**
   * Starts a session for the account when the password is the demo password.
   *
   * @return the new session id for the {@link #COOKIE} cookie, or empty when refused
   */
  public Optional<String> signIn(String staffId, String password) {
    StaffMember m = staffId == null ? null : accounts.get(staffId);
    if (m == null || !Secrets.constantTimeEquals(this.password, password)) {
      return Optional.empty();
    }
    String id = Secrets.token(16);
    sessions.put(Secrets.sha256(id), new Session(m.id(), clock.instant()));
    return Optional.of(id);
  }

  /** Ends the request's session, if any. */
  public void signOut(PortalRequest request) {
    request.cookie(COOKIE).ifPresent(id -> sessions.remove(Secrets.sha256(id)));
  }

  @Override
  public Optional<StaffMember> current(PortalRequest request) {
    Optional<String> cookie = request.cookie(COOKIE);
    if (cookie.isEmpty()) {
      return Optional.empty();
    }
    String key = Secrets.sha256(cookie.get());
    Session s = sessions.get(key);
    Instant now = clock.instant();
    if (s == null) {
      return Optional.empty();
    }
    if (!now.isBefore(s.lastUsed().plus(IDLE))) {
      sessions.remove(key);
      return Optional.empty();
    }
    sessions.put(key, new Session(s.staffId(), now));
    return Optional.ofNullable(accounts.get(s.staffId()));
  }

  /** The {@code Set-Cookie} value for a new session. */
  public static String cookie(String sessionId) {
    return COOKIE + "=" + sessionId + "; Path=/; Secure; HttpOnly; SameSite=Lax";
  }

  /** The {@code Set-Cookie} value that removes the session cookie. */
  public static String clearCookie() {
    return COOKIE + "=; Path=/; Max-Age=0; Secure; HttpOnly; SameSite=Lax";
  }
}
