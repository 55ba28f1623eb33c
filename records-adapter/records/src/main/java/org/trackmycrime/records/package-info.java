/**
 * Records connectors: the SPI a connector implements to bring record events (contract: record-event
 * v1) from a force's records system to the SDK's {@link org.trackmycrime.core.ingest.RecordIngest},
 * and the {@link org.trackmycrime.records.ConnectorRunner} that drives pull connectors with
 * checkpoints, retries, health and counters.
 *
 * <p>A pull connector ({@link org.trackmycrime.records.PullConnector}) is polled for a {@link
 * org.trackmycrime.records.Batch} of raw events and told to acknowledge the batch's checkpoint only
 * after the ingest has committed it. A push connector (the webhook) calls the ingest itself and
 * reports through a {@link org.trackmycrime.records.ConnectorMonitor}.
 */
package org.trackmycrime.records;
