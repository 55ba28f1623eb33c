package org.trackmycrime.portal.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RouterPatternTest {
  private final Router router =
      new Router()
          .get("/crimes/new", r -> PortalResponse.text(200, "exact"))
          .route(
              "GET",
              "/crimes/{crime}",
              (r, p) -> PortalResponse.text(200, "crime " + p.get("crime")))
          .route(
              "POST",
              "/crimes/{crime}/messages",
              (r, p) -> PortalResponse.text(200, "sent " + p.get("crime")))
          .route(
              "GET",
              "/assets/{rest*}",
              (r, p) -> PortalResponse.text(200, "asset " + p.get("rest")))
          .notFound(r -> PortalResponse.text(404, "custom"));

  private static PortalRequest request(String method, String path) {
    return new PortalRequest(method, path, Map.of(), Map.of(), Map.of(), null);
  }

  private String body(String method, String path) {
    return router.handle(request(method, path)).bodyText();
  }

  @Test
  void exactPathsWinOverPatterns() {
    assertThat(body("GET", "/crimes/new")).isEqualTo("exact");
    assertThat(body("GET", "/crimes/abc")).isEqualTo("crime abc");
  }

  @Test
  void aSegmentMatchesOneNonEmptySegmentOnly() {
    assertThat(router.handle(request("GET", "/crimes/")).status()).isEqualTo(404);
    assertThat(router.handle(request("GET", "/crimes/a/b")).status()).isEqualTo(404);
    assertThat(body("GET", "/crimes/a/b")).isEqualTo("custom");
    assertThat(body("POST", "/crimes/x/messages")).isEqualTo("sent x");
  }

  @Test
  void aRestSegmentTakesTheRestOfThePath() {
    assertThat(body("GET", "/assets/5.14.0/fonts/a.woff2")).isEqualTo("asset 5.14.0/fonts/a.woff2");
    assertThat(router.handle(request("GET", "/assets/")).status()).isEqualTo(404);
  }

  @Test
  void anotherMethodOnAPatternIs405AndHeadIsGet() {
    PortalResponse r = router.handle(request("DELETE", "/crimes/abc"));
    assertThat(r.status()).isEqualTo(405);
    assertThat(r.headers().get("Allow")).containsExactly("GET");
    assertThat(router.handle(request("HEAD", "/crimes/abc")).status()).isEqualTo(200);
  }

  @Test
  void describeListsEveryRoute() {
    assertThat(router.describe())
        .containsExactly(
            "GET /crimes/new",
            "GET /crimes/{crime}",
            "POST /crimes/{crime}/messages",
            "GET /assets/{rest*}");
  }
}
