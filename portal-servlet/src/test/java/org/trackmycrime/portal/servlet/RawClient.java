package org.trackmycrime.portal.servlet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/** A plain socket, for what an HTTP client library will not send: dribbles and floods. */
final class RawClient implements AutoCloseable {
  private final Socket socket;
  private final OutputStream out;
  private final InputStream in;
  private final ByteArrayOutputStream received = new ByteArrayOutputStream();
  private boolean closedByServer;

  RawClient(URI base) throws IOException {
    socket = new Socket(base.getHost(), base.getPort());
    socket.setSoTimeout(50);
    out = socket.getOutputStream();
    in = socket.getInputStream();
  }

  /** Sends the bytes; false when the server has closed the connection (or reset it) meanwhile. */
  boolean send(String text) {
    return send(text.getBytes(StandardCharsets.ISO_8859_1));
  }

  boolean send(byte[] bytes) {
    try {
      out.write(bytes);
      out.flush();
      return true;
    } catch (IOException e) {
      closedByServer = true;
      return false;
    }
  }

  /** Reads what has arrived without waiting long; true once the server has closed its side. */
  boolean poll() {
    byte[] buf = new byte[8192];
    try {
      int n;
      while ((n = in.read(buf)) > 0) {
        received.write(buf, 0, n);
      }
      if (n < 0) {
        closedByServer = true;
      }
    } catch (SocketTimeoutException e) {
      // nothing more yet
    } catch (IOException e) {
      closedByServer = true; // reset
    }
    return closedByServer;
  }

  /** Waits (at most {@code millis}) for the server to close the connection. */
  boolean awaitClosed(long millis) throws InterruptedException {
    long end = System.nanoTime() + millis * 1_000_000;
    while (System.nanoTime() < end) {
      if (poll()) {
        return true;
      }
      Thread.sleep(20);
    }
    return poll();
  }

  /** Waits (at most {@code millis}) for a status line, or for the server to close. */
  boolean awaitStatus(long millis) throws InterruptedException {
    long end = System.nanoTime() + millis * 1_000_000;
    while (System.nanoTime() < end) {
      if (poll() || received().contains("\r\n")) {
        return true;
      }
      Thread.sleep(20);
    }
    return poll();
  }

  /** The response so far, as text. */
  String received() {
    return received.toString(StandardCharsets.ISO_8859_1);
  }

  /** The status code of the first response received, or -1. */
  int status() {
    String r = received();
    return r.startsWith("HTTP/1.1 ") && r.length() >= 12
        ? Integer.parseInt(r.substring(9, 12))
        : -1;
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
