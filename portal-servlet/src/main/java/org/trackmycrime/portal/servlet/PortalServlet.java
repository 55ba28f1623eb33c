package org.trackmycrime.portal.servlet;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.MappingMatch;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trackmycrime.portal.http.AdapterSupport;
import org.trackmycrime.portal.http.PortalResponse;
import org.trackmycrime.portal.http.Router;

/**
 * Serves a {@link Router} from a Jakarta Servlet 6 container, behaving as the JDK adapter does
 * (both go through {@link AdapterSupport}): request headers above {@code maxHeaderBytes} → 431, a
 * body above {@code maxBodyBytes} → 413 without reading it, every method (HEAD included) passed to
 * the router, the router's status and headers written unchanged. Map it to {@code /*} or {@code
 * /prefix/*} (or {@code /}) in any context: the router sees the path below context and servlet
 * path, and its redirects to site paths are prefixed with them. Forms are read from the raw body
 * (never through {@code getParameter}), cookies from the raw {@code Cookie} header.
 *
 * <p>Slow clients are the container's to cut off (the body is read on the request thread); the
 * module's README gives the Jetty settings that do it.
 */
public final class PortalServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  private final transient AdapterSupport support;

  /** With {@link AdapterSupport#DEFAULT_MAX_HEADER_BYTES} and {@code DEFAULT_MAX_BODY_BYTES}. */
  public PortalServlet(Router router) {
    this(router, AdapterSupport.DEFAULT_MAX_HEADER_BYTES, AdapterSupport.DEFAULT_MAX_BODY_BYTES);
  }

  /**
   * @throws IllegalArgumentException when a limit is below 1024 bytes
   */
  public PortalServlet(Router router, int maxHeaderBytes, int maxBodyBytes) {
    this.support = new AdapterSupport(router, maxHeaderBytes, maxBodyBytes);
  }

  @Override
  protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    String mountPath = mountPath(req);
    PortalResponse response =
        support.respond(
            new AdapterSupport.Incoming(
                req.getMethod(),
                AdapterSupport.pathBelow(req.getRequestURI(), mountPath),
                headers(req),
                req.getInputStream(),
                req.getRemoteAddr(),
                mountPath));
    resp.setStatus(response.status());
    response.headers().forEach((name, values) -> values.forEach(v -> resp.addHeader(name, v)));
    byte[] body = response.body();
    if (AdapterSupport.sendsBody(req.getMethod(), response) && body.length > 0) {
      resp.setContentLength(body.length);
      try (OutputStream out = resp.getOutputStream()) {
        out.write(body);
      }
    } else {
      resp.flushBuffer();
    }
  }

  /**
   * The raw request-URI prefix the router is mounted under: the context path, plus the servlet path
   * for a {@code /prefix/*} mapping (matched segment by segment, since the servlet path is decoded
   * and the request URI is not).
   */
  static String mountPath(HttpServletRequest req) {
    String mount = req.getContextPath();
    HttpServletMapping mapping = req.getHttpServletMapping();
    String servletPath = req.getServletPath();
    if (mapping != null
        && mapping.getMappingMatch() == MappingMatch.PATH
        && servletPath != null
        && !servletPath.isEmpty()) {
      String rest = req.getRequestURI().substring(mount.length());
      int segments = servletPath.split("/", -1).length - 1;
      int end = 0;
      for (int i = 0; i < segments; i++) {
        int next = rest.indexOf('/', end + 1);
        end = next < 0 ? rest.length() : next;
      }
      mount = mount + rest.substring(0, end);
    }
    return mount;
  }

  private static Map<String, List<String>> headers(HttpServletRequest req) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (String name : Collections.list(req.getHeaderNames())) {
      headers.put(name, new ArrayList<>(Collections.list(req.getHeaders(name))));
    }
    return headers;
  }
}
