package org.trackmycrime.notifications.guice;

import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.PrivateModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.TypeLiteral;
import java.util.Set;
import org.trackmycrime.core.TrackMyCrime;
import org.trackmycrime.notifications.DispatchConfig;
import org.trackmycrime.notifications.DispatchListener;
import org.trackmycrime.notifications.Dispatcher;
import org.trackmycrime.notifications.NotificationChannel;

/**
 * Provides the {@link Dispatcher} to a Guice application, built exactly as {@link
 * Dispatcher#builder()} would. The host binds {@link TrackMyCrime} (for example with {@code
 * TrackMyCrimeModule}), a {@link DispatchConfig}, and its channels with a {@code Multibinder} of
 * {@link NotificationChannel}; listeners, when it has any, with a {@code Multibinder} of {@link
 * DispatchListener}. Only the {@link Dispatcher} is exposed; the host starts and stops it.
 */
public final class DispatcherModule extends PrivateModule {
  private static final Key<Set<DispatchListener>> LISTENERS =
      Key.get(new TypeLiteral<Set<DispatchListener>>() {});

  @Override
  protected void configure() {
    expose(Dispatcher.class);
  }

  @Provides
  @Singleton
  Dispatcher dispatcher(
      TrackMyCrime tmc,
      DispatchConfig config,
      Set<NotificationChannel> channels,
      Injector injector) {
    Dispatcher.Builder b = Dispatcher.builder().trackMyCrime(tmc).config(config);
    channels.forEach(b::channel);
    if (injector.getExistingBinding(LISTENERS) != null) {
      injector.getInstance(LISTENERS).forEach(b::listener);
    }
    return b.build();
  }
}
