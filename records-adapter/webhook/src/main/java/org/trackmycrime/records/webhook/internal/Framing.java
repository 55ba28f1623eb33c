package org.trackmycrime.records.webhook.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a request body into event texts without changing them: one JSON object, a JSON array of
 * objects, or JSON Lines. Each event's text is cut from the body as sent, so that the ingest (and
 * the rejected list) see exactly what the sender sent.
 */
public final class Framing {
  private static final JsonFactory JSON = JsonFactory.builder().build();

  /** The body's framing is broken; the message names the rule, never the content. */
  public static final class FramingException extends Exception {
    private static final long serialVersionUID = 1L;

    FramingException(String message) {
      super(message);
    }
  }

  /**
   * One event's text, with its position in the body (1-based: the element of an array, the line of
   * JSON Lines).
   */
  public record Part(int position, String json) {
    /** Leaves the text out: it holds a victim's details. */
    @Override
    public String toString() {
      return "Part[" + position + "]";
    }
  }

  private Framing() {}

  /** Decodes UTF-8 strictly. */
  public static String utf8(byte[] body) throws FramingException {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body))
          .toString();
    } catch (CharacterCodingException e) {
      throw new FramingException("the body is not UTF-8");
    }
  }

  /**
   * JSON Lines: every line that is not blank is one event (a bad line is the ingest's to reject).
   */
  public static List<Part> jsonLines(String body) {
    List<Part> parts = new ArrayList<>();
    String[] lines = body.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line =
          lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
      if (!line.isBlank()) {
        parts.add(new Part(i + 1, line));
      }
    }
    return parts;
  }

  /** One JSON object, or an array whose elements are each one event. */
  public static List<Part> json(String body) throws FramingException {
    List<Part> parts = new ArrayList<>();
    try (JsonParser p = JSON.createParser(body)) {
      JsonToken first = p.nextToken();
      if (first == JsonToken.START_OBJECT) {
        p.skipChildren();
        parts.add(new Part(1, body.strip()));
      } else if (first == JsonToken.START_ARRAY) {
        int position = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
          int start = (int) p.currentTokenLocation().getCharOffset();
          p.skipChildren();
          p.finishToken();
          int end = (int) p.currentLocation().getCharOffset();
          parts.add(new Part(++position, body.substring(start, end).strip()));
        }
      } else {
        throw new FramingException(
            first == null
                ? "the body is empty"
                : "the body must be an event object or an array of event objects");
      }
      if (p.nextToken() != null) {
        throw new FramingException("the body has more after its JSON value");
      }
    } catch (IOException e) {
      // the parser's message quotes the body: never pass it on
      throw new FramingException("the body is not valid JSON");
    }
    return parts;
  }
}
