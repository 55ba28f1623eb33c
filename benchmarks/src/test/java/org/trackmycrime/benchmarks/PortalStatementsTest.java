package org.trackmycrime.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * SQL statements and commits per crime page, counted on the connections (deterministic, unlike the
 * throughput on a shared machine): one signed-in client reads its crime page again and again.
 */
class PortalStatementsTest {
  private static final int PAGES = 50;

  @Test
  void aCrimePageMakesFewRoundTrips() throws Exception {
    try (Databases databases = new Databases();
        Databases.Db db = databases.create(Databases.Kind.H2)) {
      CountingDataSource counting = new CountingDataSource(db.dataSource());
      try (PortalFixture site = new PortalFixture(counting.dataSource(), 20, 42, false);
          Http1 http = new Http1(site.port())) {
        List<PortalFixture.Client> clients = site.signIn(1, 42);
        PortalFixture.Client c = clients.get(0);
        http.get(c.crimePath(), c.cookie()); // warm caches
        long statements = counting.statements();
        long commits = counting.commits();
        for (int i = 0; i < PAGES; i++) {
          assertThat(http.get(c.crimePath(), c.cookie()).status()).isEqualTo(200);
        }
        double perPage = (counting.statements() - statements) / (double) PAGES;
        double commitsPerPage = (counting.commits() - commits) / (double) PAGES;
        System.err.printf(
            "crime page: %.2f statements, %.2f commits per page%n", perPage, commitsPerPage);
        assertThat(perPage).isLessThanOrEqualTo(6.1);
      }
    }
  }
}
