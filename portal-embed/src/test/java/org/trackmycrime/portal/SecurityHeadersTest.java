package org.trackmycrime.portal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecurityHeadersTest {
  @Test
  void everyPageGetsCspHstsNosniffAndNoReferrer() {
    assertThat(SecurityHeaders.forPublicPage())
        .containsEntry("X-Content-Type-Options", "nosniff")
        .containsEntry("Referrer-Policy", "no-referrer")
        .containsEntry("Strict-Transport-Security", "max-age=63072000; includeSubDomains")
        .doesNotContainKey("Cache-Control");
    assertThat(SecurityHeaders.forPublicPage().get("Content-Security-Policy"))
        .contains("default-src 'self'", "frame-ancestors 'none'", "form-action 'self'");
  }

  @Test
  void personalPagesAreNeverCached() {
    assertThat(SecurityHeaders.forPersonalPage())
        .containsEntry("Cache-Control", "no-store")
        .containsAllEntriesOf(SecurityHeaders.forPublicPage());
  }
}
