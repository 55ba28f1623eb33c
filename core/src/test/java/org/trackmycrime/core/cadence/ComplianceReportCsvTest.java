package org.trackmycrime.core.cadence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trackmycrime.core.ValidationException;
import org.trackmycrime.core.cadence.ComplianceRow.Scope;
import org.trackmycrime.core.model.TimelineKind;

class ComplianceReportCsvTest {
  static final ComplianceReport REPORT =
      new ComplianceReport(
          "demo-force",
          LocalDate.parse("2026-04-01"),
          LocalDate.parse("2026-04-30"),
          Instant.parse("2026-05-01T09:00:00Z"),
          List.of(
              new ComplianceRow(
                  Scope.FORCE,
                  "demo-force",
                  Obligation.Kind.REGULAR_UPDATE,
                  null,
                  10,
                  5,
                  2,
                  1,
                  1,
                  1,
                  0,
                  Duration.ofMinutes(90)),
              new ComplianceRow(
                  Scope.UNIT,
                  "CID, \"North\"",
                  Obligation.Kind.KEY_DECISION,
                  TimelineKind.SUSPECT_CHARGED,
                  1,
                  1,
                  0,
                  0,
                  0,
                  0,
                  0,
                  null),
              new ComplianceRow(
                  Scope.OFFICER,
                  "=HYPERLINK(\"x\")",
                  Obligation.Kind.REGULAR_UPDATE,
                  null,
                  1,
                  0,
                  0,
                  0,
                  1,
                  0,
                  0,
                  null),
              new ComplianceRow(
                  Scope.OFFICER,
                  null,
                  Obligation.Kind.REGULAR_UPDATE,
                  null,
                  1,
                  0,
                  0,
                  0,
                  0,
                  0,
                  1,
                  null)));

  @Test
  void theCsvHasAHeaderAndOneLinePerRowQuotedWhereNeeded() {
    assertThat(REPORT.toCsv())
        .isEqualTo(
            ComplianceReport.CSV_HEADER
                + "\r\n"
                + "demo-force,2026-04-01,2026-04-30,FORCE,demo-force,REGULAR_UPDATE,10,5,2,1,1,1,0,"
                + "1.50\r\n"
                + "demo-force,2026-04-01,2026-04-30,UNIT,\"CID, \"\"North\"\"\",SUSPECT_CHARGED,"
                + "1,1,0,0,0,0,0,\r\n"
                + "demo-force,2026-04-01,2026-04-30,OFFICER,\"'=HYPERLINK(\"\"x\"\")\","
                + "REGULAR_UPDATE,1,0,0,0,1,0,0,\r\n"
                + "demo-force,2026-04-01,2026-04-30,OFFICER,,REGULAR_UPDATE,1,0,0,0,0,0,1,\r\n");
  }

  @Test
  void rowsAreFoundByScopeRefAndType() {
    assertThat(REPORT.row(Scope.UNIT, "CID, \"North\"", "SUSPECT_CHARGED")).isPresent();
    assertThat(REPORT.row(Scope.OFFICER, null, "REGULAR_UPDATE").orElseThrow().pending())
        .isEqualTo(1);
    assertThat(REPORT.rows(Scope.OFFICER)).hasSize(2);
  }

  @Test
  void aRowsFiguresMustAddUp() {
    assertThatThrownBy(
            () ->
                new ComplianceRow(
                    Scope.FORCE,
                    "demo-force",
                    Obligation.Kind.REGULAR_UPDATE,
                    null,
                    3,
                    1,
                    1,
                    0,
                    0,
                    0,
                    0,
                    null))
        .isInstanceOf(ValidationException.class)
        .hasMessage("due: must be the sum of the outcomes");
  }
}
