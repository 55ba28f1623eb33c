package org.trackmycrime.core.cadence;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.trackmycrime.core.internal.Checks;

/**
 * How well a force kept its promises over a range of due dates: per force, per unit and per
 * officer, for regular updates and for each kind of key decision separately.
 *
 * <p>Groups: an obligation counts for the officer in charge of its crime and for that officer's
 * unit, both as they are now. Only groups and types with something due appear.
 *
 * @param from the first due date counted (the force's local date)
 * @param to the last due date counted, inclusive
 * @param asOf the instant the figures describe: what was still owed then is {@code overdue} or
 *     {@code pending}
 * @param rows the force's rows first, then units by name, then officers by ref; within each group,
 *     regular updates first, then the key decisions
 */
public record ComplianceReport(
    String force, LocalDate from, LocalDate to, Instant asOf, List<ComplianceRow> rows) {

  /** The CSV header, in the order {@link #toCsv()} writes the columns. */
  public static final String CSV_HEADER =
      "force,from,to,scope,scope_ref,type,due,met_on_time,met_late,holding,missed,overdue,pending,"
          + "median_lateness_hours";

  public ComplianceReport {
    new Checks()
        .slug("force", force)
        .notNull("from", from)
        .notNull("to", to)
        .require(from == null || to == null || !to.isBefore(from), "to", "must not be before from")
        .notNull("asOf", asOf)
        .noNulls("rows", rows)
        .throwIfAny();
    rows = List.copyOf(rows);
  }

  /** The row for one group and type ({@code REGULAR_UPDATE} or a key decision's kind). */
  public Optional<ComplianceRow> row(ComplianceRow.Scope scope, String scopeRef, String type) {
    return rows.stream()
        .filter(
            r ->
                r.scope() == scope
                    && Objects.equals(r.scopeRef(), scopeRef)
                    && r.type().equals(type))
        .findFirst();
  }

  /** The rows of one scope. */
  public List<ComplianceRow> rows(ComplianceRow.Scope scope) {
    return rows.stream().filter(r -> r.scope() == scope).toList();
  }

  /**
   * The same figures as CSV (RFC 4180, {@code \r\n} line ends, {@link #CSV_HEADER} first). Median
   * lateness is in hours to two decimals, empty when nothing was late; an empty scope ref means no
   * officer or no unit. A cell that a spreadsheet would take for a formula is prefixed with {@code
   * '}.
   */
  public String toCsv() {
    StringBuilder csv = new StringBuilder(CSV_HEADER).append("\r\n");
    for (ComplianceRow r : rows) {
      String lateness =
          r.medianLateness() == null
              ? ""
              : BigDecimal.valueOf(r.medianLateness().toMillis())
                  .divide(BigDecimal.valueOf(3_600_000L), 2, RoundingMode.HALF_UP)
                  .toPlainString();
      List<String> cells =
          List.of(
              force,
              from.toString(),
              to.toString(),
              r.scope().name(),
              r.scopeRef() == null ? "" : r.scopeRef(),
              r.type(),
              Integer.toString(r.due()),
              Integer.toString(r.metOnTime()),
              Integer.toString(r.metLate()),
              Integer.toString(r.holding()),
              Integer.toString(r.missed()),
              Integer.toString(r.overdue()),
              Integer.toString(r.pending()),
              lateness);
      for (int i = 0; i < cells.size(); i++) {
        if (i > 0) {
          csv.append(',');
        }
        csv.append(cell(cells.get(i)));
      }
      csv.append("\r\n");
    }
    return csv.toString();
  }

  private static String cell(String value) {
    String v = value;
    if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
      v = "'" + v;
    }
    if (v.indexOf(',') >= 0
        || v.indexOf('"') >= 0
        || v.indexOf('\n') >= 0
        || v.indexOf('\r') >= 0) {
      v = '"' + v.replace("\"", "\"\"") + '"';
    }
    return v;
  }
}
