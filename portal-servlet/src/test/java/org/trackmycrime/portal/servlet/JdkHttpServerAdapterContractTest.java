package org.trackmycrime.portal.servlet;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.trackmycrime.portal.http.JdkHttpServerAdapter;
import org.trackmycrime.portal.http.Router;

/** The contract on the JDK's {@code HttpServer}, set up as portal-embed's README says. */
class JdkHttpServerAdapterContractTest extends AbstractAdapterContractTest {
  static {
    // before any HttpServer exists in this JVM: the JDK reads the properties once
    JdkHttpServerAdapter.limitSlowClients(Duration.ofSeconds(5), Duration.ofSeconds(30));
  }

  private HttpServer server;
  private ExecutorService executor;

  @Override
  URI start(Router router) throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    executor = Executors.newFixedThreadPool(8);
    server.setExecutor(executor);
    JdkHttpServerAdapter.mount(server, MOUNT, router);
    server.start();
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  @Override
  void stop() {
    server.stop(0);
    executor.shutdownNow();
  }
}
