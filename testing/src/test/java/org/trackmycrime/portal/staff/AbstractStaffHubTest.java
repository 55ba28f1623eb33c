package org.trackmycrime.portal.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.trackmycrime.portal.staff.StaffFixture.ADMIN;
import static org.trackmycrime.portal.staff.StaffFixture.C1;
import static org.trackmycrime.portal.staff.StaffFixture.EVERYONE;
import static org.trackmycrime.portal.staff.StaffFixture.FORCE;
import static org.trackmycrime.portal.staff.StaffFixture.FORCE_SUPERVISOR;
import static org.trackmycrime.portal.staff.StaffFixture.FOREIGN_ADMIN;
import static org.trackmycrime.portal.staff.StaffFixture.FOREIGN_OFFICER;
import static org.trackmycrime.portal.staff.StaffFixture.HUB;
import static org.trackmycrime.portal.staff.StaffFixture.OFFICER;
import static org.trackmycrime.portal.staff.StaffFixture.OTHER_OFFICER;
import static org.trackmycrime.portal.staff.StaffFixture.SUPERVISOR;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.trackmycrime.core.NotFoundException;
import org.trackmycrime.core.TrackMyCrime;
import org.trackmycrime.core.messaging.Assignee;
import org.trackmycrime.core.messaging.CloseReason;
import org.trackmycrime.core.messaging.InboxItem;
import org.trackmycrime.core.messaging.MessageTopic;
import org.trackmycrime.core.messaging.NewVictimMessage;
import org.trackmycrime.core.model.Actor;
import org.trackmycrime.core.model.AuditAction;
import org.trackmycrime.core.model.AuditEvent;
import org.trackmycrime.core.model.MessageStatus;
import org.trackmycrime.core.outbox.OutboxMessage;
import org.trackmycrime.testing.TmcDatabase;

/** The Command Hub side of the staff console, on the messaging API; H2 and PostgreSQL. */
abstract class AbstractStaffHubTest {
  abstract TmcDatabase db();

  TrackMyCrime tmc;
  StaffConsole console;
  int sent;

  @BeforeEach
  void setUp() {
    tmc = db().trackMyCrime();
    StaffFixture.load(tmc, db().clock().instant());
    console = new StaffConsole(tmc);
  }

  /** A new message from C1's victim, waiting with the hub. */
  String newMessage() {
    if (++sent % 15 == 0) {
      db().clock().advance(Duration.ofHours(25)); // stay under the per-victim daily limit
    }
    return tmc.messaging()
        .send(NewVictimMessage.of(FORCE, C1, "V1", MessageTopic.QUESTION, "Any news on my bike?"))
        .messageId();
  }

  @Test
  void theHubForwardsTheOfficerRepliesAndEachStepIsQueuedAndAudited() {
    String id = newMessage();
    assertThat(console.hubInbox(HUB))
        .filteredOn(i -> i.kind() == InboxItem.Kind.MESSAGE)
        .extracting(InboxItem::messageId)
        .containsExactly(id);
    assertThat(console.officerMessages(OFFICER)).isEmpty();

    assertThat(console.forward(HUB, id, "4321", "please call back").status())
        .isEqualTo(MessageStatus.FORWARDED);
    assertThat(console.officerMessages(OFFICER))
        .extracting(InboxItem::messageId)
        .containsExactly(id);
    assertThat(console.officerMessages(OTHER_OFFICER)).isEmpty();
    assertThat(tmc.outbox().forCrime(FORCE, C1))
        .extracting(OutboxMessage::kind)
        .contains(OutboxMessage.OFFICER_MESSAGE);
    assertThat(tmc.audit().forCrime(FORCE, C1))
        .filteredOn(a -> a.actor().equals(Actor.staff(HUB.id())))
        .extracting(AuditEvent::action)
        .contains(AuditAction.DISCLOSURE);

    console.reply(OFFICER, id, "We have found a bike that may be yours.");
    assertThat(tmc.outbox().forCrime(FORCE, C1))
        .extracting(OutboxMessage::kind)
        .contains(OutboxMessage.VICTIM_REPLY);
    assertThat(tmc.messaging().threadsForVictim(FORCE, C1, "V1").get(0).toString())
        .doesNotContain("please call back");
  }

  @Test
  void openingAMessageIsAConsultation() {
    String id = newMessage();
    assertThat(console.openMessage(SUPERVISOR, id).message().messageId()).isEqualTo(id);
    assertThat(tmc.audit().forCrime(FORCE, C1))
        .filteredOn(a -> a.actor().equals(Actor.staff(SUPERVISOR.id())))
        .extracting(AuditEvent::action)
        .containsExactly(AuditAction.CONSULTATION);
  }

  @Test
  void aMessageReassignedToAUnitReachesItsOfficers() {
    String id = newMessage();
    console.reassign(HUB, id, Assignee.unit("CID"), null);
    assertThat(console.officerMessages(OTHER_OFFICER))
        .extracting(InboxItem::messageId)
        .containsExactly(id);
    assertThat(console.openMessage(OTHER_OFFICER, id).message().assignedUnit()).isEqualTo("CID");
  }

  // ------------------------------------------------------------------ access matrix

  private Map<String, BiConsumer<StaffMember, String>> messageMethods() {
    Map<String, BiConsumer<StaffMember, String>> m = new LinkedHashMap<>();
    m.put("openMessage", (s, id) -> console.openMessage(s, id));
    m.put("forward", (s, id) -> console.forward(s, id, "4321", null));
    m.put("reassign", (s, id) -> console.reassign(s, id, Assignee.unit("CID"), null));
    m.put("reply", (s, id) -> console.reply(s, id, "Thank you"));
    m.put("close", (s, id) -> console.close(s, id, CloseReason.NO_REPLY_NEEDED, null));
    return m;
  }

  @Test
  void accessMatrixOverEveryMessageMethodRoleAndForce() {
    List<String> wrong = new ArrayList<>();
    for (StaffMember s : EVERYONE) {
      for (Map.Entry<String, BiConsumer<StaffMember, String>> m : messageMethods().entrySet()) {
        String id = newMessage();
        String expected = expected(m.getKey(), s);
        String actual = outcome(() -> m.getValue().accept(s, id));
        if (!expected.equals(actual)) {
          wrong.add(m.getKey() + " by " + s.id() + ": " + actual + " not " + expected);
        }
      }
      String inbox = outcome(() -> console.hubInbox(s));
      if (!inbox.equals(s.has(StaffRole.HUB_OPERATOR) || s.has(StaffRole.ADMIN) ? "ok" : "403")) {
        wrong.add("hubInbox by " + s.id() + ": " + inbox);
      }
      String mine = outcome(() -> console.officerMessages(s));
      if (!mine.equals(s.has(StaffRole.OFFICER) ? "ok" : "403")) {
        wrong.add("officerMessages by " + s.id() + ": " + mine);
      }
    }
    assertThat(wrong).isEmpty();
    assertThat(console.hubInbox(FOREIGN_ADMIN)).isEmpty();
    assertThat(console.officerMessages(FOREIGN_OFFICER)).isEmpty();
  }

  /** A message on C1 (officer 4321, unit Burglary), waiting with the hub. */
  private static String expected(String method, StaffMember s) {
    boolean hub = s == HUB || s == ADMIN;
    boolean crimeOfficer = s == OFFICER;
    boolean crimeSupervisor = s == SUPERVISOR || s == FORCE_SUPERVISOR;
    boolean foreign = s == FOREIGN_OFFICER || s == FOREIGN_ADMIN;
    switch (method) {
      case "openMessage":
        return hub || crimeOfficer || crimeSupervisor ? "ok" : foreign ? "404" : "403";
      case "forward":
        if (s == FOREIGN_ADMIN) {
          return "404";
        }
        return hub ? "ok" : "403";
      default: // reassign, reply, close: hub staff and officers, not supervisors
        if (s == FOREIGN_OFFICER || s == FOREIGN_ADMIN) {
          return "404";
        }
        return hub || crimeOfficer ? "ok" : "403";
    }
  }

  private static String outcome(Runnable call) {
    try {
      call.run();
      return "ok";
    } catch (StaffAccessException e) {
      return "403";
    } catch (NotFoundException e) {
      return "404";
    }
  }
}
