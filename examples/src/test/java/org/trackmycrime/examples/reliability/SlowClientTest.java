package org.trackmycrime.examples.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client that sends its request headers one byte a second (a slowloris) is cut off by the running
 * reference server, whose {@code main} sets the JDK server's request time limit, and the server
 * goes on answering everyone else meanwhile.
 */
class SlowClientTest {
  @TempDir Path dir;

  @Test
  void aClientSendingOneByteASecondIsCutOff() throws Exception {
    Path drop = Files.createDirectories(dir.resolve("drop"));
    Map<String, String> env = CrashRecoveryTest.baseEnvironment(dir, drop);
    env.put("TMC_SMTP_HOST", "127.0.0.1");
    env.put("TMC_SMTP_PORT", Integer.toString(ServerProcess.freePort()));
    env.put("TMC_SMTP_FROM", "updates@crash-force.example");
    try (ServerProcess server = ServerProcess.start(env, dir.resolve("server.log"))) {
      URI address = URI.create(server.address());
      long start = System.nanoTime();
      long sent = 0;
      boolean cutOff = false;
      try (Socket socket = new Socket(address.getHost(), address.getPort())) {
        socket.setSoTimeout(1_000);
        OutputStream out = socket.getOutputStream();
        InputStream in = socket.getInputStream();
        out.write(
            "GET /health HTTP/1.1\r\nHost: localhost\r\nX-Slow: "
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        while (System.nanoTime() - start < Duration.ofSeconds(90).toNanos()) {
          try {
            out.write('a');
            out.flush();
            sent++;
            if (in.read() == -1) {
              cutOff = true;
              break;
            }
            throw new AssertionError("the server answered a request that never finished");
          } catch (SocketTimeoutException stillOpen) {
            // nothing yet: one more byte after the second the read waited
            assertThat(server.health()).as("the server answers others meanwhile").isNotNull();
          } catch (IOException reset) {
            cutOff = true;
            break;
          }
        }
      }
      long seconds = Duration.ofNanos(System.nanoTime() - start).toSeconds();
      System.out.printf(
          "slow client: cut off after %d s and %d bytes (limit 30 s)%n", seconds, sent);
      assertThat(cutOff).as("the slow client was cut off within 90 s").isTrue();
      assertThat(seconds)
          .as("cut by the server's 30 s request limit, not before")
          .isBetween(25L, 90L);
      assertThat(server.health()).as("the server still answers").contains("\"status\"");
    }
  }
}
