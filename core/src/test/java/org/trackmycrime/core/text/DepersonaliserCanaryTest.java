package org.trackmycrime.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Plants many names, in every form officers and records systems write them, in many texts, and
 * checks that not one survives. Written independently of the implementation: a name "survives" if
 * any of its words appears as a whole word, in any case and with or without accents.
 */
class DepersonaliserCanaryTest {
  private static final Depersonaliser DEPERSONALISER =
      Depersonaliser.create(Clock.fixed(Instant.parse("2026-04-10T10:00:00Z"), ZoneOffset.UTC));

  /** Given names, then family name; particles are written in lower case. */
  private static final String[][] NAMES = {
    {"Jordan", "Blake"},
    {"Siobhan", "O'Neill"},
    {"Zoë", "Smith-Jones"},
    {"José", "Álvarez"},
    {"Mary-Ann", "de Souza"},
    {"Dafydd", "ap Gwilym"},
    {"Chukwuemeka", "Okafor"},
    {"Aleksandra", "Nowak"},
    {"Muhammad", "Al-Hassan"},
    {"Łukasz", "Wiśniewski"},
    {"Niamh", "McCarthy"},
    {"Bartholomew", "Featherstonehaugh"},
    {"Seán", "Ó Briain"},
    {"Priya", "Ramakrishnan"},
    {"Kwame", "Mensah"},
    {"Ffion", "Llewellyn"},
    {"Hannah", "D'Arcy"},
    {"Oluwaseun", "Adeyemi"},
    {"Thi Mai", "Nguyen"},
    {"Gwenllian", "Pritchard"}
  };

  private static final Set<String> PARTICLES = Set.of("de", "ap", "al", "o");

  private static final String[] TEMPLATES = {
    "We arrested %s this morning.",
    "%s was interviewed under caution.",
    "The car belongs to %s and was seized.",
    "A statement was taken from %s on Tuesday.",
    "I have spoken to %s.",
    "Bail conditions: not to contact %s.",
    "(%s) declined to comment.",
    "Officers saw %s, who ran off.",
    "\"%s\" said nothing.",
    "Update: %s - no reply.",
    "%s\nwas seen on CCTV."
  };

  @Test
  void noPlantedNameEverSurvives() {
    Random random = new Random(28L);
    List<String> failures = new ArrayList<>();
    int planted = 0;
    for (int round = 0; round < 40; round++) {
      List<PersonNames> people = new ArrayList<>();
      List<String[]> chosen = new ArrayList<>();
      for (int p = 0; p < 4; p++) {
        String[] name = NAMES[random.nextInt(NAMES.length)];
        chosen.add(name);
        String full = name[0] + " " + name[1];
        String initialForm = name[0].charAt(0) + ". " + name[1];
        people.add(
            random.nextBoolean()
                ? PersonNames.suspect(full, initialForm)
                : PersonNames.witness(full, name[1] + ", " + name[0]));
      }
      for (String[] name : chosen) {
        for (String form : forms(name)) {
          String template = TEMPLATES[random.nextInt(TEMPLATES.length)];
          String text =
              "Filler before. "
                  + String.format(template, form)
                  + " Filler after, with 16/04/2026 and Blakeney Road.";
          planted++;
          String out = DEPERSONALISER.depersonalise(text, people).text();
          for (String word : words(name)) {
            if (containsWord(out, word)) {
              failures.add(word + " survived in: " + out + "   (from: " + text + ")");
            }
          }
          for (String separator : List.of(".", ". ", " ")) {
            String planted2 = initials(name, separator).strip();
            if (planted2.length() >= 3 && containsWord(out, fold(planted2))) {
              failures.add(planted2 + " survived in: " + out);
            }
          }
        }
      }
    }
    assertThat(planted).isGreaterThan(1000);
    assertThat(failures).as("names that survived").isEmpty();
  }

  @Test
  void namesSurviveNeitherInOneLongUpdate() {
    List<PersonNames> people = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    for (String[] name : NAMES) {
      people.add(PersonNames.suspect(name[0] + " " + name[1]));
      for (String form : forms(name)) {
        text.append(form).append(" was mentioned. ");
      }
    }
    String out = DEPERSONALISER.depersonalise(text.toString(), people).text();
    for (String[] name : NAMES) {
      for (String word : words(name)) {
        assertThat(containsWord(out, word)).as("%s survived", word).isFalse();
      }
    }
  }

  /** The ways one person's name is written. */
  private static List<String> forms(String[] name) {
    String given = name[0];
    String family = name[1];
    String firstGiven = given.split("[ -]")[0];
    String initial = firstGiven.substring(0, 1);
    String bareFamily = family.contains(" ") ? family.substring(family.indexOf(' ') + 1) : family;
    return List.of(
        given + " " + family,
        family,
        bareFamily,
        given,
        firstGiven,
        initial + " " + family,
        initial + ". " + family,
        initial + "." + family,
        family + ", " + given,
        family + ", " + initial + ".",
        "Mr " + family,
        "Ms. " + family,
        family + "'s",
        family + "’s",
        (given + " " + family).toUpperCase(Locale.ROOT),
        (given + " " + family).toLowerCase(Locale.ROOT),
        family.toUpperCase(Locale.ROOT) + ", " + given.toUpperCase(Locale.ROOT),
        stripAccents(given + " " + family),
        initials(name, "."),
        initials(name, ". ").strip(),
        initials(name, ""),
        initials(name, " ").strip(),
        "Mr " + initial + " " + family,
        family + "s' house",
        given + "  " + family,
        given + "\u00a0" + family,
        given + "\n" + family);
  }

  /** Every word of a name that must not survive: two letters or more, not a particle. */
  private static List<String> words(String[] name) {
    List<String> words = new ArrayList<>();
    for (String w : (name[0] + " " + name[1]).split("[\\s'’\\-]+")) {
      String f = fold(w);
      if (f.length() >= 2 && !PARTICLES.contains(f)) {
        words.add(f);
      }
    }
    return words;
  }

  private static String initials(String[] name, String separator) {
    StringBuilder b = new StringBuilder();
    for (String w : (name[0] + " " + name[1]).split(" ")) {
      if (!PARTICLES.contains(fold(w))) {
        b.append(Character.toUpperCase(w.charAt(0))).append(separator);
      }
    }
    return b.toString();
  }

  private static boolean containsWord(String text, String foldedWord) {
    return Pattern.compile("(?<![\\p{L}])" + Pattern.quote(foldedWord) + "(?![\\p{L}])")
        .matcher(fold(text))
        .find();
  }

  private static String stripAccents(String s) {
    return Normalizer.normalize(s, Normalizer.Form.NFD)
        .replaceAll("\\p{M}", "")
        .replace('Ł', 'L')
        .replace('ł', 'l');
  }

  private static String fold(String s) {
    return stripAccents(s).toLowerCase(Locale.ROOT);
  }
}
