package org.trackmycrime.portal.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.trackmycrime.portal.SecurityHeaders;

class RouterTest {
  private final Router router =
      new Router()
          .get("/", r -> PortalResponse.html(200, "<p>start</p>"))
          .post("/sign-in", r -> PortalResponse.redirect("/crimes"))
          .get(
              "/crimes",
              r -> PortalResponse.html(200, "mine").withDefaults(SecurityHeaders.forPersonalPage()))
          .get(
              "/boom",
              r -> {
                throw new IllegalStateException("secret detail");
              });

  private static PortalRequest request(String method, String path) {
    return new PortalRequest(method, path, Map.of(), Map.of(), Map.of(), "1.2.3.4");
  }

  @Test
  void aKnownRouteIsHandledWithTheSecurityHeaders() {
    PortalResponse r = router.handle(request("GET", "/"));
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.headers()).containsEntry("X-Content-Type-Options", List.of("nosniff"));
    assertThat(r.headers()).doesNotContainKey("Cache-Control");
  }

  @Test
  void personalPagesKeepNoStore() {
    assertThat(router.handle(request("GET", "/crimes")).headers())
        .containsEntry("Cache-Control", List.of("no-store"));
  }

  @Test
  void unknownPathIs404AndWrongMethodIs405WithAllow() {
    assertThat(router.handle(request("GET", "/nope")).status()).isEqualTo(404);
    PortalResponse r = router.handle(request("GET", "/sign-in"));
    assertThat(r.status()).isEqualTo(405);
    assertThat(r.headers()).containsEntry("Allow", List.of("POST"));
  }

  @Test
  void aFailingHandlerGivesA500WithoutItsMessage() {
    PortalResponse r = router.handle(request("GET", "/boom"));
    assertThat(r.status()).isEqualTo(500);
    assertThat(r.bodyText()).doesNotContain("secret");
  }

  @Test
  void requestsNeverPrintTheirFormOrCookies() {
    PortalRequest r =
        new PortalRequest(
            "post",
            "/sign-in",
            Map.of(),
            Map.of("s", "id"),
            Map.of("password", List.of("pw")),
            null);
    assertThat(r.toString()).isEqualTo("PortalRequest[POST /sign-in]");
  }

  @Test
  void redirectsStayOnThisSite() {
    assertThat(PortalResponse.redirect("/crimes").status()).isEqualTo(303);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> PortalResponse.redirect("//evil.example"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
