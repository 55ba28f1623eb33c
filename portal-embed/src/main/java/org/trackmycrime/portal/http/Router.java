package org.trackmycrime.portal.http;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trackmycrime.portal.SecurityHeaders;

/**
 * Maps a method and an exact path to a handler; the pages plug in here. Unknown paths get 404,
 * known paths with another method 405. Every response gets {@link SecurityHeaders#forPublicPage}
 * unless the handler set a header itself (personal pages add {@code Cache-Control: no-store}
 * through {@link SecurityHeaders#forPersonalPage}). A handler that throws gives a plain 500 and the
 * exception's class is logged, never the request. Register routes before serving; then thread-safe.
 */
public final class Router {
  private static final Logger LOG = LoggerFactory.getLogger(Router.class);

  /** One page or action. */
  @FunctionalInterface
  public interface Handler {
    PortalResponse handle(PortalRequest request);
  }

  private final Map<String, Map<String, Handler>> routes = new LinkedHashMap<>();

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

  public PortalResponse handle(PortalRequest request) {
    Map<String, Handler> byMethod;
    synchronized (this) {
      byMethod = routes.get(request.path());
    }
    PortalResponse response;
    if (byMethod == null) {
      response = PortalResponse.text(404, "Page not found");
    } else {
      String method = request.method().equals("HEAD") ? "GET" : request.method();
      Handler handler = byMethod.get(method);
      if (handler == null) {
        Set<String> allowed = new TreeSet<>(byMethod.keySet());
        response =
            PortalResponse.text(405, "Method not allowed")
                .withHeader("Allow", String.join(", ", allowed));
      } else {
        try {
          response = handler.handle(request);
        } catch (RuntimeException e) {
          LOG.error(
              "portal handler failed path={} error={}", request.path(), e.getClass().getName());
          response = PortalResponse.text(500, "Sorry, there is a problem with the service");
        }
      }
    }
    return response.withDefaults(SecurityHeaders.forPublicPage());
  }
}
