package org.trackmycrime.notifications.govuknotify.internal;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.json.JSONArray;
import org.json.JSONException;
import org.json.JSONObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trackmycrime.core.model.Channel;
import org.trackmycrime.notifications.OutgoingMessage;
import org.trackmycrime.notifications.RetryAfter;
import org.trackmycrime.notifications.SendResult;
import org.trackmycrime.notifications.govuknotify.NotifyConfig;
import uk.gov.service.notify.Authentication;
import uk.gov.service.notify.SendEmailResponse;
import uk.gov.service.notify.SendSmsResponse;

/**
 * Sends one notification to Notify's v2 API. Shared by the email and the text channel.
 *
 * <p>The official client's {@link Authentication} signs the token and its {@link
 * SendEmailResponse}/{@link SendSmsResponse} read the answer; the HTTP call itself is made here
 * with the JDK's client because {@code NotificationClient} 6.0.0 sets no connect or read timeout (a
 * hung connection would block a dispatcher thread for ever), offers no way to set one, drops the
 * {@code Retry-After} header, and its proxy constructors replace the JVM-wide default SSL socket
 * factory. The request is the one {@code NotificationClient} sends: the same path, JSON fields and
 * bearer token.
 */
public final class NotifySender {
  private static final Logger log = LoggerFactory.getLogger(NotifySender.class);
  private static final String USER_AGENT = "trackmycrime-notifications-govuk-notify";

  /** Notify's statuses for a notification that did not and will not arrive. */
  private static final Set<String> FAILED =
      Set.of(
          "permanent-failure",
          "temporary-failure",
          "technical-failure",
          "validation-failed",
          "virus-scan-failed",
          "cancelled");

  private final NotifyConfig config;
  private final HttpClient http;
  private final Clock clock;
  private final String serviceId;
  private final String secret;
  private final String name;
  private final AtomicBoolean closed = new AtomicBoolean();

  public NotifySender(NotifyConfig config, Clock clock, String name) {
    this.config = config;
    this.clock = clock;
    this.name = name;
    String key = config.apiKey();
    // Notify's key layout: {name}-{service id}-{secret}; the ids are 36-character UUIDs
    this.serviceId = key.substring(key.length() - 73, key.length() - 37);
    this.secret = key.substring(key.length() - 36);
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(config.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  public SendResult send(OutgoingMessage message, Channel kind) {
    if (message.kind() != kind) {
      throw new IllegalArgumentException(
          "the Notify " + kind + " channel cannot send " + message.kind());
    }
    if (closed.get()) {
      throw new IllegalStateException("the Notify channel is closed");
    }
    String templateId =
        config.templateId(kind, message.templateKey(), message.language()).orElse(null);
    if (templateId == null) {
      return logged(
          message,
          new SendResult.Permanent(
              NotifyErrors.CONFIG_PREFIX + "template",
              "no Notify template is configured for "
                  + new NotifyConfig.TemplateRef(
                      kind,
                      message.templateKey() == null ? "(none)" : message.templateKey(),
                      message.language())));
    }
    if (config.lookUpReferenceFirst()) {
      SendResult earlier = earlier(message, kind);
      if (earlier != null) {
        return logged(message, earlier);
      }
    }
    JSONObject body = new JSONObject();
    body.put("template_id", templateId);
    if (kind == Channel.EMAIL) {
      body.put("email_address", message.to());
      if (config.emailReplyToId() != null) {
        body.put("email_reply_to_id", config.emailReplyToId());
      }
    } else {
      body.put("phone_number", message.to());
      if (config.smsSenderId() != null) {
        body.put("sms_sender_id", config.smsSenderId());
      }
    }
    // the host's fields, plus the SDK's rendered wording for templates that just show it
    Map<String, String> personalisation = new LinkedHashMap<>(message.personalisation());
    personalisation.putIfAbsent(NotifyConfig.BODY_FIELD, message.textBody());
    if (kind == Channel.EMAIL && message.subject() != null) {
      personalisation.putIfAbsent(NotifyConfig.SUBJECT_FIELD, message.subject());
    }
    body.put("personalisation", new JSONObject(personalisation));
    body.put("reference", message.idempotencyKey());
    URI target =
        URI.create(
            trimSlash(config.baseUrl().toString())
                + (kind == Channel.EMAIL ? "/v2/notifications/email" : "/v2/notifications/sms"));
    HttpRequest request =
        HttpRequest.newBuilder(target)
            .timeout(config.requestTimeout())
            .header("Authorization", "Bearer " + new Authentication().create(serviceId, secret))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .header("User-Agent", USER_AGENT)
            .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8))
            .build();
    HttpResponse<String> answer;
    try {
      answer = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (HttpConnectTimeoutException | ConnectException e) {
      return logged(
          message, SendResult.Transient.channelDown("connect", "could not connect to Notify"));
    } catch (HttpTimeoutException e) {
      return logged(
          message,
          new SendResult.Transient(
              "timeout", "no answer from Notify in time; it may or may not have been sent", null));
    } catch (IOException e) {
      return logged(
          message,
          new SendResult.Transient(
              "io", "connection to Notify failed (" + e.getClass().getSimpleName() + ")", null));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return logged(
          message,
          new SendResult.Transient("interrupted", "the sending thread was interrupted", null));
    }
    if (answer.statusCode() == 201) {
      return logged(message, new SendResult.Accepted(notificationId(answer.body(), kind, message)));
    }
    return logged(
        message,
        NotifyErrors.classify(
            answer.statusCode(),
            answer.body(),
            RetryAfter.parse(answer.headers().firstValue("Retry-After").orElse(null), clock)));
  }

  public void close() {
    closed.set(true);
  }

  /**
   * Looks for a notification already made with this message's reference: its id when one exists and
   * has not failed, a failure result when the look-up itself failed (sending blind could double the
   * message), or null to go ahead and send.
   */
  private SendResult earlier(OutgoingMessage message, Channel kind) {
    URI target =
        URI.create(
            trimSlash(config.baseUrl().toString())
                + "/v2/notifications?template_type="
                + (kind == Channel.EMAIL ? "email" : "sms")
                + "&reference="
                + URLEncoder.encode(message.idempotencyKey(), StandardCharsets.UTF_8));
    HttpRequest request =
        HttpRequest.newBuilder(target)
            .timeout(config.requestTimeout())
            .header("Authorization", "Bearer " + new Authentication().create(serviceId, secret))
            .header("Accept", "application/json")
            .header("User-Agent", USER_AGENT)
            .GET()
            .build();
    HttpResponse<String> answer;
    try {
      answer = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException | InterruptedException e) {
      return failure(e);
    }
    if (answer.statusCode() != 200) {
      return NotifyErrors.classify(
          answer.statusCode(),
          answer.body(),
          RetryAfter.parse(answer.headers().firstValue("Retry-After").orElse(null), clock));
    }
    try {
      JSONArray found = new JSONObject(answer.body()).getJSONArray("notifications");
      for (int i = 0; i < found.length(); i++) {
        JSONObject n = found.getJSONObject(i);
        if (message.idempotencyKey().equals(n.optString("reference", null))
            && !FAILED.contains(n.optString("status", ""))) {
          log.info(
              "{}: {} was already sent as {}; not sending again",
              name,
              message.idempotencyKey(),
              n.getString("id"));
          return new SendResult.Accepted(n.getString("id"));
        }
      }
      return null;
    } catch (JSONException e) {
      return new SendResult.Transient(
          "lookup-unreadable", "Notify's answer to the reference look-up did not parse", null);
    }
  }

  private static SendResult failure(Exception e) {
    if (e instanceof HttpConnectTimeoutException || e instanceof ConnectException) {
      return SendResult.Transient.channelDown("connect", "could not connect to Notify");
    }
    if (e instanceof HttpTimeoutException) {
      return new SendResult.Transient(
          "timeout", "no answer from Notify in time; it may or may not have been sent", null);
    }
    if (e instanceof InterruptedException) {
      Thread.currentThread().interrupt();
      return new SendResult.Transient("interrupted", "the sending thread was interrupted", null);
    }
    return new SendResult.Transient(
        "io", "connection to Notify failed (" + e.getClass().getSimpleName() + ")", null);
  }

  private String notificationId(String body, Channel kind, OutgoingMessage message) {
    try {
      return kind == Channel.EMAIL
          ? new SendEmailResponse(body).getNotificationId().toString()
          : new SendSmsResponse(body).getNotificationId().toString();
    } catch (RuntimeException e) {
      // Notify took it but the answer did not parse: accepted, without an id to match receipts
      log.warn("{}: accepted {} but the answer had no readable id", name, message.idempotencyKey());
      return null;
    }
  }

  private static String trimSlash(String s) {
    return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }

  private SendResult logged(OutgoingMessage message, SendResult result) {
    String key = message.idempotencyKey();
    if (result instanceof SendResult.Accepted a) {
      log.debug("{}: accepted {} as {}", name, key, a.providerId());
    } else if (result instanceof SendResult.Transient t) {
      log.info("{}: transient failure {} for {}", name, t.code(), key);
    } else if (result instanceof SendResult.Permanent p) {
      if (p.code().startsWith(NotifyErrors.CONFIG_PREFIX)) {
        log.error("{}: configuration problem {} sending {}", name, p.code(), key);
      } else {
        log.info("{}: permanent failure {} for {}", name, p.code(), key);
      }
    }
    return result;
  }
}
