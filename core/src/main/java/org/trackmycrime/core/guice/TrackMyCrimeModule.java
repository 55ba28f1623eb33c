package org.trackmycrime.core.guice;

import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.PrivateModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import java.time.Clock;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.trackmycrime.core.TrackMyCrime;
import org.trackmycrime.core.cadence.CadenceConfig;
import org.trackmycrime.core.messaging.MessagingConfig;

/**
 * Provides {@link TrackMyCrime} to a Guice application, built exactly as {@link
 * TrackMyCrime#builder()} would. The host binds a {@link DataSource}; a {@link Clock} binding is
 * used when present, else the system UTC clock; a {@link CadenceConfig} binding likewise, else
 * {@link CadenceConfig#defaults()}; a {@link MessagingConfig} binding, else {@link
 * MessagingConfig#defaults()}. Only {@link TrackMyCrime} is exposed.
 */
public final class TrackMyCrimeModule extends PrivateModule {
  @Override
  protected void configure() {
    expose(TrackMyCrime.class);
  }

  @Provides
  @Singleton
  TrackMyCrime trackMyCrime(DataSource dataSource, Injector injector) {
    return TrackMyCrime.builder()
        .dataSource(dataSource)
        .clock(bound(injector, Clock.class, Clock::systemUTC))
        .cadence(bound(injector, CadenceConfig.class, CadenceConfig::defaults))
        .messaging(bound(injector, MessagingConfig.class, MessagingConfig::defaults))
        .build();
  }

  /** The host's binding of an optional setting, or the default. */
  private static <T> T bound(Injector injector, Class<T> type, Supplier<T> otherwise) {
    return injector.getExistingBinding(Key.get(type)) != null
        ? injector.getInstance(type)
        : otherwise.get();
  }
}
