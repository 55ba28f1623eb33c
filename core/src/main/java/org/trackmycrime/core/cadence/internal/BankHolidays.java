package org.trackmycrime.core.cadence.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.trackmycrime.core.ConfigurationException;
import org.trackmycrime.core.model.Nation;

/**
 * Bank holidays by nation and year: the bundled list for the years it covers, the rules for any
 * other year. Loaded once per class loader; lookups are cached per nation and year because every
 * working-day count asks about every day it passes.
 */
public final class BankHolidays {
  /** Classpath location of the bundled list. */
  public static final String RESOURCE = "/org/trackmycrime/core/cadence/uk-bank-holidays.csv";

  private static final Bundled BUNDLED = load();
  private static final Map<Long, Map<LocalDate, BankHoliday>> CACHE = new ConcurrentHashMap<>();

  private BankHolidays() {}

  private record Bundled(
      int firstYear, int lastYear, Map<Nation, Map<Integer, List<BankHoliday>>> byNation) {}

  /** The nation's bank holidays of that year, in date order. */
  public static List<BankHoliday> forYear(Nation nation, int year) {
    return List.copyOf(index(nation, year).values());
  }

  /** The bank holiday on that date in that nation, or null. */
  public static BankHoliday on(Nation nation, LocalDate date) {
    return index(nation, date.getYear()).get(date);
  }

  /** True when the year's holidays come from the bundled list rather than the rules. */
  public static boolean isBundled(int year) {
    return year >= BUNDLED.firstYear() && year <= BUNDLED.lastYear();
  }

  public static int firstBundledYear() {
    return BUNDLED.firstYear();
  }

  public static int lastBundledYear() {
    return BUNDLED.lastYear();
  }

  /** The bundled list only, for the years it covers (empty for any other year). */
  public static List<BankHoliday> bundled(Nation nation, int year) {
    return BUNDLED.byNation().get(nation).getOrDefault(year, List.of());
  }

  private static Map<LocalDate, BankHoliday> index(Nation nation, int year) {
    long key = (long) year * Nation.values().length + nation.ordinal();
    return CACHE.computeIfAbsent(
        key,
        k -> {
          List<BankHoliday> list =
              isBundled(year) ? bundled(nation, year) : BankHolidayRules.forYear(nation, year);
          Map<LocalDate, BankHoliday> byDate = new LinkedHashMap<>();
          for (BankHoliday h : list) {
            byDate.put(h.date(), h);
          }
          return Collections.unmodifiableMap(byDate);
        });
  }

  private static Bundled load() {
    try (InputStream in = BankHolidays.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new ConfigurationException(
            "bank holiday list missing from the classpath: " + RESOURCE);
      }
      return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  /** Parses {@code date,nation,name} lines; {@code #} starts a comment line; one header line. */
  static Bundled parse(BufferedReader reader) throws IOException {
    Map<Nation, Map<Integer, List<BankHoliday>>> byNation = new EnumMap<>(Nation.class);
    for (Nation n : Nation.values()) {
      byNation.put(n, new LinkedHashMap<>());
    }
    int first = Integer.MAX_VALUE;
    int last = Integer.MIN_VALUE;
    boolean header = true;
    int lineNo = 0;
    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
      lineNo++;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      if (header) {
        header = false;
        continue;
      }
      String[] parts = line.split(",", 3);
      try {
        if (parts.length != 3 || parts[2].isBlank()) {
          throw new IllegalArgumentException("expected date,nation,name");
        }
        LocalDate date = LocalDate.parse(parts[0].trim());
        Nation nation = Nation.valueOf(parts[1].trim());
        byNation
            .get(nation)
            .computeIfAbsent(date.getYear(), y -> new ArrayList<>())
            .add(new BankHoliday(date, nation, parts[2].trim()));
        first = Math.min(first, date.getYear());
        last = Math.max(last, date.getYear());
      } catch (IllegalArgumentException | DateTimeParseException e) {
        throw new ConfigurationException(
            RESOURCE + " line " + lineNo + " is not a bank holiday: " + e.getMessage(), e);
      }
    }
    if (first > last) {
      throw new ConfigurationException(RESOURCE + " lists no bank holidays");
    }
    for (Map<Integer, List<BankHoliday>> years : byNation.values()) {
      for (Map.Entry<Integer, List<BankHoliday>> e : years.entrySet()) {
        List<BankHoliday> sorted = new ArrayList<>(e.getValue());
        sorted.sort(Comparator.comparing(BankHoliday::date));
        e.setValue(List.copyOf(sorted));
      }
    }
    return new Bundled(first, last, byNation);
  }
}
