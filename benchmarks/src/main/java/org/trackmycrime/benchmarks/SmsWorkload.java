package org.trackmycrime.benchmarks;

import com.sun.net.httpserver.HttpServer;
import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.type.PhoneNumber;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.trackmycrime.notifications.NotificationChannel;
import org.trackmycrime.notifications.template.RenderedMessage;
import org.trackmycrime.notifications.twilio.TwilioConfig;
import org.trackmycrime.notifications.twilio.TwilioSmsChannel;

/**
 * Update alerts by text: the dispatcher with {@link TwilioSmsChannel} to a JDK HTTP server on
 * loopback answering as Twilio's Messages API does (201 and a message resource), next to the Twilio
 * SDK's own client creating the same messages in a plain loop.
 */
final class SmsWorkload extends DispatchWorkload {
  static final String ACCOUNT = "AC" + "0123456789abcdef".repeat(2);
  static final String TOKEN = "bench-token";
  static final String FROM = "+447700900000";

  @Override
  public String name() {
    return "sms";
  }

  @Override
  boolean email() {
    return false;
  }

  @Override
  Server start() throws IOException {
    HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 100);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    Tally tally = new Tally();
    AtomicLong sids = new AtomicLong();
    http.createContext(
        "/2010-04-01/Accounts/",
        exchange -> {
          String form;
          try (InputStream in = exchange.getRequestBody()) {
            form = new String(in.readAllBytes(), StandardCharsets.UTF_8);
          }
          tally.add(to(form));
          long n = sids.incrementAndGet();
          byte[] body =
              ("{\"sid\":\"SM"
                      + String.format("%032x", n)
                      + "\",\"account_sid\":\""
                      + ACCOUNT
                      + "\",\"status\":\"queued\",\"direction\":\"outbound-api\","
                      + "\"num_segments\":\"1\",\"price\":null,\"error_code\":null}")
                  .getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "application/json");
          exchange.sendResponseHeaders(201, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    http.setExecutor(pool);
    http.start();
    return new HttpTwilio(http, pool, tally);
  }

  /** The {@code To} of a form-encoded Messages request. */
  static String to(String form) {
    for (String pair : form.split("&")) {
      if (pair.startsWith("To=")) {
        return URLDecoder.decode(pair.substring(3), StandardCharsets.UTF_8);
      }
    }
    return "";
  }

  private record HttpTwilio(HttpServer http, ExecutorService pool, Tally tally) implements Server {
    URI base() {
      return URI.create("http://127.0.0.1:" + http.getAddress().getPort());
    }

    @Override
    public void close() {
      http.stop(0);
      pool.shutdownNow();
    }
  }

  @Override
  NotificationChannel channel(Server server) {
    return TwilioSmsChannel.create(
        TwilioConfig.builder()
            .accountSid(ACCOUNT)
            .authToken(TOKEN)
            .fromNumber(FROM)
            .apiBaseUrl(((HttpTwilio) server).base())
            .build());
  }

  @Override
  void baseline(Server server, List<String> recipients, RenderedMessage message) {
    TwilioRestClient client =
        new TwilioRestClient.Builder(ACCOUNT, TOKEN)
            .httpClient(new Redirected(((HttpTwilio) server).base()))
            .build();
    for (String to : recipients) {
      Message.creator(new PhoneNumber(to), new PhoneNumber(FROM), message.sms()).create(client);
    }
  }

  /** The SDK's own HTTP client, sending to the local server instead of api.twilio.com. */
  private static final class Redirected extends NetworkHttpClient {
    private final String base;

    Redirected(URI base) {
      this.base = base.toString();
    }

    @Override
    public Response makeRequest(Request request) {
      URI original = URI.create(request.getUrl());
      Request local = new Request(request.getMethod(), base + original.getRawPath());
      local.setAuth(request.getUsername(), request.getPassword());
      local.setContentType(request.getContentType());
      request.getPostParams().forEach((k, values) -> values.forEach(v -> local.addPostParam(k, v)));
      request
          .getQueryParams()
          .forEach((k, values) -> values.forEach(v -> local.addQueryParam(k, v)));
      request
          .getHeaderParams()
          .forEach((k, values) -> values.forEach(v -> local.addHeaderParam(k, v)));
      return super.makeRequest(local);
    }
  }
}
