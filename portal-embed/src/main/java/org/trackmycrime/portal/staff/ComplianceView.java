package org.trackmycrime.portal.staff;

import java.util.List;
import org.trackmycrime.core.cadence.CaseObligation;
import org.trackmycrime.core.cadence.ComplianceReport;

/**
 * The compliance figures a supervisor may see (their unit's rows and its officers', or the whole
 * force's), and the obligations overdue now within the same scope, most overdue first.
 *
 * @param unit the unit the view is limited to, or null for the whole force
 */
public record ComplianceView(String unit, ComplianceReport report, List<CaseObligation> overdue) {
  public ComplianceView {
    overdue = List.copyOf(overdue);
  }

  /** The same figures as CSV ({@link ComplianceReport#toCsv()}). */
  public String toCsv() {
    return report.toCsv();
  }
}
