package org.trackmycrime.notifications.twilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.trackmycrime.core.model.Channel;
import org.trackmycrime.core.model.Language;
import org.trackmycrime.notifications.OutgoingMessage;
import org.trackmycrime.notifications.SendResult;

/**
 * Sends through the channel to Prism serving Twilio's own OpenAPI description, so every request the
 * channel makes is one Twilio would accept; a broken request gets 422 there, which shows the mock
 * really checks. Needs Node.js and {@code npm ci} in {@code notifications/twilio/contract}; without
 * them this test fails (it is never skipped).
 */
class TwilioPrismContractTest {
  static final String ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";
  static final String MESSAGES = "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json";

  static Process prism;
  static URI base;
  static Path log;

  @BeforeAll
  static void startPrism() throws Exception {
    Path spec = Path.of(property("tmc.twilio.contract"));
    Path dir = Path.of(property("tmc.twilio.prismDir"));
    if (!Files.isRegularFile(spec)) {
      fail(
          "Twilio's OpenAPI description is missing at "
              + spec.toAbsolutePath().normalize()
              + " (expected in shared/contracts/twilio beside the repository)");
    }
    try {
      Process node = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
      node.getInputStream().readAllBytes();
      if (!node.waitFor(30, TimeUnit.SECONDS) || node.exitValue() != 0) {
        fail("`node --version` failed: Node.js is needed for the Twilio contract test");
      }
    } catch (IOException e) {
      fail(
          "Node.js is not installed or not on PATH; the Twilio contract test needs it. Install"
              + " node and npm, then run `npm ci` in notifications/twilio/contract");
    }
    Path cli = dir.resolve("node_modules/.bin/prism");
    if (!Files.isExecutable(cli)) {
      fail(
          "Prism is not installed: run `npm ci` in "
              + dir.toAbsolutePath().normalize()
              + " (CI does this in .ci/run)");
    }
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    log = Path.of("target", "prism.log");
    Files.createDirectories(log.getParent());
    prism =
        new ProcessBuilder(
                cli.toString(),
                "mock",
                "--errors",
                "-h",
                "127.0.0.1",
                "-p",
                String.valueOf(port),
                spec.toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    base = URI.create("http://127.0.0.1:" + port);
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (!listening(port)) {
      if (!prism.isAlive()) {
        fail("Prism exited with " + prism.exitValue() + ":\n" + Files.readString(log));
      }
      if (System.nanoTime() > deadline) {
        fail("Prism did not listen on port " + port + " within 120 s:\n" + Files.readString(log));
      }
      Thread.sleep(250);
    }
  }

  @AfterAll
  static void stopPrism() throws Exception {
    if (prism != null) {
      List<ProcessHandle> children = prism.descendants().toList();
      prism.destroy();
      children.forEach(ProcessHandle::destroy);
      if (!prism.waitFor(10, TimeUnit.SECONDS)) {
        prism.destroyForcibly();
        children.forEach(ProcessHandle::destroyForcibly);
      }
    }
  }

  static String property(String name) {
    String value = System.getProperty(name);
    if (value == null) {
      fail("system property " + name + " is not set (the module's pom sets it for Surefire)");
    }
    return value;
  }

  static boolean listening(int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  static TwilioConfig.Builder config() {
    return TwilioConfig.builder()
        .accountSid(ACCOUNT_SID)
        .authToken("0123456789abcdef0123456789abcdef")
        .apiBaseUrl(base)
        .requestTimeout(Duration.ofSeconds(30));
  }

  static OutgoingMessage sms(String key, Language language, String text) {
    return new OutgoingMessage(
        key,
        Channel.SMS,
        "+447700900123",
        "Force",
        language,
        null,
        text,
        null,
        "update-available",
        Map.of());
  }

  SendResult send(TwilioConfig config, OutgoingMessage message) {
    try (TwilioSmsChannel channel = TwilioSmsChannel.create(config)) {
      return channel.send(message);
    }
  }

  @Test
  void aTextFromANumberWithAStatusCallbackIsOneTwilioAccepts() {
    SendResult result =
        send(
            config()
                .fromNumber("+447700900001")
                .statusCallbackUrl(URI.create("https://alerts.example.police.uk/twilio/status"))
                .build(),
            sms("alert-1:sms", Language.EN, "There is an update on your crime report."));

    assertThat(result)
        .as(
            "Prism answers 201 only to a request that meets Twilio's contract; see target/prism.log")
        .isInstanceOf(SendResult.Accepted.class);
    assertThat(((SendResult.Accepted) result).providerId()).startsWith("SM");
  }

  @Test
  void aTextThroughAMessagingServiceIsOneTwilioAccepts() {
    SendResult result =
        send(
            config().messagingServiceSid("MG0123456789abcdef0123456789abcdef").build(),
            sms("alert-2:sms", Language.CY, "Mae diweddariad ar eich adroddiad trosedd. ŵ ŷ"));

    assertThat(result).isInstanceOf(SendResult.Accepted.class);
  }

  @Test
  void aRequestWithoutToIsRefusedWith422() throws Exception {
    HttpResponse<String> response =
        post("application/x-www-form-urlencoded", "From=%2B447700900001&Body=hello", true);

    assertThat(response.statusCode()).isEqualTo(422);
    assertThat(response.body()).contains("To");
  }

  @Test
  void aJsonBodyIsRefused() throws Exception {
    HttpResponse<String> response =
        post(
            "application/json",
            "{\"To\":\"+447700900123\",\"From\":\"+447700900001\",\"Body\":\"hello\"}",
            true);

    assertThat(response.statusCode()).isBetween(400, 499).isNotEqualTo(404);
  }

  @Test
  void aRequestWithoutCredentialsIsRefused() throws Exception {
    HttpResponse<String> response =
        post(
            "application/x-www-form-urlencoded",
            "To=%2B447700900123&From=%2B447700900001&Body=hello",
            false);

    assertThat(response.statusCode()).isEqualTo(401);
  }

  static HttpResponse<String> post(String contentType, String body, boolean auth) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(base.resolve(MESSAGES))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (auth) {
      b.header(
          "Authorization",
          "Basic "
              + Base64.getEncoder()
                  .encodeToString((ACCOUNT_SID + ":token").getBytes(StandardCharsets.UTF_8)));
    }
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .build()
        .send(b.build(), HttpResponse.BodyHandlers.ofString());
  }
}
