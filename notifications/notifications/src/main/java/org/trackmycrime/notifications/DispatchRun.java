package org.trackmycrime.notifications;

/**
 * What one {@link Dispatcher#runOnce()} did.
 *
 * @param claimed rows claimed
 * @param sent rows finished with at least one channel accepted
 * @param retrying rows that failed transiently and will be tried again
 * @param deferred rows (or their texts) held for quiet hours
 * @param failed rows that failed for good on every channel
 * @param deadLettered rows given up after their last attempt
 * @param cancelled rows cancelled: the victim may no longer be alerted, contact was stopped, or
 *     there is nobody to send a staff message to
 * @param coalesced rows folded into another alert for the same victim and crime
 */
public record DispatchRun(
    int claimed,
    int sent,
    int retrying,
    int deferred,
    int failed,
    int deadLettered,
    int cancelled,
    int coalesced) {
  static final DispatchRun NONE = new DispatchRun(0, 0, 0, 0, 0, 0, 0, 0);

  DispatchRun plus(DispatchRun o) {
    return new DispatchRun(
        claimed + o.claimed,
        sent + o.sent,
        retrying + o.retrying,
        deferred + o.deferred,
        failed + o.failed,
        deadLettered + o.deadLettered,
        cancelled + o.cancelled,
        coalesced + o.coalesced);
  }
}
