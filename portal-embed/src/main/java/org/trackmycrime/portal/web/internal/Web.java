package org.trackmycrime.portal.web.internal;

import java.util.Optional;
import org.trackmycrime.core.model.Language;
import org.trackmycrime.portal.SecurityHeaders;
import org.trackmycrime.portal.http.PortalRequest;
import org.trackmycrime.portal.http.PortalResponse;
import org.trackmycrime.portal.internal.Secrets;

/**
 * Small pieces every page handler needs: the language cookie, the CSRF token for forms shown before
 * sign-in (a double-submit cookie), the form field name and redirects with no-store.
 */
public final class Web {
  /** The hidden form field that carries the CSRF token. */
  public static final String CSRF_FIELD = "csrf";

  /** The header a JSON client sends the session's CSRF token in. */
  public static final String CSRF_HEADER = "X-CSRF-Token";

  /** The language cookie: not secret, but {@code __Host-} so another site cannot set it. */
  public static final String LANGUAGE_COOKIE = "__Host-tmc-lang";

  /** The CSRF cookie of forms shown before sign-in (sign-in, activation). */
  public static final String PRE_SESSION_CSRF_COOKIE = "__Host-tmc-csrf";

  private Web() {}

  /** The language the visitor chose (cookie), English if none. */
  public static Language language(PortalRequest request) {
    return request
        .cookie(LANGUAGE_COOKIE)
        .filter(v -> v.equals("cy") || v.equals("en"))
        .map(Language::ofCode)
        .orElse(Language.EN);
  }

  /** The {@code Set-Cookie} value that remembers a language for a year. */
  public static String languageCookie(Language language) {
    return LANGUAGE_COOKIE
        + "="
        + language.code()
        + "; Path=/; Max-Age=31536000; Secure; HttpOnly; SameSite=Lax";
  }

  /**
   * The CSRF token of a form shown before sign-in: the one the browser's cookie already holds, or a
   * new one (then {@link #preSessionCsrfCookie} must be set on the response).
   */
  public static Optional<String> preSessionCsrf(PortalRequest request) {
    return request.cookie(PRE_SESSION_CSRF_COOKIE).filter(v -> v.matches("[A-Za-z0-9_-]{43}"));
  }

  public static String newCsrfToken() {
    return Secrets.token(32);
  }

  public static String preSessionCsrfCookie(String token) {
    return PRE_SESSION_CSRF_COOKIE + "=" + token + "; Path=/; Secure; HttpOnly; SameSite=Strict";
  }

  /** True when a form posted before sign-in carries the token its cookie holds. */
  public static boolean preSessionCsrfOk(PortalRequest request) {
    Optional<String> cookie = preSessionCsrf(request);
    return cookie.isPresent()
        && Secrets.constantTimeEquals(cookie.get(), request.field(CSRF_FIELD).orElse(""));
  }

  /** A 303 to a path on this site, never cached. */
  public static PortalResponse seeOther(String location) {
    return PortalResponse.redirect(location).withDefaults(SecurityHeaders.forPersonalPage());
  }

  /** A refused form post (no or wrong CSRF token). */
  public static PortalResponse forbidden(Texts texts) {
    return PortalResponse.text(403, texts.get("error.csrf"))
        .withDefaults(SecurityHeaders.forPersonalPage());
  }
}
