package org.trackmycrime.core.guice;

import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.PrivateModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import java.time.Clock;
import javax.sql.DataSource;
import org.trackmycrime.core.TrackMyCrime;

/**
 * Provides {@link TrackMyCrime} to a Guice application, built exactly as {@link
 * TrackMyCrime#builder()} would. The host binds a {@link DataSource}; a {@link Clock} binding is
 * used when present, else the system UTC clock. Only {@link TrackMyCrime} is exposed.
 */
public final class TrackMyCrimeModule extends PrivateModule {
  @Override
  protected void configure() {
    expose(TrackMyCrime.class);
  }

  @Provides
  @Singleton
  TrackMyCrime trackMyCrime(DataSource dataSource, Injector injector) {
    Clock clock =
        injector.getExistingBinding(Key.get(Clock.class)) != null
            ? injector.getInstance(Clock.class)
            : Clock.systemUTC();
    return TrackMyCrime.builder().dataSource(dataSource).clock(clock).build();
  }
}
