package org.trackmycrime.portal.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.trackmycrime.core.ValidationException;
import org.trackmycrime.portal.http.PortalRequest;

class DemoStaffIdentityTest {
  static final StaffMember HUB =
      new StaffMember(
          "hub", "Hub Operator", "demo-force", Set.of(StaffRole.HUB_OPERATOR), null, null);

  /** A clock the test moves by hand. */
  static final class Moving extends Clock {
    Instant now = Instant.parse("2026-03-02T09:00:00Z");

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }

  static PortalRequest withCookie(String value) {
    return new PortalRequest(
        "GET",
        "/staff/",
        Map.of(),
        value == null ? Map.of() : Map.of(DemoStaffIdentity.COOKIE, value),
        Map.of(),
        "127.0.0.1");
  }

  @Test
  void signsInWithTheDemoPasswordOnlyAndResolvesTheMemberFromTheCookieAlone() {
    Moving clock = new Moving();
    DemoStaffIdentity id = new DemoStaffIdentity(List.of(HUB), "demo password", clock);
    assertThat(id.signIn("hub", "wrong password")).isEmpty();
    assertThat(id.signIn("nobody", "demo password")).isEmpty();
    String session = id.signIn("hub", "demo password").orElseThrow();
    assertThat(session).hasSizeGreaterThanOrEqualTo(22);
    assertThat(id.current(withCookie(session))).contains(HUB);
    assertThat(id.current(withCookie("forged"))).isEmpty();
    assertThat(id.current(withCookie(null))).isEmpty();
    assertThat(DemoStaffIdentity.cookie(session))
        .startsWith("__Host-")
        .contains("Secure", "HttpOnly", "SameSite=Lax", "Path=/");
  }

  @Test
  void aSessionEndsAfterFifteenIdleMinutesOrAtSignOut() {
    Moving clock = new Moving();
    DemoStaffIdentity id = new DemoStaffIdentity(List.of(HUB), "demo password", clock);
    String session = id.signIn("hub", "demo password").orElseThrow();
    clock.now = clock.now.plus(Duration.ofMinutes(14));
    assertThat(id.current(withCookie(session))).isPresent(); // use keeps it alive
    clock.now = clock.now.plus(Duration.ofMinutes(14));
    assertThat(id.current(withCookie(session))).isPresent();
    clock.now = clock.now.plus(Duration.ofMinutes(15));
    assertThat(id.current(withCookie(session))).isEmpty();

    String again = id.signIn("hub", "demo password").orElseThrow();
    id.signOut(withCookie(again));
    assertThat(id.current(withCookie(again))).isEmpty();
  }

  @Test
  void aShortDemoPasswordIsRefused() {
    assertThatThrownBy(() -> new DemoStaffIdentity(List.of(HUB), "short", new Moving()))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("password");
  }
}
