package org.trackmycrime.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.multibindings.Multibinder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.trackmycrime.core.TrackMyCrime;
import org.trackmycrime.core.guice.TrackMyCrimeModule;
import org.trackmycrime.core.model.Actor;
import org.trackmycrime.core.model.ContactDetails;
import org.trackmycrime.core.model.Crime;
import org.trackmycrime.core.model.Force;
import org.trackmycrime.core.model.ForceSettings;
import org.trackmycrime.core.model.Victim;
import org.trackmycrime.notifications.DispatchConfig;
import org.trackmycrime.notifications.Dispatcher;
import org.trackmycrime.notifications.ForceMessaging;
import org.trackmycrime.notifications.NotificationChannel;
import org.trackmycrime.notifications.guice.DispatcherModule;
import org.trackmycrime.notifications.smtp.SmtpChannel;
import org.trackmycrime.notifications.smtp.SmtpConfig;

/**
 * The embedding snippets of the top-level README, compiled and run. Each snippet sits between
 * {@code // readme:NAME} and {@code // end}; a test checks that the README quotes it word for word,
 * so the README cannot drift from code that compiles.
 */
class ReadmeSnippetsTest {

  private static DataSource freshH2(String name) {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
    return ds;
  }

  @Test
  void plainJava() {
    DataSource dataSource = freshH2("readme-plain");
    // readme:plain-java
    TrackMyCrime tmc =
        TrackMyCrime.builder()
            .dataSource(dataSource) // H2 or PostgreSQL; migrations run at build()
            .clock(Clock.systemUTC())
            .build();
    tmc.forces().save(new Force("demo-force", "Demo Police", ForceSettings.defaults()));

    Dispatcher dispatcher =
        Dispatcher.builder()
            .trackMyCrime(tmc)
            .channel(
                SmtpChannel.create(
                    SmtpConfig.builder("smtp.force.example", "updates@force.example").build()))
            .config(
                DispatchConfig.builder()
                    .force("demo-force", ForceMessaging.builder("https://victims.example").build())
                    .build())
            .build();
    dispatcher.start(); // sends what ingest and the portal put in the outbox
    // end

    Victim victim =
        Victim.builder("demo-force", "43/1/26", "V1")
            .name("Alex", "Morgan")
            .mobile(ContactDetails.phoneToE164("07700 900123").orElseThrow())
            .build();
    tmc.crimeService()
        .record(
            Crime.recorded("demo-force", "43/1/26", "Burglary", Instant.now()),
            List.of(victim),
            Actor.officer("4321"));
    dispatcher.stop();
    assertThat(tmc.crimes().find("demo-force", "43/1/26")).isPresent();
  }

  @Test
  void guice() {
    DataSource dataSource = freshH2("readme-guice");
    NotificationChannel smtp =
        SmtpChannel.create(
            SmtpConfig.builder("smtp.force.example", "updates@force.example").build());
    DispatchConfig dispatchConfig =
        DispatchConfig.builder()
            .force("demo-force", ForceMessaging.builder("https://victims.example").build())
            .build();
    // readme:guice
    Injector injector =
        Guice.createInjector(
            new AbstractModule() {
              @Override
              protected void configure() {
                bind(DataSource.class).toInstance(dataSource);
                bind(DispatchConfig.class).toInstance(dispatchConfig);
                Multibinder.newSetBinder(binder(), NotificationChannel.class)
                    .addBinding()
                    .toInstance(smtp);
              }
            },
            new TrackMyCrimeModule(), // exposes TrackMyCrime
            new DispatcherModule()); // exposes Dispatcher
    TrackMyCrime tmc = injector.getInstance(TrackMyCrime.class);
    Dispatcher dispatcher = injector.getInstance(Dispatcher.class);
    // end

    assertThat(tmc.forces().find("demo-force")).isEmpty();
    assertThat(dispatcher).isNotNull();
  }

  @Test
  void theReadmeQuotesEverySnippetWordForWord() throws Exception {
    Path root = Path.of("..").toAbsolutePath().normalize();
    String source =
        Files.readString(
            root.resolve(
                "examples/src/test/java/org/trackmycrime/examples/ReadmeSnippetsTest.java"));
    String readme = Files.readString(root.resolve("README.md"));
    Matcher m = Pattern.compile("(?s)// readme:([a-z-]+)\\n(.*?)\\n\\s*// end").matcher(source);
    int found = 0;
    while (m.find()) {
      found++;
      String snippet = dedent(m.group(2));
      assertThat(readme)
          .as("README.md must quote the snippet '%s' from %s", m.group(1), getClass())
          .contains(snippet);
    }
    assertThat(found).isGreaterThanOrEqualTo(2);
  }

  private static String dedent(String block) {
    List<String> lines = block.lines().toList();
    int indent =
        lines.stream()
            .filter(l -> !l.isBlank())
            .mapToInt(l -> l.length() - l.stripLeading().length())
            .min()
            .orElse(0);
    return String.join(
        "\n", lines.stream().map(l -> l.length() >= indent ? l.substring(indent) : l).toList());
  }
}
