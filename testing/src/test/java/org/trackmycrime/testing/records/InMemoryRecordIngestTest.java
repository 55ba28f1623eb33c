package org.trackmycrime.testing.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.trackmycrime.core.PersistenceException;
import org.trackmycrime.core.ValidationException.Problem;
import org.trackmycrime.core.ingest.IngestOutcome;
import org.trackmycrime.core.ingest.IngestStatus;
import org.trackmycrime.core.ingest.RawEvent;

class InMemoryRecordIngestTest {
  private final InMemoryRecordIngest ingest = new InMemoryRecordIngest();

  private static RawEvent event(String json) {
    return new RawEvent(json, "test:1");
  }

  @Test
  void appliesAnEventOnceAndAnswersDuplicateWhenItIsOfferedAgain() {
    RawEvent e = event("{\"source\":\"niche\",\"eventId\":\"e1\",\"data\":{}}");

    assertThat(ingest.ingest(e).status()).isEqualTo(IngestStatus.APPLIED);
    assertThat(ingest.ingestAll(List.of(e, e)))
        .extracting(IngestOutcome::status)
        .containsExactly(IngestStatus.DUPLICATE, IngestStatus.DUPLICATE);
    assertThat(ingest.appliedEventIds()).containsExactly("e1");
  }

  @Test
  void theSameEventIdFromAnotherSourceIsAnotherEvent() {
    ingest.ingest(event("{\"source\":\"niche\",\"eventId\":\"e1\"}"));

    assertThat(ingest.ingest(event("{\"source\":\"athena\",\"eventId\":\"e1\"}")).status())
        .isEqualTo(IngestStatus.APPLIED);
  }

  @Test
  void rejectsWhatIsNotAnObjectWithSourceAndEventIdAndKeepsItInTheRejectedList() {
    List<IngestOutcome> outcomes =
        ingest.ingestAll(
            List.of(
                event("{\"source\":\"niche\",\"eventId\":"),
                event("[1,2]"),
                event("{\"source\":\"niche\"}"),
                event("{\"source\":\"niche\",\"eventId\":\"e2\",\"data\":\"text\"}"),
                event("{\"source\":\"niche\",\"eventId\":\"e3\"}")));

    assertThat(outcomes)
        .extracting(IngestOutcome::status)
        .containsExactly(
            IngestStatus.REJECTED,
            IngestStatus.REJECTED,
            IngestStatus.REJECTED,
            IngestStatus.REJECTED,
            IngestStatus.APPLIED);
    assertThat(outcomes.get(2).problems())
        .extracting(Problem::field)
        .as("the problem names the field")
        .containsExactly("eventId");
    assertThat(outcomes.get(3).eventId()).isEqualTo("e2");
    assertThat(ingest.rejected()).hasSize(4);
    assertThat(ingest.rejected().get(0).id()).isEqualTo(outcomes.get(0).rejectedId());
    assertThat(ingest.rejected().get(3).toString())
        .as("the rejected entry's toString leaves the event's text out")
        .doesNotContain("text");
  }

  @Test
  void aSimulatedDatabaseFailureThrowsAndCommitsNothing() {
    ingest.failNext(1);
    RawEvent e = event("{\"source\":\"niche\",\"eventId\":\"e1\"}");

    assertThatThrownBy(() -> ingest.ingestAll(List.of(e))).isInstanceOf(PersistenceException.class);
    assertThat(ingest.outcomes()).isEmpty();
    assertThat(ingest.ingest(e).status())
        .as("the event was not applied by the failed call")
        .isEqualTo(IngestStatus.APPLIED);
    assertThat(ingest.calls()).isEqualTo(2);

    ingest.failAlways(true);
    assertThatThrownBy(() -> ingest.ingest(e)).isInstanceOf(PersistenceException.class);
  }
}
