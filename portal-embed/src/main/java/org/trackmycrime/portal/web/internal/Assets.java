package org.trackmycrime.portal.web.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.trackmycrime.portal.SecurityHeaders;
import org.trackmycrime.portal.http.PortalResponse;

/**
 * GOV.UK Frontend's built files, from the {@code org.webjars.npm:govuk-frontend} jar on the class
 * path, served by the portal itself under {@code <base>assets/}: the stylesheet, the images, the
 * fonts and the script. Only names under {@code dist/govuk/} with a known extension are served;
 * everything is cached a year ({@code immutable}), since the URLs change with the version.
 *
 * <p>The stylesheet is served with two changes: its {@code /assets/} URLs point under the base
 * path, and its font stack starts with Arial instead of GDS Transport, which only services on
 * GOV.UK may use (the Design System's rule for services elsewhere).
 */
public final class Assets {
  /** The GOV.UK Frontend version the portal was built with. */
  public static final String VERSION = "5.14.0";

  private static final String ROOT =
      "META-INF/resources/webjars/govuk-frontend/" + VERSION + "/dist/govuk/";
  private static final Map<String, String> TYPES =
      Map.of(
          "css", "text/css; charset=utf-8",
          "js", "text/javascript; charset=utf-8",
          "woff2", "font/woff2",
          "woff", "font/woff",
          "png", "image/png",
          "svg", "image/svg+xml",
          "ico", "image/x-icon");

  private final String basePath;
  private final Map<String, Optional<byte[]>> cache = new ConcurrentHashMap<>();

  public Assets(String basePath) {
    this.basePath = basePath;
  }

  /** The URL of the stylesheet. */
  public String stylesheet() {
    return basePath + "assets/" + VERSION + "/govuk-frontend.min.css";
  }

  /**
   * The response for {@code <base>assets/<version>/<name>}; 404 for anything else.
   *
   * @param rest the path after {@code assets/}
   */
  public PortalResponse serve(String rest) {
    String prefix = VERSION + "/";
    if (!rest.startsWith(prefix)) {
      return notFound();
    }
    String name = rest.substring(prefix.length());
    int dot = name.lastIndexOf('.');
    if (!name.matches("[a-z0-9][a-z0-9./-]*") || name.contains("..") || dot < 0) {
      return notFound();
    }
    String type = TYPES.get(name.substring(dot + 1));
    if (type == null) {
      return notFound();
    }
    Optional<byte[]> body = cache.computeIfAbsent(name, this::load);
    if (body.isEmpty()) {
      return notFound();
    }
    return new PortalResponse(
            200,
            Map.of(
                "Content-Type", List.of(type),
                "Cache-Control", List.of("public, max-age=31536000, immutable")),
            body.get())
        .withDefaults(SecurityHeaders.forPublicPage());
  }

  private Optional<byte[]> load(String name) {
    try (InputStream in = Assets.class.getClassLoader().getResourceAsStream(ROOT + name)) {
      if (in == null) {
        return Optional.empty();
      }
      byte[] bytes = in.readAllBytes();
      if (name.equals("govuk-frontend.min.css")) {
        String css = new String(bytes, StandardCharsets.UTF_8);
        css =
            css.replace("url(/assets/", "url(" + basePath + "assets/" + VERSION + "/assets/")
                .replace(
                    "font-family:GDS Transport,arial,sans-serif", "font-family:arial,sans-serif");
        bytes = css.getBytes(StandardCharsets.UTF_8);
      }
      return Optional.of(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static PortalResponse notFound() {
    return PortalResponse.text(404, "Not found");
  }
}
