package org.trackmycrime.core.model;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The answer to "may this victim be alerted now, on which channels, and if not, why not".
 *
 * @param channels the channels an alert may use; empty when not allowed
 * @param blocks every reason the alert is not allowed; empty when allowed
 */
public record AlertDecision(Set<Channel> channels, List<AlertBlock> blocks) {
  public AlertDecision {
    channels = Set.copyOf(channels);
    blocks = List.copyOf(blocks);
    if (blocks.isEmpty() == channels.isEmpty()) {
      throw new IllegalArgumentException("an alert decision has channels or blocks, not both");
    }
  }

  public boolean allowed() {
    return blocks.isEmpty();
  }

  /** For staff: why not, in plain words, or "may be alerted by EMAIL, SMS". */
  public String explain() {
    if (allowed()) {
      return "may be alerted by "
          + channels.stream().map(Enum::name).sorted().collect(Collectors.joining(", "));
    }
    return blocks.stream().map(AlertBlock::explanation).collect(Collectors.joining("; "));
  }
}
