package org.trackmycrime.core.store;

import java.util.List;
import java.util.Optional;
import org.trackmycrime.core.model.VictimMessage;

/** Victims' messages to the Command Hub and officers. */
public interface MessageStore {
  /** Creates the message or updates its status and assignment (the body never changes). */
  void save(VictimMessage message);

  Optional<VictimMessage> find(String force, String messageId);

  /** The crime's messages, oldest first. */
  List<VictimMessage> listForCrime(String force, String crimeReference);
}
