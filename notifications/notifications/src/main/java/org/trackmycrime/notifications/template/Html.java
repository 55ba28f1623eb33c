package org.trackmycrime.notifications.template;

import java.util.List;
import java.util.Locale;
import org.trackmycrime.core.model.Language;

/** HTML escaping and the plain layout of the HTML emails (readable in any client, no images). */
final class Html {
  private Html() {}

  static String escape(String s) {
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** Escapes literal template text, keeping its line breaks as {@code <br>}. */
  static String escapeLines(String s) {
    return escape(s).replaceAll("\\r?\\n", "<br>\n");
  }

  /**
   * A link showing its own address, so the reader sees where it goes. Only http(s) addresses become
   * links; anything else is shown as text.
   */
  static String link(String url) {
    String lower = url.toLowerCase(Locale.ROOT);
    if (!lower.startsWith("https://") && !lower.startsWith("http://")) {
      return escape(url);
    }
    return "<a href=\"" + escape(url) + "\">" + escape(url) + "</a>";
  }

  static String page(Language language, String subject, List<String> paragraphs) {
    StringBuilder out = new StringBuilder();
    out.append("<!DOCTYPE html>\n<html lang=\"")
        .append(language.code())
        .append("\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>")
        .append(escape(subject))
        .append("</title>\n</head>\n")
        .append("<body style=\"font-family: Arial, sans-serif; font-size: 16px;")
        .append(" line-height: 1.5; color: #0b0c0c; margin: 16px;\">\n");
    for (String p : paragraphs) {
      out.append("<p>").append(p).append("</p>\n");
    }
    return out.append("</body>\n</html>\n").toString();
  }
}
