package org.trackmycrime.portal.servlet;

import java.net.URI;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.trackmycrime.portal.http.Router;

/** The contract on an embedded Jetty 12, set up as this module's README says. */
class JettyServletAdapterContractTest extends AbstractAdapterContractTest {
  private Server server;

  @Override
  URI start(Router router) throws Exception {
    ServletContextHandler context = new ServletContextHandler(MOUNT);
    context.addServlet(new ServletHolder(new PortalServlet(router)), "/*");
    server = JettySetup.server("127.0.0.1", 0, context);
    server.start();
    int port = ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    return URI.create("http://127.0.0.1:" + port);
  }

  @Override
  void stop() throws Exception {
    server.stop();
  }
}
