package org.trackmycrime.examples.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's first command, as a newcomer runs it: the runnable jar that {@code package} built,
 * started with {@code java -jar} and no variables in an empty folder. It prints its addresses and
 * demo sign-ins, serves both portals, the health page and the dev mailbox, keeps its data under
 * {@code ./data}, and stops gracefully on SIGTERM. Runs in {@code mvn verify} after the jar exists
 * (failsafe).
 */
class ServerJarIT {
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void theRunnableJarStartsInDemoModeServesThePortalsAndStopsGracefully(@TempDir Path dir)
      throws Exception {
    Path jar = Path.of("target", "trackmycrime-server.jar").toAbsolutePath();
    assertThat(jar).exists();
    ServerProcess server =
        ServerProcess.start(List.of("-jar", jar.toString()), dir, Map.of(), dir.resolve("out.log"));
    try {
      ServerProcess.await(
          "the addresses printed",
          java.time.Duration.ofSeconds(60),
          () -> {
            try {
              return server.output().contains("Ctrl-C stops it gracefully");
            } catch (java.io.IOException e) {
              return false;
            }
          });
      assertThat(server.output())
          .contains("victim portal:")
          .contains("staff portal:")
          .contains("demo victim:")
          .contains("demo staff:")
          .contains("dev mailbox:");
      assertThat(get(server, "/").body()).contains("Demo Police");
      assertThat(get(server, "/staff/sign-in").statusCode()).isEqualTo(200);
      assertThat(get(server, "/dev/mailbox").statusCode()).isEqualTo(200);
      HttpResponse<String> health = get(server, "/health");
      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(health.body()).contains("\"database\":\"UP\"");
      assertThat(Files.list(dir.resolve("data")).map(p -> p.getFileName().toString()))
          .contains("drop", "portal.key")
          .anySatisfy(name -> assertThat(name).startsWith("trackmycrime"));
    } finally {
      int status = server.stop();
      assertThat(status).as("exit status after SIGTERM (143 = 128 + TERM)").isIn(0, 143);
    }
    assertThat(server.output()).contains("reference server stopped");
  }

  private HttpResponse<String> get(ServerProcess server, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(server.address() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
