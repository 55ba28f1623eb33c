package org.trackmycrime.core.cadence;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.trackmycrime.core.internal.Checks;

/**
 * Every obligation to one victim of one crime, as things stood at {@code asOf}.
 *
 * @param asOf the instant the report describes; nothing published after it counts
 * @param obligations regular updates and key decisions in the order they began
 */
public record CadenceReport(Instant asOf, List<Obligation> obligations) {
  public CadenceReport {
    new Checks().notNull("asOf", asOf).noNulls("obligations", obligations).throwIfAny();
    obligations = List.copyOf(obligations);
  }

  /** What is currently owed (pending or overdue), soonest due first. */
  public List<Obligation> owed() {
    return obligations.stream()
        .filter(o -> o.status().isOpen())
        .sorted(Comparator.comparing(Obligation::dueAt))
        .toList();
  }

  /** The owed obligation due soonest, if anything is owed. */
  public Optional<Obligation> nextDue() {
    return owed().stream().findFirst();
  }

  /** Owed obligations already past due. */
  public List<Obligation> overdue() {
    return owed().stream().filter(o -> o.status() == Obligation.Status.OVERDUE).toList();
  }
}
