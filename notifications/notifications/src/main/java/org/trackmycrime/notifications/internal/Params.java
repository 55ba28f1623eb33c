package org.trackmycrime.notifications.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.TreeMap;
import org.trackmycrime.notifications.NotificationException;

/** Template parameters stored on an outbox row, as a flat JSON object of strings. */
public final class Params {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<TreeMap<String, String>> MAP = new TypeReference<>() {};
  static final int MAX_LENGTH = 4000;

  private Params() {}

  public static String write(Map<String, String> params) {
    if (params == null || params.isEmpty()) {
      return null;
    }
    try {
      String json = JSON.writeValueAsString(new TreeMap<>(params));
      if (json.length() > MAX_LENGTH) {
        throw new NotificationException(
            "Message parameters must be at most " + MAX_LENGTH + " characters of JSON");
      }
      return json;
    } catch (JsonProcessingException e) {
      throw new NotificationException("Message parameters could not be written", Map.of(), e);
    }
  }

  public static Map<String, String> read(String json) {
    if (json == null || json.isEmpty()) {
      return Map.of();
    }
    try {
      return Map.copyOf(JSON.readValue(json, MAP));
    } catch (JsonProcessingException e) {
      // never quote the stored text: it may hold a link or a code
      throw new NotificationException("Stored message parameters are not a JSON object of strings");
    }
  }
}
