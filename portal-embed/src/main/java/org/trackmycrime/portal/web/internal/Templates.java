package org.trackmycrime.portal.web.internal;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.util.Map;
import org.trackmycrime.portal.SecurityHeaders;
import org.trackmycrime.portal.http.PortalResponse;

/**
 * The portal's jte templates ({@code src/main/jte}), compiled to classes at build time by the
 * jte-maven-plugin into the package {@value #PACKAGE}: no template compiler at run time. Content
 * type HTML: every {@code ${...}} is escaped for where it stands (element text or attribute).
 */
public final class Templates {
  /** Where the generated template classes live (set in the module's pom). */
  public static final String PACKAGE = "org.trackmycrime.portal.web.templates";

  private static final TemplateEngine ENGINE =
      TemplateEngine.createPrecompiled(
          null, ContentType.Html, Templates.class.getClassLoader(), PACKAGE);

  private Templates() {}

  /** Renders a template ("victim/crime.jte") with its parameters. */
  public static String render(String template, Map<String, Object> params) {
    StringOutput out = new StringOutput();
    ENGINE.render(template, params, out);
    return out.toString();
  }

  /**
   * A rendered page as a response: HTML, the security headers and {@code Cache-Control: no-store}
   * (every portal page may show something personal, even a pre-filled form).
   */
  public static PortalResponse page(int status, String template, Map<String, Object> params) {
    return PortalResponse.html(status, render(template, params))
        .withDefaults(SecurityHeaders.forPersonalPage());
  }
}
