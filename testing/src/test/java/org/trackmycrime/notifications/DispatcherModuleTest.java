package org.trackmycrime.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.multibindings.Multibinder;
import java.time.Clock;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.trackmycrime.core.TrackMyCrime;
import org.trackmycrime.core.guice.TrackMyCrimeModule;
import org.trackmycrime.notifications.guice.DispatcherModule;
import org.trackmycrime.testing.TmcDatabase;
import org.trackmycrime.testing.notifications.RecordingChannel;

class DispatcherModuleTest {
  @RegisterExtension final TmcDatabase db = TmcDatabase.h2();

  @Test
  void providesOneDispatcherBuiltFromTheHostsBindings() {
    RecordingChannel email = RecordingChannel.email();
    Injector injector =
        Guice.createInjector(
            new TrackMyCrimeModule(),
            new DispatcherModule(),
            new AbstractModule() {
              @Override
              protected void configure() {
                bind(DataSource.class).toInstance(db.dataSource());
                bind(Clock.class).toInstance(db.clock());
                bind(DispatchConfig.class)
                    .toInstance(
                        DispatchConfig.builder()
                            .defaultMessaging(
                                ForceMessaging.builder("https://victims.example.org").build())
                            .build());
                Multibinder.newSetBinder(binder(), NotificationChannel.class)
                    .addBinding()
                    .toInstance(email);
              }
            });

    Dispatcher dispatcher = injector.getInstance(Dispatcher.class);

    assertThat(injector.getInstance(Dispatcher.class)).isSameAs(dispatcher);
    assertThat(dispatcher.runOnce().claimed()).isZero();
    assertThat(injector.getInstance(TrackMyCrime.class).clock()).isSameAs(db.clock());
  }
}
