package org.trackmycrime.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TallyTest {
  @Test
  void aMessageSentTwiceOrNotAtAllFailsTheCheck() {
    Tally tally = new Tally();
    tally.add("a@bench.example");
    tally.add("b@bench.example");
    assertThatCode(() -> DispatchWorkload.check("x", tally, 2)).doesNotThrowAnyException();

    tally.add("b@bench.example");
    assertThat(tally.duplicates()).isEqualTo(1);
    assertThatThrownBy(() -> DispatchWorkload.check("x", tally, 3))
        .hasMessageContaining("3 messages for 2 different recipients");

    tally.reset();
    tally.add("a@bench.example");
    assertThatThrownBy(() -> DispatchWorkload.check("x", tally, 2))
        .hasMessageContaining("1 messages for 1 different recipients");
  }

  @Test
  void theTextServerCountsByTheDecodedTo() {
    assertThat(SmsWorkload.to("Body=Hi&To=%2B447700900001&From=%2B447700900000"))
        .isEqualTo("+447700900001");
    assertThat(SmsWorkload.to("Body=Hi")).isEmpty();
  }
}
