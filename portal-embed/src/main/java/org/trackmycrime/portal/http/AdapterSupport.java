package org.trackmycrime.portal.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.trackmycrime.portal.SecurityHeaders;

/**
 * The steps every server adapter shares, so that the JDK adapter, the Servlet adapter (artifact
 * {@code trackmycrime-portal-servlet}) and any adapter a host writes behave the same. For adapter
 * authors, not for pages. An adapter gathers one request as its server parsed it into an {@link
 * Incoming}, calls {@link #respond}, and writes the {@link PortalResponse} it gets back, leaving
 * out the body when {@link #sendsBody} says so.
 *
 * <p>{@link #respond} refuses, without calling the router: request headers above {@code
 * maxHeaderBytes} in total (each counted as name, value and 4 bytes of separators) with 431; a
 * declared {@code Content-Length} above {@code maxBodyBytes} with 413 before reading any of the
 * body; a body that turns out longer (chunked) with 413 after reading at most one byte past the
 * limit; a malformed {@code Content-Length} with 400. Refusals carry {@code Connection: close} and
 * the public security headers. It parses URL-encoded form bodies (at most 200 fields; a field with
 * a malformed escape is dropped) and the {@code Cookie} header, and prefixes a {@code Location}
 * that is a path on this site with the path the router is mounted under.
 */
public final class AdapterSupport {
  /** Request headers together, 16 KiB. */
  public static final int DEFAULT_MAX_HEADER_BYTES = 16 * 1024;

  /** A request body, 64 KiB: far more than any portal form, far less than a 1 MB password. */
  public static final int DEFAULT_MAX_BODY_BYTES = 64 * 1024;

  private static final int MAX_FIELDS = 200;

  /**
   * One request as the server parsed it.
   *
   * @param method the request method, any case
   * @param path the raw (still percent-encoded) path below the mount path, starting with "/";
   *     {@code null} when the request is not under the mount path (it gets 404)
   * @param headers header names in any case, each with its values
   * @param body the request body, read at most one byte past the limit; never closed here
   * @param client the remote address, for throttling
   * @param mountPath the raw path the router is mounted under ("" for the root, else starting with
   *     "/" and not ending with one); site paths in {@code Location} are prefixed with it
   */
  public record Incoming(
      String method,
      String path,
      Map<String, List<String>> headers,
      InputStream body,
      String client,
      String mountPath) {
    public Incoming {
      if (!mountPath.isEmpty() && (!mountPath.startsWith("/") || mountPath.endsWith("/"))) {
        throw new IllegalArgumentException(
            "mountPath: must be empty or start with / and not end with /");
      }
    }
  }

  private final Router router;
  private final int maxHeaderBytes;
  private final int maxBodyBytes;

  /**
   * @throws IllegalArgumentException when a limit is below 1024 bytes
   */
  public AdapterSupport(Router router, int maxHeaderBytes, int maxBodyBytes) {
    if (maxHeaderBytes < 1024 || maxBodyBytes < 1024) {
      throw new IllegalArgumentException("limits must be at least 1024 bytes");
    }
    this.router = router;
    this.maxHeaderBytes = maxHeaderBytes;
    this.maxBodyBytes = maxBodyBytes;
  }

  public int maxHeaderBytes() {
    return maxHeaderBytes;
  }

  public int maxBodyBytes() {
    return maxBodyBytes;
  }

  /** Checks the bounds, builds the {@link PortalRequest} and asks the router. */
  public PortalResponse respond(Incoming in) throws IOException {
    return withMountPath(route(in), in.mountPath());
  }

  private PortalResponse route(Incoming in) throws IOException {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    long headerBytes = 0;
    for (Map.Entry<String, List<String>> e : in.headers().entrySet()) {
      for (String v : e.getValue()) {
        headerBytes += e.getKey().length() + v.length() + 4;
      }
      headers
          .computeIfAbsent(e.getKey().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
          .addAll(e.getValue());
    }
    if (headerBytes > maxHeaderBytes) {
      return refused(431, "Request headers too large");
    }
    String length = first(headers, "content-length");
    if (length != null) {
      try {
        if (Long.parseLong(length.strip()) > maxBodyBytes) {
          return refused(413, "Request too large");
        }
      } catch (NumberFormatException e) {
        return refused(400, "Bad request");
      }
    }
    byte[] body = readAtMost(in.body(), maxBodyBytes + 1);
    if (body.length > maxBodyBytes) {
      return refused(413, "Request too large");
    }
    if (in.path() == null || !in.path().startsWith("/")) {
      return PortalResponse.text(404, "Page not found")
          .withDefaults(SecurityHeaders.forPublicPage());
    }
    String contentType = first(headers, "content-type");
    Map<String, List<String>> form =
        contentType != null
                && contentType
                    .toLowerCase(Locale.ROOT)
                    .startsWith("application/x-www-form-urlencoded")
            ? parseForm(new String(body, StandardCharsets.UTF_8))
            : Map.of();
    PortalRequest request =
        new PortalRequest(
            in.method(),
            in.path(),
            headers,
            parseCookies(headers.get("cookie")),
            form,
            in.client());
    return router.handle(request);
  }

  /**
   * The path below {@code mountPath}, or {@code null} when {@code rawPath} is not under it ({@code
   * /victimsx} is not under {@code /victims}). The mount path itself maps to "/".
   */
  public static String pathBelow(String rawPath, String mountPath) {
    if (rawPath == null || rawPath.isEmpty()) {
      return mountPath.isEmpty() ? "/" : null;
    }
    if (mountPath.isEmpty()) {
      return rawPath;
    }
    if (!rawPath.startsWith(mountPath)) {
      return null;
    }
    String rest = rawPath.substring(mountPath.length());
    if (rest.isEmpty()) {
      return "/";
    }
    return rest.startsWith("/") ? rest : null;
  }

  /**
   * Whether the response body goes on the wire: not for {@code HEAD}, and not for statuses that
   * never have one (1xx, 204, 304).
   */
  public static boolean sendsBody(String method, PortalResponse response) {
    int s = response.status();
    return !method.equalsIgnoreCase("HEAD") && s >= 200 && s != 204 && s != 304;
  }

  private static PortalResponse withMountPath(PortalResponse response, String mountPath) {
    List<String> locations = response.headers().get("Location");
    if (mountPath.isEmpty() || locations == null) {
      return response;
    }
    Map<String, List<String>> h = new LinkedHashMap<>(response.headers());
    List<String> moved = new ArrayList<>();
    for (String l : locations) {
      moved.add(l.startsWith("/") && !l.startsWith("//") ? mountPath + l : l);
    }
    h.put("Location", moved);
    return new PortalResponse(response.status(), h, response.body());
  }

  private static PortalResponse refused(int status, String text) {
    return PortalResponse.text(status, text)
        .withHeader("Connection", "close")
        .withDefaults(SecurityHeaders.forPublicPage());
  }

  private static String first(Map<String, List<String>> headers, String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  private static byte[] readAtMost(InputStream in, int limit) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[8192];
    int n;
    while (out.size() < limit
        && (n = in.read(buf, 0, Math.min(buf.length, limit - out.size()))) > 0) {
      out.write(buf, 0, n);
    }
    return out.toByteArray();
  }

  static Map<String, List<String>> parseForm(String body) {
    Map<String, List<String>> form = new LinkedHashMap<>();
    if (body.isEmpty()) {
      return form;
    }
    int fields = 0;
    for (String pair : body.split("&")) {
      if (pair.isEmpty() || ++fields > MAX_FIELDS) {
        continue;
      }
      int eq = pair.indexOf('=');
      try {
        String name =
            URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        String value =
            eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        form.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
      } catch (IllegalArgumentException e) {
        // a malformed escape: the field is dropped, as if it had not been sent
      }
    }
    return form;
  }

  static Map<String, String> parseCookies(List<String> headers) {
    Map<String, String> cookies = new LinkedHashMap<>();
    if (headers == null) {
      return cookies;
    }
    for (String header : headers) {
      for (String part : header.split(";")) {
        int eq = part.indexOf('=');
        if (eq > 0) {
          cookies.putIfAbsent(part.substring(0, eq).strip(), part.substring(eq + 1).strip());
        }
      }
    }
    return cookies;
  }
}
