package org.trackmycrime.core.cadence.internal;

import java.time.LocalDate;
import org.trackmycrime.core.model.Nation;

/** One bank holiday of one nation, as the bundled list or the rules give it. */
public record BankHoliday(LocalDate date, Nation nation, String name) {
  /** The suffix GOV.UK-style names carry when a holiday moved off a weekend. */
  public static final String SUBSTITUTE = " (substitute day)";

  public boolean isSubstitute() {
    return name.endsWith(SUBSTITUTE);
  }
}
