package org.trackmycrime.portal;

import java.util.Optional;

/**
 * The session cookie: {@code __Host-} prefixed (so only a Secure cookie for this exact host with
 * Path=/ is accepted by browsers), HttpOnly and SameSite=Lax. It has no Max-Age: the server ends
 * sessions; the browser drops the cookie when it closes.
 */
public final class SessionCookie {
  public static final String NAME = "__Host-tmc-session";

  private SessionCookie() {}

  /** The {@code Set-Cookie} value that starts (or rotates) a session. */
  public static String set(String sessionId) {
    if (sessionId == null || !sessionId.matches("[A-Za-z0-9_-]{22,64}")) {
      throw new IllegalArgumentException("not a session id");
    }
    return NAME + "=" + sessionId + "; Path=/; Secure; HttpOnly; SameSite=Lax";
  }

  /** The {@code Set-Cookie} value that removes the cookie (at sign-out). */
  public static String clear() {
    return NAME + "=; Path=/; Max-Age=0; Secure; HttpOnly; SameSite=Lax";
  }

  /** The session id in a {@code Cookie} request header, if there is one. */
  public static Optional<String> read(String cookieHeader) {
    if (cookieHeader == null || cookieHeader.length() > 8192) {
      return Optional.empty();
    }
    for (String part : cookieHeader.split(";")) {
      String p = part.strip();
      if (p.startsWith(NAME + "=")) {
        String value = p.substring(NAME.length() + 1);
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
      }
    }
    return Optional.empty();
  }
}
