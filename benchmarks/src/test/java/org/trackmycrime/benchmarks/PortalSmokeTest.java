package org.trackmycrime.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The portal workloads' pieces at a tiny size: real pages answered, the flood classified. */
class PortalSmokeTest {
  @Test
  void signedInClientsReadTheirCrimePagesAndTheFloodIsAnswered() throws Exception {
    try (Databases databases = new Databases();
        Databases.Db db = databases.create(Databases.Kind.H2);
        PortalFixture site = new PortalFixture(db.dataSource(), 20, 42, true)) {
      List<PortalFixture.Client> clients = site.signIn(2, 42);
      assertThat(clients).hasSize(2);
      assertThat(clients.get(0).crimePath()).matches("/crimes/[A-Za-z0-9_-]{22}");
      assertThat(clients.get(0).cookie()).isNotEqualTo(clients.get(1).cookie());

      Load.Result pages = PortalWorkload.crimePages(site.port(), clients, 1).await();
      assertThat(pages.requests()).isPositive();
      assertThat(pages.answers()).containsOnlyKeys("crime page");
      Load.Result fixed = PortalWorkload.fixedPages(site.port(), 0.5).await();
      assertThat(fixed.answers()).containsOnlyKeys("fixed page");

      Load flood = SignInWorkload.flood(site.port(), 20, new AtomicLong(), 1.5);
      Load.Result readers = SignInWorkload.readers(site.port(), clients, 1).await();
      Load.Result attempts = flood.await();
      assertThat(readers.answers().keySet()).containsExactlyInAnyOrder("crime page", "start page");
      assertThat(attempts.requests()).isPositive();
      assertThat(attempts.answers().keySet()).isSubsetOf("checked", "refused");
    }
  }
}
