package org.trackmycrime.portal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The response headers every portal page sends. Personal pages (anything about a victim or their
 * crime, and every page after sign-in) also forbid caching.
 */
public final class SecurityHeaders {
  public static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none';"
          + " object-src 'none'";

  /** Two years, subdomains included (the host decides on preload). */
  public static final String STRICT_TRANSPORT_SECURITY = "max-age=63072000; includeSubDomains";

  private SecurityHeaders() {}

  /** Headers for a page that holds nothing personal (start page, sign-in form). */
  public static Map<String, String> forPublicPage() {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    h.put("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
    h.put("X-Content-Type-Options", "nosniff");
    h.put("Referrer-Policy", "no-referrer");
    h.put("X-Frame-Options", "DENY");
    return Map.copyOf(h);
  }

  /** Headers for a personal page: the public set plus {@code Cache-Control: no-store}. */
  public static Map<String, String> forPersonalPage() {
    Map<String, String> h = new LinkedHashMap<>(forPublicPage());
    h.put("Cache-Control", "no-store");
    h.put("Pragma", "no-cache");
    return Map.copyOf(h);
  }
}
