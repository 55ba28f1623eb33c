package org.trackmycrime.records;

import java.util.List;
import java.util.Optional;
import org.trackmycrime.core.ingest.IngestOutcome;

/**
 * A connector that the SDK polls for record events: a drop folder, a change table, a queue.
 *
 * <p>The contract, which the {@link ConnectorRunner} relies on and the compatibility kit in {@code
 * trackmycrime-testing} checks:
 *
 * <ul>
 *   <li>{@link #poll()} returns the events that follow the last <em>acknowledged</em> checkpoint.
 *       Until {@link #acknowledge} is called, polling again may return the same events again; it
 *       must never skip them.
 *   <li>{@link #acknowledge} is called only after the ingest has committed the batch. From then on
 *       the connector must not offer those events again, even after the process restarts, so the
 *       checkpoint has to be stored durably before {@code acknowledge} returns.
 *   <li>A crash between the commit and the acknowledgement means the batch is offered again; the
 *       ingest answers {@code DUPLICATE} for events it already applied, so nothing is doubled.
 *   <li>An event the connector cannot make sense of is still delivered (as whatever text it has),
 *       so that the ingest rejects it with a reason and keeps it where an operator can see it. One
 *       bad event must never block the ones after it.
 * </ul>
 *
 * <p>The runner calls {@code poll} and {@code acknowledge} from one thread at a time.
 *
 * @param <C> the connector's checkpoint: a position in the records system (a file and line, a
 *     cursor value)
 */
public interface PullConnector<C> extends AutoCloseable {

  /**
   * A short name, stable across restarts and unique within a runner, used in logs, health and
   * counters (for example {@code file-drop} or {@code niche-changes}).
   */
  String name();

  /**
   * The next events after the last acknowledged checkpoint, as many as the connector's batch size
   * allows, or empty when there is nothing new now. A batch may hold no events at all when only the
   * checkpoint moves (a file of blank lines that is now finished).
   *
   * @throws RuntimeException (preferably a {@link ConnectorException}) when the records system
   *     cannot be read; the runner reports it and tries again later
   */
  Optional<Batch<C>> poll();

  /**
   * The ingest has committed the batch that ends at {@code checkpoint}: store the checkpoint
   * durably so that these events are not offered again.
   *
   * @param outcomes one per event of the batch, in the batch's order (a connector may use them to
   *     report rejected events to the records system's operators)
   * @throws RuntimeException when the checkpoint could not be stored; the events will then be
   *     offered again, which is safe
   */
  void acknowledge(C checkpoint, List<IngestOutcome> outcomes);

  /** Releases what the connector holds open. The default does nothing. */
  @Override
  default void close() {}
}
