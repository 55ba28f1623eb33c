package org.trackmycrime.testing.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import org.trackmycrime.records.PullConnector;

/**
 * Runs the kit against connectors that break the contract on purpose, and checks that the kit fails
 * them in the tests that name the broken rule (and passes the rest).
 */
class CompatibilityKitCatchesBrokenConnectorsTest {

  @Test
  void aConnectorThatStoresItsCheckpointBeforeTheCommitFailsTheCheckpointTests() {
    assertThat(failedTests(ChecksOnPoll.class))
        .containsExactlyInAnyOrder(
            "doesNotAdvanceTheCheckpointWhenTheIngestFails",
            "offersUncommittedEventsAgainAfterARestart",
            "resumesAfterARestartWithoutLossOrDuplicates",
            "offersOnlyTheBatchInHandAgainAfterACrashBetweenCommitAndCheckpoint");
  }

  @Test
  void aConnectorThatForgetsItsCheckpointOnRestartFailsTheRestartTests() {
    assertThat(failedTests(ForgetsOnRestart.class))
        .containsExactlyInAnyOrder(
            "resumesAfterARestartWithoutLossOrDuplicates",
            "offersOnlyTheBatchInHandAgainAfterACrashBetweenCommitAndCheckpoint",
            "neverAppliesCommittedEventsAgainAfterARestart");
  }

  @Test
  void aConnectorThatDropsMalformedEventsFailsTheBadInputTest() {
    assertThat(failedTests(DropsMalformed.class))
        .containsExactly("rejectsAMalformedEventWithoutBlockingTheGoodOnesAroundIt");
  }

  private static List<String> failedTests(Class<?> kitTest) {
    LauncherDiscoveryRequest request =
        LauncherDiscoveryRequestBuilder.request().selectors(selectClass(kitTest)).build();
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    LauncherFactory.create().execute(request, listener);
    TestExecutionSummary summary = listener.getSummary();
    assertThat(summary.getTestsFoundCount()).as("the kit's tests ran").isGreaterThan(8);
    return summary.getFailures().stream()
        .map(f -> f.getTestIdentifier().getSource().orElseThrow())
        .map(s -> ((MethodSource) s).getMethodName())
        .toList();
  }

  /** Base for the broken connectors: the same feed, with a flaw. */
  abstract static class Flawed extends PullConnectorCompatibilityKit {
    private final MemoryFeed feed = new MemoryFeed();

    abstract MemoryFeed.Flaw flaw();

    @Override
    protected void publish(List<KitEvent> events) {
      feed.publish(events);
    }

    @Override
    protected PullConnector<?> connect() {
      return feed.connector(batchSize(), flaw());
    }
  }

  static class ChecksOnPoll extends Flawed {
    @Override
    MemoryFeed.Flaw flaw() {
      return MemoryFeed.Flaw.CHECKPOINTS_ON_POLL;
    }
  }

  static class ForgetsOnRestart extends Flawed {
    @Override
    MemoryFeed.Flaw flaw() {
      return MemoryFeed.Flaw.FORGETS_ON_RESTART;
    }
  }

  static class DropsMalformed extends Flawed {
    @Override
    MemoryFeed.Flaw flaw() {
      return MemoryFeed.Flaw.DROPS_MALFORMED;
    }
  }
}
