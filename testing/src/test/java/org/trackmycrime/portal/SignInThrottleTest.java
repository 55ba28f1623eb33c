package org.trackmycrime.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.trackmycrime.testing.MutableClock;
import org.trackmycrime.testing.TmcDatabase;

class SignInThrottleTest {
  private final MutableClock clock = MutableClock.at(TmcDatabase.DEFAULT_START);
  private final SignInThrottle throttle =
      new SignInThrottle(
          clock,
          new SignInThrottle.Limit(3, Duration.ofMinutes(5)),
          new SignInThrottle.Limit(10, Duration.ofSeconds(30)));

  @Test
  void anAccountIsThrottledAfterItsBurstOfFailures() {
    for (int i = 0; i < 3; i++) {
      assertThat(throttle.retryAfter("alex", "1.2.3.4")).as("failure %d", i).isEmpty();
      throttle.recordFailure("alex", "1.2.3.4");
    }
    assertThat(throttle.retryAfter("alex", "5.6.7.8")).hasValue(Duration.ofMinutes(5));
    assertThat(throttle.retryAfter("sam", "5.6.7.8"))
        .as("other accounts are not affected")
        .isEmpty();
  }

  @Test
  void oneMoreTryIsEarnedBackPerRefillInterval() {
    for (int i = 0; i < 3; i++) {
      throttle.recordFailure("alex", null);
    }
    clock.advance(Duration.ofMinutes(4));
    assertThat(throttle.retryAfter("alex", null)).hasValue(Duration.ofMinutes(1));
    clock.advance(Duration.ofMinutes(1));
    assertThat(throttle.retryAfter("alex", null)).isEmpty();
    throttle.recordFailure("alex", null);
    assertThat(throttle.retryAfter("alex", null)).as("only one was earned").isPresent();
  }

  @Test
  void aClientTryingManyAccountsIsThrottled() {
    for (int i = 0; i < 10; i++) {
      throttle.recordFailure("account" + i, "1.2.3.4");
    }
    assertThat(throttle.retryAfter("someone-new", "1.2.3.4")).hasValue(Duration.ofSeconds(30));
    assertThat(throttle.retryAfter("someone-new", "9.9.9.9")).isEmpty();
  }

  @Test
  void resetForgetsAnAccountsFailures() {
    for (int i = 0; i < 3; i++) {
      throttle.recordFailure("alex", null);
    }
    throttle.reset("alex");
    assertThat(throttle.retryAfter("alex", null)).isEmpty();
  }
}
