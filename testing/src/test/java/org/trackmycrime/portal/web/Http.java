package org.trackmycrime.portal.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A plain HTTP client for the security tests: no redirects followed, cookies kept by hand (a
 * browser would keep the {@code __Host-} cookies only over HTTPS; here the server is plain HTTP on
 * loopback), form posts URL-encoded.
 */
final class Http {
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([A-Za-z0-9_-]+)\"");

  final Map<String, String> cookies = new LinkedHashMap<>();
  private final String base;

  Http(String base) {
    this.base = base;
  }

  HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), path);
  }

  HttpResponse<String> post(String path, Map<String, String> form) {
    return post(path, form, Map.of());
  }

  HttpResponse<String> post(String path, Map<String, String> form, Map<String, String> headers) {
    String body =
        form.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(b::header);
    return send(b, path);
  }

  private HttpResponse<String> send(HttpRequest.Builder b, String path) {
    if (!cookies.isEmpty()) {
      b.header(
          "Cookie",
          cookies.entrySet().stream()
              .map(e -> e.getKey() + "=" + e.getValue())
              .collect(Collectors.joining("; ")));
    }
    try {
      HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
      for (String set : r.headers().allValues("Set-Cookie")) {
        String pair = set.split(";", 2)[0];
        int eq = pair.indexOf('=');
        String name = pair.substring(0, eq);
        String value = pair.substring(eq + 1);
        if (value.isEmpty() || set.contains("Max-Age=0")) {
          cookies.remove(name);
        } else {
          cookies.put(name, value);
        }
      }
      return r;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The CSRF token in a page's form. */
  static String csrf(HttpResponse<String> page) {
    Matcher m = CSRF.matcher(page.body());
    if (!m.find()) {
      throw new AssertionError("no CSRF field on " + page.uri());
    }
    return m.group(1);
  }

  /** Signs in through the form; returns the response to the post. */
  HttpResponse<String> signIn(String login, String password) {
    String csrf = csrf(get("sign-in"));
    return post("sign-in", Map.of("login", login, "password", password, "csrf", csrf));
  }

  /** The CSRF token of the signed-in session (from the settings page's form). */
  String sessionCsrf() {
    return csrf(get("settings"));
  }

  static List<String> setCookies(HttpResponse<String> r) {
    return r.headers().allValues("Set-Cookie");
  }
}
