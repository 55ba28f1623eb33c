package org.trackmycrime.notifications.internal;

import java.util.Set;
import java.util.stream.Collectors;
import org.trackmycrime.core.model.Channel;
import org.trackmycrime.core.model.Language;

/** The few words staff messages fill in: channel names, in English and Welsh. */
final class Words {
  private Words() {}

  static String channel(Channel channel, Language language) {
    return switch (channel) {
      case EMAIL -> language == Language.CY ? "e-bost" : "email";
      case SMS -> language == Language.CY ? "neges destun" : "text message";
    };
  }

  static String remaining(Set<Channel> channels, Language language) {
    if (channels.isEmpty()) {
      return language == Language.CY
          ? "dim, felly ni ellir rhybuddio'r dioddefwr nes cofnodi manylion cyswllt newydd"
          : "none, so the victim cannot be alerted until new contact details are recorded";
    }
    return channels.stream()
        .sorted()
        .map(c -> channel(c, language))
        .collect(Collectors.joining(language == Language.CY ? " a " : " and "));
  }
}
