package org.trackmycrime.portal.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.trackmycrime.core.model.Language;

class TemplatesTest {
  private Page page(Language language, String title) {
    return Page.builder(Texts.of(language), "/victims/")
        .path("support")
        .title(title)
        .serviceName("Track my crime")
        .organisationName("Demo <Police>")
        .build();
  }

  @Test
  void theLayoutEscapesWhatItIsGivenAndCarriesTheExitLinkAndLanguageSwitch() {
    String html =
        Templates.render(
            "victim/message.jte",
            Map.of(
                "page", page(Language.EN, "<script>x</script>"),
                "heading", "\"><img src=x>",
                "body", "${jndi:ldap://x}"));
    assertThat(html)
        .startsWith("<!DOCTYPE html>")
        .contains("<html lang=\"en\"")
        .contains("&lt;script&gt;x&lt;/script&gt; – Track my crime – Demo &lt;Police&gt;")
        .doesNotContain("<img src=x>")
        .contains("href=\"https://www.bbc.co.uk/weather\"")
        .contains("Exit this page")
        .contains("href=\"/victims/language/cy/support\"")
        .contains("/victims/assets/5.14.0/govuk-frontend.min.css")
        .doesNotContain("<script");
  }

  @Test
  void welshPagesSayTheirLanguage() {
    String html =
        Templates.render(
            "victim/message.jte",
            Map.of("page", page(Language.CY, "Teitl"), "heading", "Pennawd", "body", "Testun"));
    assertThat(html)
        .contains("<html lang=\"cy\"")
        .contains("Gadael y dudalen hon")
        .contains("hreflang=\"en\"");
  }

  @Test
  void theErrorSummaryLinksToEachFieldInOrder() {
    Form form = Form.empty().error("login", "Enter your email").error("password", "Enter it");
    Page p =
        Page.builder(Texts.of(Language.EN), "/")
            .title("Sign in")
            .hasErrors(true)
            .csrfToken("t".repeat(43))
            .build();
    String html =
        Templates.render(
            "victim/signIn.jte", Map.of("page", p, "form", form, "resetAvailable", false));
    assertThat(html).contains("<title>Error: Sign in");
    assertThat(html.indexOf("href=\"#login\""))
        .isPositive()
        .isLessThan(html.indexOf("href=\"#password\""));
    assertThat(html).contains("aria-describedby=\"login-hint login-error\"");
    assertThat(html).contains("name=\"csrf\" value=\"" + "t".repeat(43) + "\"");
  }
}
