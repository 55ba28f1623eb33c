package org.trackmycrime.core.text.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.trackmycrime.core.text.ReplacementCategory;

/**
 * Finds dates of birth. A full date (day, month and year, in figures or words, English or Welsh
 * month names) is one when a cue such as "DOB", "date of birth" or "born" comes just before it, or
 * when its year is between 1900 and ten years ago, the years in which a person involved may have
 * been born. After a cue a part of a date counts too ("born in 1985", "DOB 04/1985", "birthday 16
 * April"). Recent dates, such as a court hearing, are kept.
 */
public final class DateOfBirthFinder {
  private static final String MONTH =
      "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
          + "|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
          + "|ionawr|chwefror|mawrth|ebrill|mai|mehefin|gorffennaf|awst|medi|hydref|tachwedd"
          + "|rhagfyr)(?![a-z])(?:\\.(?=[ \\u00a0,\\-]{0,2}[0-9]))?"; // "Apr. 1985", not a full
  // stop
  private static final String WEEKDAY =
      "(?:(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thu(?:rs?)?"
          + "|fri|sat|sun|dydd (?:llun|mawrth|mercher|iau|gwener|sadwrn|sul))\\.?,?[ \\u00a0]{1,2})?";
  private static final String SP = "[ \\u00a0]{1,2}";
  private static final String DAY = "([0-3]?[0-9])(?:st|nd|rd|th)?";
  private static final String NOT_AFTER_WORD = "(?<![0-9A-Za-z])";
  private static final String NOT_AFTER_NUMBER = "(?<![0-9A-Za-z/.\\-])";
  private static final String NOT_BEFORE_NUMBER = "(?![0-9]|[/.\\-][0-9])";
  private static final int FLAGS = Pattern.CASE_INSENSITIVE;

  // full dates: group 1 day, 2 month, 3 year, unless noted
  private static final Pattern DAY_MONTH_YEAR =
      Pattern.compile(
          NOT_AFTER_WORD
              + WEEKDAY
              + DAY
              + "(?:"
              + SP
              + "|-)(?:of"
              + SP
              + ")?"
              + MONTH
              + ",?(?:"
              + SP
              + "|-)('?[0-9]{2}(?:[0-9]{2})?)(?![0-9A-Za-z:])",
          FLAGS);
  private static final Pattern MONTH_DAY_YEAR =
      Pattern.compile(
          NOT_AFTER_WORD + WEEKDAY + MONTH + SP + DAY + ",?" + SP + "([0-9]{4})(?![0-9])", FLAGS);
  private static final Pattern NUMERIC =
      Pattern.compile(
          NOT_AFTER_NUMBER
              + "([0-3]?[0-9])([/.\\-])([01]?[0-9])\\2([0-9]{4}|[0-9]{2})"
              + NOT_BEFORE_NUMBER);
  private static final Pattern ISO =
      Pattern.compile(
          NOT_AFTER_NUMBER
              + "((?:19|20)[0-9]{2})([/.\\-])([01]?[0-9])\\2([0-3]?[0-9])"
              + NOT_BEFORE_NUMBER);

  // parts of a date, taken only after a cue
  private static final List<Pattern> PARTS =
      List.of(
          Pattern.compile(NOT_AFTER_WORD + MONTH + ",?" + SP + "(?:19|20)[0-9]{2}(?![0-9])", FLAGS),
          Pattern.compile(
              NOT_AFTER_NUMBER + "[01]?[0-9][/.\\-](?:19|20)[0-9]{2}" + NOT_BEFORE_NUMBER),
          Pattern.compile(NOT_AFTER_WORD + WEEKDAY + DAY + SP + "(?:of" + SP + ")?" + MONTH, FLAGS),
          Pattern.compile(NOT_AFTER_WORD + MONTH + SP + DAY + "(?![0-9A-Za-z])", FLAGS),
          Pattern.compile(NOT_AFTER_NUMBER + "[0-3]?[0-9][/.\\-][01]?[0-9]" + NOT_BEFORE_NUMBER),
          Pattern.compile(NOT_AFTER_WORD + "(?:19|20)[0-9]{2}(?![0-9])"));

  /** A cue, then only filler ("DOB:", "born on the", "date of birth is") up to the date. */
  private static final Pattern CUE =
      Pattern.compile(
          "(?:\\bd\\.? ?o\\.? ?b\\b\\.?|\\bdate of birth|\\bbirth ?date|\\bborn|\\bbirthday"
              + "|\\bdyddiad geni|\\bganwyd|\\bgeni)"
              + "(?:[\\s:=(\\-\\u2013,.]|\\b(?:is|was|on|in|of|the|yw|oedd|ar|ei|eu)\\b){0,12}$",
          FLAGS);

  private static final int CUE_WINDOW = 40;

  private final int currentYear;
  private final int latestBirthYear;

  /**
   * @param currentYear this year, in the UK
   */
  public DateOfBirthFinder(int currentYear) {
    this.currentYear = currentYear;
    this.latestBirthYear = currentYear - 10;
  }

  public void find(String text, List<Candidate> out) {
    List<int[]> fullDates = new ArrayList<>();
    Matcher m = DAY_MONTH_YEAR.matcher(text);
    while (m.find()) {
      String yearText = m.group(3);
      boolean bareTwoDigits = yearText.length() == 2;
      // "16 April 12 people": two bare digits are a year only after a cue
      consider(
          text,
          m.start(),
          m.end(),
          day(m.group(1)),
          month(m.group(2)),
          year(yearText),
          bareTwoDigits,
          fullDates,
          out);
    }
    m = MONTH_DAY_YEAR.matcher(text);
    while (m.find()) {
      consider(
          text,
          m.start(),
          m.end(),
          day(m.group(2)),
          month(m.group(1)),
          year(m.group(3)),
          false,
          fullDates,
          out);
    }
    m = NUMERIC.matcher(text);
    while (m.find()) {
      int day = day(m.group(1));
      int month = day(m.group(3));
      if (month > 12 && day <= 12) { // written month first
        int swap = day;
        day = month;
        month = swap;
      }
      consider(text, m.start(), m.end(), day, month, year(m.group(4)), false, fullDates, out);
    }
    m = ISO.matcher(text);
    while (m.find()) {
      consider(
          text,
          m.start(),
          m.end(),
          day(m.group(4)),
          day(m.group(3)),
          year(m.group(1)),
          false,
          fullDates,
          out);
    }
    for (Pattern part : PARTS) {
      m = part.matcher(text);
      while (m.find()) {
        if (!insideAny(fullDates, m.start(), m.end()) && cued(text, m.start())) {
          out.add(new Candidate(m.start(), m.end(), ReplacementCategory.DATE_OF_BIRTH));
        }
      }
    }
  }

  private void consider(
      String text,
      int start,
      int end,
      int day,
      int month,
      int year,
      boolean onlyAfterCue,
      List<int[]> fullDates,
      List<Candidate> out) {
    if (day < 1 || day > 31 || month < 1 || month > 12) {
      return;
    }
    fullDates.add(new int[] {start, end});
    boolean plausibleBirth = !onlyAfterCue && year >= 1900 && year <= latestBirthYear;
    if (plausibleBirth || cued(text, start)) {
      out.add(new Candidate(start, end, ReplacementCategory.DATE_OF_BIRTH));
    }
  }

  private static boolean insideAny(List<int[]> spans, int start, int end) {
    for (int[] s : spans) {
      if (start >= s[0] && end <= s[1]) {
        return true;
      }
    }
    return false;
  }

  private static boolean cued(String text, int at) {
    String before = text.substring(Math.max(0, at - CUE_WINDOW), at);
    return CUE.matcher(before).find();
  }

  private static int day(String digits) {
    return Integer.parseInt(digits);
  }

  private static int month(String name) {
    String m = name.toLowerCase(Locale.ROOT).replace(".", "");
    String[][] names = {
      {"jan", "ionawr"},
      {"feb", "chwefror"},
      {"mar", "mawrth"},
      {"apr", "ebrill"},
      {"may", "mai"},
      {"jun", "mehefin"},
      {"jul", "gorffennaf"},
      {"aug", "awst"},
      {"sep", "medi"},
      {"oct", "hydref"},
      {"nov", "tachwedd"},
      {"dec", "rhagfyr"}
    };
    for (int i = 0; i < names.length; i++) {
      if (m.startsWith(names[i][0]) || m.equals(names[i][1])) {
        return i + 1;
      }
    }
    return 0;
  }

  /** Four digits as they are; two digits (or '85) in the most recent century that fits. */
  private int year(String text) {
    String digits = text.replace("'", "");
    int y = Integer.parseInt(digits);
    if (digits.length() == 2) {
      y += y <= currentYear % 100 ? (currentYear / 100) * 100 : (currentYear / 100 - 1) * 100;
    }
    return y;
  }
}
