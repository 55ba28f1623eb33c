package org.trackmycrime.records;

import org.trackmycrime.core.ingest.IngestOutcome;

/**
 * Callbacks for a host that wants to know what its connectors do: metrics, alerts to an operator,
 * its own audit. Every method has an empty default, so a host overrides only what it needs.
 *
 * <p>Callbacks run on the connector's thread right after the event they describe; keep them short.
 * An exception thrown by a listener is logged and otherwise ignored: it never stops a delivery.
 */
public interface ConnectorListener {

  /** The ingest committed a batch (before the connector's checkpoint is stored). */
  default void onBatchCommitted(BatchCommitted batch) {}

  /**
   * The ingest rejected one event of a committed batch. The outcome carries the reasons and the id
   * of the event in the SDK's rejected list, never the event's text.
   */
  default void onRejected(String connector, IngestOutcome outcome) {}

  /** Polling, ingesting or acknowledging failed; the batch in hand is offered again later. */
  default void onError(ConnectorFailure failure) {}

  /** The connector's health status changed (for example from UP to DEGRADED). */
  default void onHealthChanged(ConnectorHealth health) {}
}
