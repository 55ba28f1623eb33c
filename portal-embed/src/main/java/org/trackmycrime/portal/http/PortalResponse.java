package org.trackmycrime.portal.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One response: status, headers (several values allowed, for {@code Set-Cookie}) and body bytes.
 * Immutable; the {@code with…} methods return copies.
 */
public record PortalResponse(int status, Map<String, List<String>> headers, byte[] body) {
  public PortalResponse {
    if (status < 100 || status > 599) {
      throw new IllegalArgumentException("status: must be 100-599");
    }
    Map<String, List<String>> copy = new LinkedHashMap<>();
    headers.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    headers = Map.copyOf(copy);
    body = body.clone();
  }

  @Override
  public byte[] body() {
    return body.clone();
  }

  public static PortalResponse html(int status, String html) {
    return new PortalResponse(
        status,
        Map.of("Content-Type", List.of("text/html; charset=utf-8")),
        html.getBytes(StandardCharsets.UTF_8));
  }

  public static PortalResponse text(int status, String text) {
    return new PortalResponse(
        status,
        Map.of("Content-Type", List.of("text/plain; charset=utf-8")),
        text.getBytes(StandardCharsets.UTF_8));
  }

  /** A 303 See Other to a path on this site (after a form post). */
  public static PortalResponse redirect(String location) {
    if (!location.startsWith("/") || location.startsWith("//")) {
      throw new IllegalArgumentException("location: must be a path on this site");
    }
    return new PortalResponse(303, Map.of("Location", List.of(location)), new byte[0]);
  }

  /** A copy with one more value for the header. */
  public PortalResponse withHeader(String name, String value) {
    Map<String, List<String>> h = new LinkedHashMap<>(headers);
    List<String> values = new ArrayList<>(h.getOrDefault(name, List.of()));
    values.add(value);
    h.put(name, values);
    return new PortalResponse(status, h, body);
  }

  /** A copy with these headers added where the response does not already set them. */
  public PortalResponse withDefaults(Map<String, String> defaults) {
    Map<String, List<String>> h = new LinkedHashMap<>(headers);
    defaults.forEach((k, v) -> h.putIfAbsent(k, List.of(v)));
    return new PortalResponse(status, h, body);
  }

  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }
}
