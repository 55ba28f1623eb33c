package org.trackmycrime.portal.http;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One request, independent of any web framework or server. Header names are lower case; {@code
 * form} holds the fields of an {@code application/x-www-form-urlencoded} body.
 *
 * @param client the remote address (or another key the host chooses) for throttling
 */
public record PortalRequest(
    String method,
    String path,
    Map<String, List<String>> headers,
    Map<String, String> cookies,
    Map<String, List<String>> form,
    String client) {

  public PortalRequest {
    method = method.toUpperCase(Locale.ROOT);
    headers = Map.copyOf(headers);
    cookies = Map.copyOf(cookies);
    form = Map.copyOf(form);
  }

  /** The first value of a header (name in any case). */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  public Optional<String> cookie(String name) {
    return Optional.ofNullable(cookies.get(name));
  }

  /** The first value of a form field. */
  public Optional<String> field(String name) {
    List<String> values = form.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  @Override
  public String toString() {
    // never the form, cookies or headers: they carry passwords, session ids and contact details
    return "PortalRequest[" + method + " " + path + "]";
  }
}
