package org.trackmycrime.core.text;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trackmycrime.core.text.internal.Candidate;
import org.trackmycrime.core.text.internal.DateOfBirthFinder;
import org.trackmycrime.core.text.internal.EmailFinder;
import org.trackmycrime.core.text.internal.NameFinder;
import org.trackmycrime.core.text.internal.NiNumberFinder;
import org.trackmycrime.core.text.internal.PhoneFinder;
import org.trackmycrime.core.text.internal.PostcodeFinder;
import org.trackmycrime.core.text.internal.Redactor;
import org.trackmycrime.core.text.internal.Token;
import org.trackmycrime.core.text.internal.VehicleRegistrationFinder;

/**
 * Removes personal details from free text before a victim can read it: officer updates, bail
 * conditions, reasons, charge wording, property descriptions. Immutable and thread-safe; one
 * instance serves every thread.
 *
 * <p>What is replaced, erring on the side of removing:
 *
 * <ul>
 *   <li>the names of the given suspects ("the suspect") and witnesses ("a witness"): the full name,
 *       any one part of it, initials ("J Blake", "J. Blake", "J.B.", "JB"), "Blake, Jordan", a
 *       title with the name ("Mr Blake"), possessives ("Blake's"), in any case and with or without
 *       accents; only whole words, so "Blakeney" stays;
 *   <li>phone numbers, UK and international, however spaced or bracketed, and other runs of ten to
 *       thirteen digits;
 *   <li>email addresses, UK postcodes, vehicle registrations, National Insurance numbers;
 *   <li>dates of birth: a date after "DOB", "date of birth", "born"…, and any full date whose year
 *       is between 1900 and ten years before the current year. More recent dates, such as a
 *       hearing, are kept.
 * </ul>
 *
 * <p>The work is linear in the length of the text. The input is never logged, and this method never
 * throws: if something unexpected goes wrong inside, the whole text is withheld rather than shown
 * unchecked (see {@link #WITHHELD}).
 */
public final class Depersonaliser {
  /** What a victim sees in the rare case that the text could not be checked. */
  public static final String WITHHELD = "[text withheld]";

  private static final ZoneId UK = ZoneId.of("Europe/London");
  private static final Logger LOG = LoggerFactory.getLogger(Depersonaliser.class);

  private final Clock clock;

  private Depersonaliser(Clock clock) {
    this.clock = clock;
  }

  /** A depersonaliser that takes the current year from the system clock. */
  public static Depersonaliser create() {
    return new Depersonaliser(Clock.systemUTC());
  }

  /**
   * A depersonaliser that takes the current year (which decides which dates are plausible dates of
   * birth) from the given clock, in UK time.
   */
  public static Depersonaliser create(Clock clock) {
    return new Depersonaliser(Objects.requireNonNull(clock, "clock"));
  }

  /** The same as {@link #depersonalise(String, List)} with no known names. */
  public Depersonalised depersonalise(String text) {
    return depersonalise(text, List.of());
  }

  /**
   * Replaces the personal details in {@code text}.
   *
   * @param text any text; null or empty gives an empty result
   * @param people the suspects and witnesses whose names must go; null, or null entries, are
   *     treated as nobody
   * @return the text a victim may read, with where each replacement is
   */
  public Depersonalised depersonalise(String text, List<PersonNames> people) {
    if (text == null || text.isEmpty()) {
      return Depersonalised.empty();
    }
    try {
      int year = LocalDate.ofInstant(clock.instant(), UK).getYear();
      List<Candidate> candidates = new ArrayList<>();
      NameFinder.of(people).find(text, Token.of(text), candidates);
      EmailFinder.find(text, candidates);
      PhoneFinder.find(text, candidates);
      PostcodeFinder.find(text, candidates);
      VehicleRegistrationFinder.find(text, candidates);
      NiNumberFinder.find(text, candidates);
      new DateOfBirthFinder(year).find(text, candidates);
      return Redactor.apply(text, candidates);
    } catch (RuntimeException | StackOverflowError e) {
      // the text and the exception's message may carry personal details: log neither
      StackTraceElement[] trace = e.getStackTrace();
      LOG.error(
          "Depersonalisation failed with {} at {}; the text was withheld",
          e.getClass().getName(),
          trace.length > 0 ? trace[0] : "unknown");
      return new Depersonalised(WITHHELD, List.of());
    }
  }
}
