package org.trackmycrime.portal.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The NCSC's 100,000 most common passwords, loaded once (on first use) and compared in lower case.
 * Not API.
 */
public final class CommonPasswords {
  static final String RESOURCE = "/org/trackmycrime/portal/passwords/ncsc-top-100k.txt";

  private CommonPasswords() {}

  private static final class Holder {
    static final Set<String> WORDS = load();
  }

  public static boolean contains(String password) {
    return Holder.WORDS.contains(password.toLowerCase(Locale.ROOT));
  }

  public static int size() {
    return Holder.WORDS.size();
  }

  private static Set<String> load() {
    Set<String> words = new HashSet<>(150_000);
    try (InputStream in = CommonPasswords.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = reader.readLine()) != null) {
        String word = line.strip();
        if (!word.isEmpty() && word.chars().noneMatch(Character::isISOControl)) {
          words.add(word.toLowerCase(Locale.ROOT));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
    return Set.copyOf(words);
  }
}
