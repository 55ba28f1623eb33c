package org.trackmycrime.portal.http;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trackmycrime.portal.SecurityHeaders;

/**
 * Maps a method and a path to a handler; the pages plug in here. Exact paths ({@link #get}, {@link
 * #post}) are tried first, then patterns ({@link #route}) in the order they were added: a segment
 * {@code {name}} matches one non-empty path segment, a last segment {@code {name*}} matches the
 * rest of the path (one or more segments). Unknown paths get 404 (or the {@link #notFound}
 * handler's page), known paths with another method 405. Every response gets {@link
 * SecurityHeaders#forPublicPage} unless the handler set a header itself (personal pages add {@code
 * Cache-Control: no-store} through {@link SecurityHeaders#forPersonalPage}). A handler that throws
 * gives a plain 500 and the exception's class is logged, never the request. Register routes before
 * serving; then thread-safe.
 */
public final class Router {
  private static final Logger LOG = LoggerFactory.getLogger(Router.class);

  /** One page or action. */
  @FunctionalInterface
  public interface Handler {
    PortalResponse handle(PortalRequest request);
  }

  /**
   * A handler for a pattern route; {@code params} holds the matched segments, still URL-encoded.
   */
  @FunctionalInterface
  public interface PathHandler {
    PortalResponse handle(PortalRequest request, Map<String, String> params);
  }

  private record Pattern(String pattern, List<String> segments, Map<String, PathHandler> byMethod) {
    Map<String, String> match(String path) {
      String[] parts = path.substring(1).split("/", -1);
      Map<String, String> params = new LinkedHashMap<>();
      for (int i = 0; i < segments.size(); i++) {
        String seg = segments.get(i);
        boolean last = i == segments.size() - 1;
        if (last && seg.startsWith("{") && seg.endsWith("*}")) {
          if (parts.length <= i) {
            return null;
          }
          String rest = String.join("/", Arrays.asList(parts).subList(i, parts.length));
          if (rest.isEmpty()) {
            return null;
          }
          params.put(seg.substring(1, seg.length() - 2), rest);
          return params;
        }
        if (i >= parts.length) {
          return null;
        }
        if (seg.startsWith("{") && seg.endsWith("}")) {
          if (parts[i].isEmpty()) {
            return null;
          }
          params.put(seg.substring(1, seg.length() - 1), parts[i]);
        } else if (!seg.equals(parts[i])) {
          return null;
        }
      }
      return parts.length == segments.size() ? params : null;
    }
  }

  private final Map<String, Map<String, Handler>> routes = new LinkedHashMap<>();
  private final List<Pattern> patterns = new ArrayList<>();
  private Handler notFound = request -> PortalResponse.text(404, "Page not found");

  public Router get(String path, Handler handler) {
    return add("GET", path, handler);
  }

  public Router post(String path, Handler handler) {
    return add("POST", path, handler);
  }

  public synchronized Router add(String method, String path, Handler handler) {
    if (!path.startsWith("/")) {
      throw new IllegalArgumentException("path: must start with /");
    }
    routes.computeIfAbsent(path, p -> new LinkedHashMap<>()).put(method, handler);
    return this;
  }

  /**
   * Adds a pattern route, e.g. {@code route("GET", "/crimes/{crime}", (req, p) -> ...)}; {@code
   * p.get("crime")} is the segment as sent (URL-encoded).
   */
  public synchronized Router route(String method, String pattern, PathHandler handler) {
    if (!pattern.startsWith("/")) {
      throw new IllegalArgumentException("pattern: must start with /");
    }
    for (Pattern p : patterns) {
      if (p.pattern().equals(pattern)) {
        p.byMethod().put(method, handler);
        return this;
      }
    }
    Map<String, PathHandler> byMethod = new LinkedHashMap<>();
    byMethod.put(method, handler);
    patterns.add(new Pattern(pattern, List.of(pattern.substring(1).split("/", -1)), byMethod));
    return this;
  }

  /**
   * Every route as {@code "METHOD path"} (exact paths, then patterns, in the order added): for
   * tests that must cover each route, and for a host's own listing.
   */
  public synchronized List<String> describe() {
    List<String> out = new ArrayList<>();
    routes.forEach((path, byMethod) -> byMethod.keySet().forEach(m -> out.add(m + " " + path)));
    patterns.forEach(p -> p.byMethod().keySet().forEach(m -> out.add(m + " " + p.pattern())));
    return out;
  }

  /** The page for paths no route matches (default: a plain-text 404). */
  public synchronized Router notFound(Handler handler) {
    this.notFound = handler;
    return this;
  }

  public PortalResponse handle(PortalRequest request) {
    Map<String, Handler> byMethod;
    Handler missing;
    Map<String, PathHandler> byPattern = null;
    Map<String, String> params = null;
    synchronized (this) {
      byMethod = routes.get(request.path());
      missing = notFound;
      if (byMethod == null) {
        for (Pattern p : patterns) {
          params = p.match(request.path());
          if (params != null) {
            byPattern = p.byMethod();
            break;
          }
        }
      }
    }
    if (byMethod == null && byPattern != null) {
      Map<String, PathHandler> found = byPattern;
      Map<String, String> matched = params;
      byMethod = new LinkedHashMap<>();
      for (Map.Entry<String, PathHandler> e : found.entrySet()) {
        PathHandler h = e.getValue();
        byMethod.put(e.getKey(), r -> h.handle(r, matched));
      }
    }
    PortalResponse response;
    if (byMethod == null) {
      response = safely(missing, request);
    } else {
      String method = request.method().equals("HEAD") ? "GET" : request.method();
      Handler handler = byMethod.get(method);
      if (handler == null) {
        Set<String> allowed = new TreeSet<>(byMethod.keySet());
        response =
            PortalResponse.text(405, "Method not allowed")
                .withHeader("Allow", String.join(", ", allowed));
      } else {
        response = safely(handler, request);
      }
    }
    return response.withDefaults(SecurityHeaders.forPublicPage());
  }

  private static PortalResponse safely(Handler handler, PortalRequest request) {
    try {
      return handler.handle(request);
    } catch (RuntimeException e) {
      LOG.error("portal handler failed path={} error={}", request.path(), e.getClass().getName());
      return PortalResponse.text(500, "Sorry, there is a problem with the service");
    }
  }
}
