package org.trackmycrime.portal.servlet;

import java.time.Duration;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.MinimumDataRateHandler;

/** The Jetty settings the README recommends, in one place for the tests. */
final class JettySetup {
  private JettySetup() {}

  static Server server(String host, int port, Handler app) {
    Server server = new Server();
    HttpConfiguration http = new HttpConfiguration();
    http.setRequestHeaderSize(32 * 1024);
    http.setSendServerVersion(false);
    ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
    connector.setHost(host);
    connector.setPort(port);
    connector.setIdleTimeout(5_000);
    JettyHeaderTimeout.install(connector, Duration.ofSeconds(5));
    server.addConnector(connector);
    // bodies slower than 256 bytes a second fail; writes unchecked (see the README)
    server.setHandler(new MinimumDataRateHandler(app, 256, 0));
    return server;
  }
}
