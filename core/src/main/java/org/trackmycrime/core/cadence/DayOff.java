package org.trackmycrime.core.cadence;

import java.time.LocalDate;
import org.trackmycrime.core.cadence.internal.BankHoliday;
import org.trackmycrime.core.cadence.internal.Texts;
import org.trackmycrime.core.internal.Checks;
import org.trackmycrime.core.model.Nation;

/**
 * Why a date is not a working day.
 *
 * @param date the day
 * @param kind weekend, bank holiday or a force's local closure
 * @param name the day's name ({@code Saturday}, {@code Easter Monday}) or the closure's reason
 * @param nation whose calendar this is
 */
public record DayOff(LocalDate date, Kind kind, String name, Nation nation) {
  /** What makes a day a day off. When several apply, a bank holiday wins over a closure. */
  public enum Kind {
    WEEKEND,
    BANK_HOLIDAY,
    LOCAL_CLOSURE
  }

  public DayOff {
    new Checks()
        .notNull("date", date)
        .notNull("kind", kind)
        .text("name", name, 200)
        .notNull("nation", nation)
        .throwIfAny();
  }

  /**
   * One sentence, e.g. {@code 2026-04-06 is a bank holiday in England and Wales (Easter Monday)},
   * {@code 2026-12-28 is a bank holiday in England and Wales (Boxing Day, substitute day)} or
   * {@code 2026-04-08 is a local closure day (force training day)}.
   */
  public String describe() {
    return switch (kind) {
      case WEEKEND -> date + " is a " + name;
      case BANK_HOLIDAY ->
          date + " is a bank holiday in " + Texts.nation(nation) + " (" + label() + ")";
      case LOCAL_CLOSURE -> date + " is a local closure day (" + name + ")";
    };
  }

  private String label() {
    return name.endsWith(BankHoliday.SUBSTITUTE)
        ? name.substring(0, name.length() - BankHoliday.SUBSTITUTE.length()) + ", substitute day"
        : name;
  }
}
