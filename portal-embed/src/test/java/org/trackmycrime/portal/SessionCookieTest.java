package org.trackmycrime.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.trackmycrime.portal.internal.Secrets;

class SessionCookieTest {
  @Test
  void theCookieIsHostPrefixedSecureHttpOnlyLaxAndForTheWholeSite() {
    String id = Secrets.token(16);
    assertThat(SessionCookie.set(id))
        .isEqualTo("__Host-tmc-session=" + id + "; Path=/; Secure; HttpOnly; SameSite=Lax");
  }

  @Test
  void clearingExpiresItWithTheSameAttributes() {
    assertThat(SessionCookie.clear())
        .startsWith("__Host-tmc-session=;")
        .contains("Max-Age=0", "Path=/", "Secure", "HttpOnly");
  }

  @Test
  void theIdIsReadFromACookieHeaderAmongOthers() {
    assertThat(SessionCookie.read("a=1; __Host-tmc-session=abcdefghijklmnopqrstuv; b=2"))
        .hasValue("abcdefghijklmnopqrstuv");
    assertThat(SessionCookie.read("tmc-session=x")).isEmpty();
    assertThat(SessionCookie.read(null)).isEmpty();
  }

  @Test
  void onlyGeneratedIdsCanBeSet() {
    assertThatThrownBy(() -> SessionCookie.set("x; Domain=evil.example"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
