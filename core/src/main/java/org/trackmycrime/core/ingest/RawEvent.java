package org.trackmycrime.core.ingest;

import java.util.Objects;

/**
 * One record event as received: its JSON text, and where it came from.
 *
 * @param json the event document (one JSON object)
 * @param origin where it came from ({@code drop/2026-03-02.jsonl:17}, {@code webhook}), for reports
 *     and the rejected list; never shown to victims
 */
public record RawEvent(String json, String origin) {
  public RawEvent {
    Objects.requireNonNull(json, "json");
  }
}
