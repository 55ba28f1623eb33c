package org.trackmycrime.benchmarks;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A minimal HTTP/1.1 client on one kept-alive socket, for load generation: it writes a request and
 * reads the status, headers and a {@code Content-Length} body, reconnecting when the server closes.
 * On a 2-core machine the load generator shares the cores with the server, so it must cost as
 * little as possible per request; see the README for how it compares with {@code
 * java.net.http.HttpClient}.
 */
final class Http1 implements AutoCloseable {
  /** A response: status, the Set-Cookie headers and the body. */
  record Response(int status, List<String> setCookies, byte[] body) {
    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  private final int port;
  private Socket socket;
  private InputStream in;
  private OutputStream out;

  Http1(int port) {
    this.port = port;
  }

  Response get(String path, String cookie) throws IOException {
    return send("GET", path, cookie, null);
  }

  Response post(String path, String cookie, String form) throws IOException {
    return send("POST", path, cookie, form.getBytes(StandardCharsets.UTF_8));
  }

  private Response send(String method, String path, String cookie, byte[] body) throws IOException {
    StringBuilder head = new StringBuilder(256);
    head.append(method).append(' ').append(path).append(" HTTP/1.1\r\nHost: 127.0.0.1\r\n");
    if (cookie != null) {
      head.append("Cookie: ").append(cookie).append("\r\n");
    }
    if (body != null) {
      head.append("Content-Type: application/x-www-form-urlencoded\r\n");
      head.append("Content-Length: ").append(body.length).append("\r\n");
    }
    head.append("\r\n");
    byte[] request = head.toString().getBytes(StandardCharsets.ISO_8859_1);
    for (int attempt = 0; ; attempt++) {
      if (socket == null) {
        connect();
      }
      try {
        out.write(request);
        if (body != null) {
          out.write(body);
        }
        out.flush();
        return read();
      } catch (IOException e) {
        // a kept-alive connection the server closed meanwhile: once more on a new one
        close();
        if (attempt > 0) {
          throw e;
        }
      }
    }
  }

  private void connect() throws IOException {
    socket = new Socket();
    socket.setTcpNoDelay(true);
    socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
    socket.setSoTimeout(60_000);
    in = new BufferedInputStream(socket.getInputStream(), 16_384);
    out = new BufferedOutputStream(socket.getOutputStream(), 4_096);
  }

  private Response read() throws IOException {
    String statusLine = line();
    if (statusLine == null || !statusLine.startsWith("HTTP/1.")) {
      throw new IOException("no HTTP response");
    }
    int status = Integer.parseInt(statusLine.substring(9, 12));
    int length = 0;
    boolean close = false;
    List<String> cookies = new ArrayList<>();
    String h;
    while ((h = line()) != null && !h.isEmpty()) {
      int colon = h.indexOf(':');
      String name = h.substring(0, colon).trim().toLowerCase(Locale.ROOT);
      String value = h.substring(colon + 1).trim();
      switch (name) {
        case "content-length" -> length = Integer.parseInt(value);
        case "connection" -> close = value.equalsIgnoreCase("close");
        case "set-cookie" -> cookies.add(value);
        default -> {}
      }
    }
    byte[] body = in.readNBytes(length);
    if (body.length < length) {
      throw new IOException("response body cut short");
    }
    if (close) {
      close();
    }
    return new Response(status, cookies, body);
  }

  private String line() throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream(64);
    int c;
    while ((c = in.read()) != -1) {
      if (c == '\n') {
        byte[] bytes = b.toByteArray();
        int n =
            bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        return new String(bytes, 0, n, StandardCharsets.ISO_8859_1);
      }
      b.write(c);
    }
    return b.size() == 0 ? null : b.toString(StandardCharsets.ISO_8859_1);
  }

  @Override
  public void close() {
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException e) {
        // closing a socket the server already closed
      }
      socket = null;
    }
  }
}
