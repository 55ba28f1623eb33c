package org.trackmycrime.examples.reliability;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.trackmycrime.examples.ReferenceServer;

/**
 * The reference server as a separate operating-system process, started from the test's own class
 * path with {@code TMC_*} variables, so that a test can kill it with SIGKILL as a crash would.
 */
final class ServerProcess implements AutoCloseable {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final Process process;
  private final int port;
  private Path log;

  private ServerProcess(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /** Starts the server from the test's class path and waits until {@code /health} answers. */
  static ServerProcess start(Map<String, String> env, Path log) throws Exception {
    return start(
        List.of("-cp", System.getProperty("java.class.path"), ReferenceServer.class.getName()),
        null,
        env,
        log);
  }

  /**
   * Starts {@code java -Xmx384m <arguments>} (a class path and main class, or {@code -jar FILE}) in
   * {@code workDir} (null: this one) and waits until {@code /health} answers.
   */
  static ServerProcess start(
      List<String> arguments, Path workDir, Map<String, String> env, Path log) throws Exception {
    int port = freePort();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new java.util.ArrayList<>(List.of(java, "-Xmx384m"));
    command.addAll(arguments);
    ProcessBuilder pb = new ProcessBuilder(command);
    if (workDir != null) {
      pb.directory(workDir.toFile());
    }
    pb.environment().keySet().removeIf(k -> k.startsWith("TMC_"));
    pb.environment().putAll(env);
    pb.environment().put("TMC_HTTP_PORT", Integer.toString(port));
    pb.redirectErrorStream(true);
    pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    ServerProcess server = new ServerProcess(pb.start(), port);
    server.log = log;
    server.awaitHealthAnswer(Duration.ofSeconds(90));
    return server;
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /** The server's address on this machine. */
  String address() {
    return "http://localhost:" + port;
  }

  /** What the server printed so far. */
  String output() throws IOException {
    return java.nio.file.Files.readString(log);
  }

  /** The JSON of {@code GET /health}, or null while the server does not answer. */
  String health() {
    try {
      HttpResponse<String> r =
          HTTP.send(
              HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/health"))
                  .timeout(Duration.ofSeconds(5))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return r.body();
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  boolean alive() {
    return process.isAlive();
  }

  /** SIGKILL: no shutdown hook, no flush, exactly like a power cut for the JVM. */
  void kill9() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /** SIGTERM: the server's graceful shutdown. */
  int stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(30, TimeUnit.SECONDS);
      throw new IllegalStateException("the server did not stop within 60 s of SIGTERM");
    }
    return process.exitValue();
  }

  private void awaitHealthAnswer(Duration limit) throws InterruptedException {
    Instant until = Instant.now().plus(limit);
    while (Instant.now().isBefore(until)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "the server exited with " + process.exitValue() + " before answering");
      }
      if (health() != null) {
        return;
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException("the server did not answer /health within " + limit);
  }

  /** Waits for a condition, failing with a message when it does not come true in time. */
  static void await(String what, Duration limit, BooleanSupplier condition)
      throws InterruptedException {
    Instant until = Instant.now().plus(limit);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(until)) {
        throw new AssertionError("timed out after " + limit + " waiting for: " + what);
      }
      Thread.sleep(100);
    }
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }
}
