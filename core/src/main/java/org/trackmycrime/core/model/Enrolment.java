package org.trackmycrime.core.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.trackmycrime.core.EnrolmentException;

/**
 * A victim's enrolment in updates: whether they want them ({@link Consent}) and whether an officer
 * has found contact suitable ({@link RiskStatus}). The state is derived from the full history of
 * transitions, ordered by the time each took effect, so the state at any past moment can be
 * answered (ingest decides alerts by event time).
 */
public record Enrolment(List<EnrolmentTransition> history) {
  /**
   * Time order. At the same instant, records-system facts come first in their event order, then
   * changes made in the SDK in the order they were made (the sort is stable).
   */
  private static final Comparator<EnrolmentTransition> BY_TIME =
      Comparator.comparing(EnrolmentTransition::at)
          .thenComparing(t -> t.eventKey() == null)
          .thenComparing(t -> t.eventKey() == null ? "" : t.eventKey());

  /** The state at one moment. */
  public record State(Consent consent, RiskStatus risk) {
    static final State INITIAL = new State(Consent.NONE, RiskStatus.PENDING);

    State after(EnrolmentAction action) {
      return switch (action) {
        case ENROL, OPT_IN -> new State(Consent.ENROLLED, risk);
        case DECLINE -> new State(Consent.DECLINED, risk);
        case OPT_OUT -> new State(Consent.OPTED_OUT, risk);
        case ASSESS_SUITABLE -> new State(consent, RiskStatus.SUITABLE);
        case ASSESS_UNSUITABLE -> new State(consent, RiskStatus.UNSUITABLE);
      };
    }

    @Override
    public String toString() {
      return consent + "/" + risk;
    }
  }

  public Enrolment {
    List<EnrolmentTransition> sorted = new ArrayList<>(history);
    sorted.sort(BY_TIME); // stable: transitions at the same instant keep their order
    history = List.copyOf(sorted);
  }

  /** No enrolment recorded yet. */
  public static Enrolment none() {
    return new Enrolment(List.of());
  }

  /**
   * The enrolment when a crime is recorded: enrolled by default unless the victim declined. Risk
   * stays pending until an officer assesses it.
   */
  public static Enrolment atRecording(boolean declined, Instant at, Actor actor) {
    return none()
        .apply(
            new EnrolmentTransition(
                declined ? EnrolmentAction.DECLINE : EnrolmentAction.ENROL,
                at,
                actor,
                null,
                List.of()));
  }

  public State state() {
    return fold(history.size());
  }

  public Consent consent() {
    return state().consent();
  }

  public RiskStatus risk() {
    return state().risk();
  }

  /** The state as it was at {@code instant}: every transition that took effect at or before it. */
  public State stateAt(Instant instant) {
    int n = 0;
    while (n < history.size() && !history.get(n).at().isAfter(instant)) {
      n++;
    }
    return fold(n);
  }

  private State fold(int count) {
    State s = State.INITIAL;
    for (int i = 0; i < count; i++) {
      s = s.after(history.get(i).action());
    }
    return s;
  }

  /**
   * Applies a change made now by a person or a service, after checking it is allowed in the current
   * state.
   *
   * @throws EnrolmentException naming the state and the action when it is not allowed
   */
  public Enrolment apply(EnrolmentTransition t) {
    State s = state();
    String refused = refusal(s, t);
    if (refused != null) {
      throw new EnrolmentException(
          "Cannot " + t.action() + " when enrolment is " + s + ": " + refused,
          t.action(),
          s.consent(),
          s.risk(),
          Map.of());
    }
    return record(t);
  }

  /**
   * Records a transition as a statement of fact from the records system, without the interactive
   * checks: it may be late or repeated, and the state is derived by event time whatever the arrival
   * order.
   */
  public Enrolment record(EnrolmentTransition t) {
    List<EnrolmentTransition> next = new ArrayList<>(history);
    next.add(t);
    return new Enrolment(next);
  }

  private String refusal(State s, EnrolmentTransition t) {
    if (!history.isEmpty() && t.at().isBefore(history.get(history.size() - 1).at())) {
      return "a change cannot take effect before the last recorded one";
    }
    ActorType who = t.actor().type();
    return switch (t.action()) {
      case ENROL, DECLINE ->
          s.consent() == Consent.NONE ? null : "the victim's enrolment was already recorded";
      case OPT_OUT ->
          s.consent() == Consent.ENROLLED ? staffReason(t) : "the victim is not receiving updates";
      case OPT_IN ->
          s.consent() == Consent.DECLINED || s.consent() == Consent.OPTED_OUT
              ? staffReason(t)
              : s.consent() == Consent.NONE
                  ? "the victim's enrolment has not been recorded"
                  : "the victim is already enrolled";
      case ASSESS_SUITABLE, ASSESS_UNSUITABLE ->
          who == ActorType.VICTIM
              ? "only an officer can assess risk"
              : s.consent() == Consent.NONE ? "the victim's enrolment has not been recorded" : null;
    };
  }

  private static String staffReason(EnrolmentTransition t) {
    ActorType who = t.actor().type();
    boolean staff = who == ActorType.OFFICER || who == ActorType.STAFF;
    return staff && (t.reason() == null || t.reason().isBlank())
        ? "staff must give a reason when opting a victim out or in"
        : null;
  }
}
