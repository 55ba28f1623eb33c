package org.trackmycrime.notifications;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.trackmycrime.core.ConfigurationException;
import org.trackmycrime.core.model.Channel;

class DispatcherBuilderTest {
  static NotificationChannel channel(String name, Channel kind) {
    return new NotificationChannel() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public Channel kind() {
        return kind;
      }

      @Override
      public SendResult send(OutgoingMessage message) {
        return new SendResult.Accepted(null);
      }
    };
  }

  @Test
  void reportsEveryMissingSettingAtOnce() {
    assertThatThrownBy(() -> Dispatcher.builder().build())
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("trackMyCrime: is required")
        .hasMessageContaining("config: is required")
        .hasMessageContaining("channel: at least one is required");
  }

  @Test
  void refusesTwoChannelsOfOneKindAndBadNames() {
    assertThatThrownBy(
            () ->
                Dispatcher.builder()
                    .channel(channel("smtp", Channel.EMAIL))
                    .channel(channel("other-smtp", Channel.EMAIL))
                    .channel(channel("Twilio!", Channel.SMS))
                    .build())
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("two channels for EMAIL")
        .hasMessageContaining("lower-case");
  }
}
