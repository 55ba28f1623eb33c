package org.trackmycrime.notifications.govuknotify.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.json.JSONArray;
import org.json.JSONException;
import org.json.JSONObject;
import org.trackmycrime.notifications.SafeText;
import org.trackmycrime.notifications.SendResult;

/**
 * Maps Notify's error answers (docs.notifications.service.gov.uk, "Error codes") to send results.
 * Notify answers {@code {"status_code": 400, "errors": [{"error": "ValidationError", "message":
 * "…"}]}}.
 */
public final class NotifyErrors {
  /** Starts the code of a result caused by our own setup rather than by the recipient. */
  public static final String CONFIG_PREFIX = "config-";

  /** Phrases of Notify's 400 messages that point at our setup, not at the recipient. */
  private static final List<String> CONFIG_HINTS =
      List.of(
          "team-only",
          "trial mode",
          "template",
          "personalisation",
          "reply_to",
          "sms_sender",
          "api key",
          "service is not allowed",
          "reference");

  private NotifyErrors() {}

  /** One error from the answer: Notify's error name and its message, made safe for logs. */
  public record Error(String name, String message) {}

  /** The errors in a Notify error body; empty when the body is not Notify's JSON. */
  public static List<Error> parse(String body) {
    List<Error> out = new ArrayList<>();
    if (body == null || body.isBlank()) {
      return out;
    }
    try {
      JSONArray errors = new JSONObject(body).optJSONArray("errors");
      if (errors != null) {
        for (int i = 0; i < errors.length(); i++) {
          JSONObject e = errors.optJSONObject(i);
          if (e != null) {
            out.add(new Error(e.optString("error", "Error"), SafeText.of(e.optString("message"))));
          }
        }
      }
    } catch (JSONException e) {
      // not Notify's JSON (a proxy's HTML page, say): classified by status alone
    }
    return out;
  }

  /** Classifies an answer that was not 201. */
  public static SendResult classify(int status, String body, Duration retryAfter) {
    List<Error> errors = parse(body);
    String name = errors.isEmpty() ? "http-" + status : errors.get(0).name();
    String detail =
        errors.isEmpty()
            ? "no detail"
            : String.join("; ", errors.stream().map(e -> e.name() + ": " + e.message()).toList());
    String reason = "Notify HTTP " + status + " " + detail;
    if (status == 429 || status == 408 || status >= 500) {
      return new SendResult.Transient(name, reason, retryAfter);
    }
    if (status == 401 || status == 403) {
      return new SendResult.Permanent(
          CONFIG_PREFIX + name,
          "Notify refused the API key ("
              + status
              + " "
              + detail
              + "): check NotifyConfig.apiKey, that the key is not revoked, and that this"
              + " machine's clock is within 30 seconds of the real time");
    }
    if (status == 404) {
      return new SendResult.Permanent(
          CONFIG_PREFIX + name, reason + ": check NotifyConfig.baseUrl");
    }
    if (status == 400 && isAboutSetup(errors)) {
      return new SendResult.Permanent(CONFIG_PREFIX + name, reason);
    }
    if (status >= 400) {
      return new SendResult.Permanent(name, reason);
    }
    return new SendResult.Transient(name, reason, retryAfter);
  }

  private static boolean isAboutSetup(List<Error> errors) {
    for (Error e : errors) {
      String m = e.message().toLowerCase(Locale.ROOT);
      for (String hint : CONFIG_HINTS) {
        if (m.contains(hint)) {
          return true;
        }
      }
    }
    return false;
  }
}
