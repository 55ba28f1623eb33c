package org.trackmycrime.portal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AdapterSupportTest {
  private final AtomicInteger calls = new AtomicInteger();
  private final AdapterSupport support =
      new AdapterSupport(
          new Router()
              .post(
                  "/go",
                  r -> {
                    calls.incrementAndGet();
                    return PortalResponse.redirect("/done");
                  }),
          1024,
          2048);

  private PortalResponse respond(String path, Map<String, List<String>> headers, byte[] body)
      throws Exception {
    return support.respond(
        new AdapterSupport.Incoming(
            "POST", path, headers, new ByteArrayInputStream(body), "10.0.0.1", "/victims"));
  }

  @Test
  void aPathIsTakenBelowTheMountSegmentBySegment() {
    assertThat(AdapterSupport.pathBelow("/victims/a/b", "/victims")).isEqualTo("/a/b");
    assertThat(AdapterSupport.pathBelow("/victims", "/victims")).isEqualTo("/");
    assertThat(AdapterSupport.pathBelow("/victimsx/a", "/victims")).isNull();
    assertThat(AdapterSupport.pathBelow("/other", "/victims")).isNull();
    assertThat(AdapterSupport.pathBelow("/a", "")).isEqualTo("/a");
    assertThat(AdapterSupport.pathBelow("", "")).isEqualTo("/");
  }

  @Test
  void siteRedirectsArePrefixedWithTheMountButOtherLocationsAreNot() throws Exception {
    PortalResponse r = respond("/go", Map.of(), new byte[0]);
    assertThat(r.headers().get("Location")).containsExactly("/victims/done");
    assertThat(calls).hasValue(1);
  }

  @Test
  void aDeclaredLengthOverTheLimitIsRefusedWithoutReadingTheBody() throws Exception {
    AtomicInteger reads = new AtomicInteger();
    InputStream body =
        new InputStream() {
          @Override
          public int read() {
            reads.incrementAndGet();
            return 'x';
          }
        };
    PortalResponse r =
        support.respond(
            new AdapterSupport.Incoming(
                "POST", "/go", Map.of("Content-Length", List.of("1048576")), body, null, ""));
    assertThat(r.status()).isEqualTo(413);
    assertThat(r.headers().get("Connection")).containsExactly("close");
    assertThat(reads).hasValue(0);
    assertThat(calls).hasValue(0);
  }

  @Test
  void anUndeclaredBodyIsReadOnlyOneBytePastTheLimit() throws Exception {
    ByteArrayInputStream body = new ByteArrayInputStream(new byte[100_000]);
    PortalResponse r = respond("/go", Map.of(), new byte[2048]);
    assertThat(r.status()).isEqualTo(303);
    PortalResponse big =
        support.respond(new AdapterSupport.Incoming("POST", "/go", Map.of(), body, null, ""));
    assertThat(big.status()).isEqualTo(413);
    assertThat(body.available()).isEqualTo(100_000 - 2049);
  }

  @Test
  void headersAreCountedAcrossNamesInAnyCaseAndMalformedLengthsAreRefused() throws Exception {
    Map<String, List<String>> headers =
        Map.of("X-A", List.of("a".repeat(500)), "x-a", List.of("b".repeat(530)));
    assertThat(respond("/go", headers, new byte[0]).status()).isEqualTo(431);
    assertThat(respond("/go", Map.of("Content-Length", List.of("12x")), new byte[0]).status())
        .isEqualTo(400);
    assertThat(respond(null, Map.of(), new byte[0]).status()).isEqualTo(404);
    assertThat(calls).hasValue(0);
  }

  @Test
  void headAndBodylessStatusesSendNoBody() {
    PortalResponse ok = PortalResponse.text(200, "x");
    assertThat(AdapterSupport.sendsBody("GET", ok)).isTrue();
    assertThat(AdapterSupport.sendsBody("head", ok)).isFalse();
    assertThat(AdapterSupport.sendsBody("GET", PortalResponse.text(304, ""))).isFalse();
    assertThat(AdapterSupport.sendsBody("GET", PortalResponse.text(204, ""))).isFalse();
  }

  @Test
  void aMountPathMustBeEmptyOrAPathWithoutTrailingSlash() {
    InputStream none = InputStream.nullInputStream();
    assertThatThrownBy(() -> new AdapterSupport.Incoming("GET", "/", Map.of(), none, null, "/"))
        .hasMessageContaining("mountPath");
    assertThatThrownBy(() -> new AdapterSupport.Incoming("GET", "/", Map.of(), none, null, "v"))
        .hasMessageContaining("mountPath");
  }

  @Test
  void limitsBelow1024AreRefused() {
    assertThatThrownBy(() -> new AdapterSupport(new Router(), 100, 2048))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1024");
  }
}
