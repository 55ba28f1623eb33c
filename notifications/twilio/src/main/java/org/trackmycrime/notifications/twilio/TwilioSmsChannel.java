package org.trackmycrime.notifications.twilio;

import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.rest.api.v2010.account.MessageCreator;
import com.twilio.type.PhoneNumber;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trackmycrime.core.model.Channel;
import org.trackmycrime.notifications.NotificationChannel;
import org.trackmycrime.notifications.OutgoingMessage;
import org.trackmycrime.notifications.RetryAfter;
import org.trackmycrime.notifications.SafeText;
import org.trackmycrime.notifications.SendResult;
import org.trackmycrime.notifications.twilio.internal.TwilioErrors;
import org.trackmycrime.notifications.twilio.internal.TwilioTransport;

/**
 * Sends text messages through Twilio's Programmable Messaging API with the official Twilio SDK.
 *
 * <pre>{@code
 * TwilioConfig config = TwilioConfig.builder()
 *     .accountSid("AC…").authToken(secret)
 *     .messagingServiceSid("MG…")
 *     .statusCallbackUrl(URI.create("https://alerts.example.police.uk/twilio/status"))
 *     .build();
 * try (NotificationChannel sms = TwilioSmsChannel.create(config)) {
 *   SendResult result = sms.send(message);
 * }
 * }</pre>
 *
 * <p>How answers map: a 2xx is {@link SendResult.Accepted} with the message SID; HTTP 429, Twilio
 * error 20429, 5xx, timeouts and connection failures are {@link SendResult.Transient} (with the
 * {@code Retry-After} wait when Twilio gives one); errors about the recipient (21211, 21610, 21614,
 * 30005, 30006, …) are {@link SendResult.Permanent} with Twilio's code; errors about our own setup
 * (bad credentials, a wrong sender) are Permanent with a code starting {@code config-}.
 *
 * <p>Each send makes exactly one HTTP request: retries belong to the dispatcher. The idempotency
 * key travels in the {@code I-Twilio-Idempotency-Token} header and in the status-callback URL (as
 * {@value #KEY_PARAMETER}), so every delivery receipt names the alert it belongs to. Twilio's
 * Messages API does not document de-duplicating on any key, so a crash after Twilio accepted a text
 * but before the outbox recorded it means the retry sends a second text; the README explains this
 * window.
 *
 * <p>Thread-safe. Logs carry idempotency keys, message SIDs and error codes, never numbers or text.
 */
public final class TwilioSmsChannel implements NotificationChannel {
  /** The query parameter of the status-callback URL that carries the idempotency key. */
  public static final String KEY_PARAMETER = "tmcKey";

  private static final Logger log = LoggerFactory.getLogger(TwilioSmsChannel.class);
  private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");

  private final TwilioConfig config;
  private final HttpClient http;
  private final Clock clock;
  private final AtomicBoolean closed = new AtomicBoolean();

  private TwilioSmsChannel(TwilioConfig config, Clock clock) {
    this.config = Objects.requireNonNull(config, "config");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(config.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /** A channel for this configuration. */
  public static TwilioSmsChannel create(TwilioConfig config) {
    return new TwilioSmsChannel(config, Clock.systemUTC());
  }

  /** A channel whose {@code Retry-After} dates are read against the given clock (for tests). */
  public static TwilioSmsChannel create(TwilioConfig config, Clock clock) {
    return new TwilioSmsChannel(config, clock);
  }

  /** The configuration this channel sends with. */
  public TwilioConfig config() {
    return config;
  }

  @Override
  public String name() {
    return "twilio";
  }

  @Override
  public Channel kind() {
    return Channel.SMS;
  }

  /**
   * Sends one text. Never throws for a failed delivery; throws {@link IllegalArgumentException} for
   * an email message and {@link IllegalStateException} after {@link #close()}.
   */
  @Override
  public SendResult send(OutgoingMessage message) {
    Objects.requireNonNull(message, "message");
    if (message.kind() != Channel.SMS) {
      throw new IllegalArgumentException(
          "the Twilio channel sends SMS only, not " + message.kind());
    }
    if (closed.get()) {
      throw new IllegalStateException("the Twilio channel is closed");
    }
    if (!E164.matcher(message.to()).matches()) {
      return result(
          message, new SendResult.Permanent("invalid-to", "recipient is not an E.164 number"));
    }
    TwilioTransport transport =
        new TwilioTransport(
            http, config.apiBaseUrl(), config.requestTimeout(), message.idempotencyKey());
    TwilioRestClient client =
        new TwilioRestClient.Builder(config.accountSid(), config.authToken())
            .httpClient(transport)
            .build();
    MessageCreator creator =
        config.messagingServiceSid() != null
            ? Message.creator(
                new PhoneNumber(message.to()), config.messagingServiceSid(), message.textBody())
            : Message.creator(
                new PhoneNumber(message.to()),
                new PhoneNumber(config.fromNumber()),
                message.textBody());
    if (config.statusCallbackUrl() != null) {
      creator.setStatusCallback(callbackUrl(config.statusCallbackUrl(), message.idempotencyKey()));
    }
    try {
      Message sent = creator.create(client);
      return result(message, new SendResult.Accepted(sent.getSid()));
    } catch (ApiConnectionException e) {
      return result(message, connectionFailure(e));
    } catch (ApiException e) {
      TwilioTransport.Exchange answer = transport.exchange();
      if (answer == null) {
        return result(message, connectionFailure(e));
      }
      if (answer.status() >= 200 && answer.status() < 300) {
        // Twilio took it but its answer did not parse: accepted, without a SID to match receipts
        log.warn("twilio: accepted {} but the answer had no readable message SID", key(message));
        return result(message, new SendResult.Accepted(null));
      }
      return result(
          message,
          TwilioErrors.classify(
              answer.status(),
              e.getCode(),
              e.getCode() == null ? null : SafeText.of(e.getMessage()),
              RetryAfter.parse(answer.retryAfter(), clock)));
    } catch (RuntimeException e) {
      TwilioTransport.Exchange answer = transport.exchange();
      log.warn(
          "twilio: unexpected {} sending {} (HTTP {})",
          e.getClass().getName(),
          key(message),
          answer == null ? "none" : answer.status());
      return result(
          message,
          new SendResult.Transient(
              "unexpected", "unexpected " + e.getClass().getSimpleName() + " in the SDK", null));
    }
  }

  /** Stops sending; later calls to {@link #send} throw. */
  @Override
  public void close() {
    closed.set(true);
  }

  @Override
  public String toString() {
    return "TwilioSmsChannel[" + config + "]";
  }

  static URI callbackUrl(URI base, String idempotencyKey) {
    String separator = base.getRawQuery() == null || base.getRawQuery().isEmpty() ? "?" : "&";
    String url = base.toString();
    if (url.endsWith("?")) {
      separator = "";
    }
    return URI.create(
        url
            + separator
            + KEY_PARAMETER
            + "="
            + URLEncoder.encode(idempotencyKey, StandardCharsets.UTF_8));
  }

  private static SendResult connectionFailure(RuntimeException e) {
    Throwable cause = e.getCause();
    if (cause instanceof HttpConnectTimeoutException || cause instanceof ConnectException) {
      return SendResult.Transient.channelDown("connect", "could not connect to Twilio");
    }
    if (cause instanceof HttpTimeoutException) {
      return new SendResult.Transient(
          "timeout", "no answer from Twilio in time; the text may or may not have been sent", null);
    }
    if (cause instanceof InterruptedException) {
      return new SendResult.Transient("interrupted", "the sending thread was interrupted", null);
    }
    return new SendResult.Transient(
        "io",
        "connection to Twilio failed ("
            + (cause == null ? e.getClass().getSimpleName() : cause.getClass().getSimpleName())
            + ")",
        null);
  }

  private static String key(OutgoingMessage message) {
    return message.idempotencyKey();
  }

  private static SendResult result(OutgoingMessage message, SendResult result) {
    if (result instanceof SendResult.Accepted a) {
      log.debug("twilio: accepted {} as {}", key(message), a.providerId());
    } else if (result instanceof SendResult.Transient t) {
      log.info("twilio: transient failure {} for {}", t.code(), key(message));
    } else if (result instanceof SendResult.Permanent p) {
      if (p.code().startsWith(TwilioErrors.CONFIG_PREFIX)) {
        log.error("twilio: configuration problem {} sending {}", p.code(), key(message));
      } else {
        log.info("twilio: permanent failure {} for {}", p.code(), key(message));
      }
    }
    return result;
  }
}
