package org.trackmycrime.core.text.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.trackmycrime.core.text.PersonNames;
import org.trackmycrime.core.text.ReplacementCategory;

/**
 * Finds the names of known suspects and witnesses. Rather than listing every form a name may take,
 * it looks for runs of consecutive words that all belong to one person (a part of their name, an
 * initial, a particle such as "van", a title such as "Mr") and replaces the whole run, so "Jordan
 * Blake", "J. Blake", "Blake, J.", "Mr Blake" and "J.B." each become one replacement.
 */
public final class NameFinder {
  /** Longest run looked at from one word; bounds the work on adversarial text. */
  private static final int MAX_RUN = 12;

  private static final Set<String> TITLES =
      Set.of(
          "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame", "master", "rev", "lord",
          "lady");

  /** Name particles: part of a full name, but never removed on their own. */
  private static final Set<String> PARTICLES =
      Set.of(
          "van", "von", "der", "den", "de", "della", "da", "das", "do", "dos", "du", "la", "le",
          "les", "los", "las", "ter", "ten", "zu", "el", "bin", "bint", "ibn", "ap", "ab", "ferch",
          "verch", "ni", "nic", "st", "al", "del", "di");

  /** Particles that are also given names ("Al Smith", "Di Jones") when they come first. */
  private static final Set<String> PARTICLES_THAT_MAY_BE_GIVEN_NAMES = Set.of("al", "del", "di");

  /** Words a records system puts in a name field that are not names. */
  private static final Set<String> NOT_NAMES =
      Set.of(
          "unknown",
          "male",
          "female",
          "person",
          "suspect",
          "witness",
          "victim",
          "offender",
          "not",
          "known",
          "none",
          "null",
          "nil",
          "aka",
          "nee",
          "the",
          "and",
          "of",
          "an",
          "or",
          "na",
          "nk",
          "tbc",
          "n");

  /** Two- to four-letter words and police abbreviations never taken for someone's initials. */
  private static final Set<String> NOT_INITIALS =
      Set.of(
          "am", "pm", "ok", "no", "us", "it", "uk", "tv", "id", "in", "on", "at", "to", "is", "or",
          "an", "as", "be", "by", "do", "go", "he", "if", "me", "my", "of", "so", "up", "we", "hi",
          "oh", "mp", "gp", "pc", "dc", "ds", "di", "dci", "dcs", "dsu", "cid", "cps", "nhs", "abh",
          "gbh", "rta", "oic", "nfa", "rui", "dob", "ni", "mr", "ms", "dr", "st", "rd", "ave",
          "the", "and", "for", "are", "but", "not", "you", "all", "any", "can", "had", "her", "was",
          "one", "our", "out", "day", "get", "has", "him", "his", "how", "man", "new", "now", "old",
          "see", "two", "way", "who", "did", "its", "let", "put", "say", "she", "too", "use",
          "cctv", "asb", "sms", "ie", "eg", "etc", "aka", "tbc", "asap", "fyi", "bst", "gmt",
          "pcso", "ipcc", "iopc", "rip", "eta", "vat", "sa", "pa");

  /**
   * Abbreviations written with full stops that are not someone's initials ("U.K.", "a.m.", "P.C.").
   * Kept short: "S.O." or "A.N." are a person's initials, not the words "so" and "an".
   */
  private static final Set<String> DOTTED_ABBREVIATIONS =
      Set.of(
          "uk", "us", "eu", "un", "am", "pm", "ie", "eg", "nb", "ps", "pc", "dc", "ds", "di", "tv",
          "ok", "ad", "bc", "cid", "cps", "rsvp", "etc");

  private enum Kind {
    NONE,
    FULL,
    PARTICLE,
    INITIAL,
    TITLE
  }

  private enum Gap {
    INVALID,
    SPACE,
    DOT,
    COMMA,
    HYPHEN,
    APOSTROPHE
  }

  /** One person's name, broken into what the text may contain. */
  private static final class Person {
    final ReplacementCategory category;
    final Set<String> parts = new HashSet<>();
    final Set<String> particles = new HashSet<>();
    final Set<Integer> initials = new HashSet<>();
    final Set<String> acronyms = new HashSet<>();

    Person(ReplacementCategory category) {
      this.category = category;
    }
  }

  /** A run found from one word: the index of its last word, and what kind that word is. */
  private record Run(int last, Kind lastKind) {}

  private final List<Person> people;

  private NameFinder(List<Person> people) {
    this.people = people;
  }

  /** Prepares the names of the given people; null entries and null names are skipped. */
  public static NameFinder of(List<PersonNames> people) {
    List<Person> compiled = new ArrayList<>();
    if (people != null) {
      for (PersonNames p : people) {
        if (p == null) {
          continue;
        }
        Person person =
            new Person(
                p.role() == PersonNames.Role.WITNESS
                    ? ReplacementCategory.WITNESS_NAME
                    : ReplacementCategory.SUSPECT_NAME);
        for (String name : p.names()) {
          addName(person, name);
        }
        if (!person.parts.isEmpty() || !person.initials.isEmpty()) {
          compiled.add(person);
        }
      }
    }
    return new NameFinder(compiled);
  }

  private static void addName(Person person, String name) {
    String ordered = name;
    int comma = name.indexOf(',');
    if (comma >= 0) {
      // "Blake, Jordan": the family name comes first
      ordered = name.substring(comma + 1) + " " + name.substring(0, comma);
    }
    List<Integer> wordInitials = new ArrayList<>();
    List<Integer> literalInitials = new ArrayList<>(); // "Al-Hassan" gives A as well as H
    List<String> wordsFolded = new ArrayList<>();
    int wordIndex = 0;
    for (String word : ordered.split("[\\s.,;/()\\[\\]\"]+")) {
      List<Token> parts = Token.of(word);
      if (parts.isEmpty()) {
        continue;
      }
      Integer wordInitial = null;
      Integer literalInitial = null;
      for (int partIndex = 0; partIndex < parts.size(); partIndex++) {
        Token part = parts.get(partIndex);
        String f = part.folded();
        if (NOT_NAMES.contains(f) || (wordIndex == 0 && TITLES.contains(f))) {
          continue; // "Mr Jordan Blake"; but "Jordan Lord" keeps its family name
        }
        int first = f.codePointAt(0);
        person.initials.add(first);
        literalInitial = literalInitial == null ? first : literalInitial;
        if (part.isSingleLetter()) {
          wordInitial = wordInitial == null ? first : wordInitial;
          continue;
        }
        boolean lowerInSource = !part.capitalised();
        boolean particle =
            PARTICLES.contains(f)
                && (lowerInSource
                    || wordIndex > 0
                    || partIndex > 0
                    || !PARTICLES_THAT_MAY_BE_GIVEN_NAMES.contains(f));
        if (particle) {
          person.particles.add(f);
        } else {
          person.parts.add(f);
          wordInitial = wordInitial == null ? first : wordInitial;
        }
      }
      if (parts.size() > 1) {
        // "O'Neill" may be typed "ONeill", "Smith-Jones" as "SmithJones"
        StringBuilder joined = new StringBuilder();
        parts.forEach(t -> joined.append(t.folded()));
        person.parts.add(joined.toString());
      }
      if (wordInitial != null) {
        wordInitials.add(wordInitial);
        literalInitials.add(literalInitial);
        StringBuilder folded = new StringBuilder();
        parts.forEach(t -> folded.append(t.folded()));
        wordsFolded.add(folded.toString());
      }
      wordIndex++;
    }
    if (wordsFolded.size() >= 2) {
      // run together, as in handles and addresses: "JordanBlake", "blakejordan", "jblake"
      String first = wordsFolded.get(0);
      String last = wordsFolded.get(wordsFolded.size() - 1);
      person.parts.add(String.join("", wordsFolded));
      person.parts.add(first + last);
      person.parts.add(last + first);
      person.parts.add(new StringBuilder().appendCodePoint(first.codePointAt(0)) + last);
    }
    addAcronyms(person, wordInitials);
    addAcronyms(person, literalInitials);
    person.parts.removeAll(person.particles);
  }

  /** All the initials ("JMB") and the first and last ("JB"). */
  private static void addAcronyms(Person person, List<Integer> initials) {
    if (initials.size() >= 2) {
      StringBuilder all = new StringBuilder();
      initials.forEach(all::appendCodePoint);
      person.acronyms.add(all.toString());
      person.acronyms.add(
          new StringBuilder()
              .appendCodePoint(initials.get(0))
              .appendCodePoint(initials.get(initials.size() - 1))
              .toString());
    }
  }

  /** Adds a candidate for every run of words that names one of the people. */
  public void find(String text, List<Token> tokens, List<Candidate> out) {
    if (people.isEmpty()) {
      return;
    }
    int i = 0;
    while (i < tokens.size()) {
      Run best = null;
      Person bestPerson = null;
      for (Person p : people) {
        Run run = run(text, tokens, i, p);
        if (run != null && (best == null || run.last() > best.last())) {
          best = run;
          bestPerson = p;
        }
      }
      if (best == null) {
        i++;
        continue;
      }
      out.add(candidate(text, tokens, i, best, bestPerson));
      i = best.last() + 1;
    }
  }

  private Run run(String text, List<Token> tokens, int from, Person p) {
    Kind[] kinds = new Kind[MAX_RUN];
    Gap[] gaps = new Gap[MAX_RUN];
    int count = 0;
    for (int k = from; k < tokens.size() && count < MAX_RUN; k++) {
      Token t = tokens.get(k);
      Kind kind = classify(text, t, p);
      if (kind == Kind.NONE) {
        break;
      }
      if (count > 0) {
        Kind prev = kinds[count - 1];
        Gap gap = gap(text, tokens.get(k - 1), t);
        if (gap == Gap.INVALID
            || (gap == Gap.DOT && prev != Kind.INITIAL && prev != Kind.TITLE)
            || (gap == Gap.APOSTROPHE && t.folded().equals("s"))
            || (kind == Kind.TITLE && prev != Kind.TITLE)) {
          break;
        }
        gaps[count] = gap;
      }
      kinds[count++] = kind;
    }
    if (spacedInitials(tokens, from, count, kinds, p)) {
      return new Run(from + count - 1, Kind.INITIAL); // "J B" for Jordan Blake
    }
    // a run may not end on a title, a particle, or an initial that is not an initial there
    while (count > 0) {
      Kind last = kinds[count - 1];
      Token lastToken = tokens.get(from + count - 1);
      boolean dottedSeries =
          count > 1 && gaps[count - 1] == Gap.DOT && kinds[count - 2] == Kind.INITIAL;
      if (last == Kind.TITLE
          || last == Kind.PARTICLE
          || (last == Kind.INITIAL && !dottedSeries && !initialMayEnd(text, lastToken))) {
        count--;
      } else {
        break;
      }
    }
    if (count == 0) {
      return null;
    }
    int full = 0;
    int initials = 0;
    int titles = 0;
    boolean initialsUpperAndDotted = true;
    StringBuilder letters = new StringBuilder();
    for (int k = 0; k < count; k++) {
      Token t = tokens.get(from + k);
      switch (kinds[k]) {
        case FULL -> full++;
        case TITLE -> titles++;
        case INITIAL -> {
          initials++;
          letters.append(t.folded());
          boolean dotted =
              Chars.at(text, t.end()) == '.'
                  || (k == count - 1 && gaps[k] == Gap.DOT && kinds[k - 1] == Kind.INITIAL);
          initialsUpperAndDotted &= t.capitalised() && dotted;
        }
        default -> {}
      }
    }
    boolean valid =
        full > 0
            || (titles > 0 && initials > 0)
            || (initials >= 2
                && initialsUpperAndDotted
                && !DOTTED_ABBREVIATIONS.contains(letters.toString()));
    return valid ? new Run(from + count - 1, kinds[count - 1]) : null;
  }

  /** Capital initials that spell exactly the person's initials, such as "J B". */
  private static boolean spacedInitials(
      List<Token> tokens, int from, int count, Kind[] kinds, Person p) {
    if (count < 2) {
      return false;
    }
    StringBuilder letters = new StringBuilder();
    for (int k = 0; k < count; k++) {
      Token t = tokens.get(from + k);
      if (kinds[k] != Kind.INITIAL || !t.capitalised()) {
        return false;
      }
      letters.append(t.folded());
    }
    String joined = letters.toString();
    return p.acronyms.contains(joined) && !DOTTED_ABBREVIATIONS.contains(joined);
  }

  private static boolean initialMayEnd(String text, Token t) {
    if (t.end() >= text.length()) {
      return true;
    }
    char next = text.charAt(t.end());
    return next == '.' || next == ',' || next == ';' || next == ':' || next == ')' || next == ']';
  }

  private static Kind classify(String text, Token t, Person p) {
    String f = t.folded();
    if (p.parts.contains(f)) {
      return Kind.FULL;
    }
    if (f.length() >= 4 && f.endsWith("s") && p.parts.contains(f.substring(0, f.length() - 1))) {
      return Kind.FULL; // "the Blakes"
    }
    if (t.allUpper()
        && f.length() <= 4
        && p.acronyms.contains(f)
        && !NOT_INITIALS.contains(f.toLowerCase(Locale.ROOT))) {
      return Kind.FULL; // "JB"
    }
    if (p.particles.contains(f)) {
      return Kind.PARTICLE;
    }
    if (t.isSingleLetter() && p.initials.contains(f.codePointAt(0))) {
      char next = Chars.at(text, t.end());
      if (t.capitalised()
          || next == '.'
          || (Chars.isApostrophe(next) && Chars.isLetterAt(text, t.end() + 1))) {
        return Kind.INITIAL;
      }
    }
    if (TITLES.contains(f)) {
      return Kind.TITLE;
    }
    return Kind.NONE;
  }

  private static Gap gap(String text, Token a, Token b) {
    int length = b.start() - a.end();
    if (length <= 0 || length > 3) {
      return Gap.INVALID;
    }
    Gap gap = Gap.SPACE;
    for (int i = a.end(); i < b.start(); i++) {
      char c = text.charAt(i);
      if (Chars.isSpace(c)) {
        continue;
      }
      if (gap != Gap.SPACE) {
        return Gap.INVALID; // at most one punctuation mark between two words of a name
      }
      if (c == '.') {
        gap = Gap.DOT;
      } else if (c == ',') {
        gap = Gap.COMMA;
      } else if (Chars.isHyphen(c)) {
        gap = Gap.HYPHEN;
      } else if (Chars.isApostrophe(c)) {
        gap = Gap.APOSTROPHE;
      } else {
        return Gap.INVALID;
      }
    }
    return gap == Gap.APOSTROPHE && length != 1 ? Gap.INVALID : gap;
  }

  private static Candidate candidate(
      String text, List<Token> tokens, int from, Run run, Person person) {
    Token lastToken = tokens.get(run.last());
    int start = tokens.get(from).start();
    int end = lastToken.end();
    if (run.lastKind() == Kind.INITIAL && Chars.at(text, end) == '.' && sentenceGoesOn(text, end)) {
      end++; // "J.B. said" becomes "the suspect said"; "… Blake, J. Then" keeps its full stop
    }
    String possessive = null;
    char next = Chars.at(text, end);
    if (Chars.isApostrophe(next)) {
      char after = Chars.at(text, end + 1);
      if ((after == 's' || after == 'S') && !Chars.isLetterOrDigitAt(text, end + 2)) {
        possessive = next + "s";
        end += 2;
      } else if (lastToken.folded().endsWith("s")
          && end + 1 < text.length()
          && Chars.isSpace(after)) {
        possessive = next + "s"; // "Jones' car"
        end += 1;
      }
    }
    return new Candidate(start, end, person.category, possessive);
  }

  /** After a full stop at index dot: does the same sentence continue (lower case, digit…)? */
  private static boolean sentenceGoesOn(String text, int dot) {
    int i = dot + 1;
    while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
      i++;
    }
    if (i >= text.length()) {
      return false;
    }
    char c = text.charAt(i);
    return Character.isLowerCase(c) || Character.isDigit(c) || c == ',' || c == ';' || c == ')';
  }
}
