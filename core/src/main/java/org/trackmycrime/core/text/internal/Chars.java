package org.trackmycrime.core.text.internal;

import java.text.Normalizer;

/** Character classes and folding shared by the finders, kept in one place so they agree. */
public final class Chars {
  private Chars() {}

  public static boolean isAsciiDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** Straight and curly apostrophes, and the modifier letter officers' keyboards sometimes give. */
  public static boolean isApostrophe(char c) {
    return c == '\'' || c == '\u2019' || c == '\u2018' || c == '\u02bc' || c == '`';
  }

  public static boolean isHyphen(char c) {
    return c == '-' || c == '\u2010' || c == '\u2011' || c == '\u2012' || c == '\u2013';
  }

  /** Horizontal or vertical white space, including the no-break and thin spaces. */
  public static boolean isSpace(char c) {
    return c == ' '
        || c == '\t'
        || c == '\n'
        || c == '\r'
        || c == '\u00a0'
        || c == '\u2009'
        || c == '\u202f';
  }

  /** Letters of any script; combining marks and invisible format characters count inside words. */
  public static boolean isWordPart(int cp) {
    return Character.isLetter(cp) || isMark(cp) || Character.getType(cp) == Character.FORMAT;
  }

  public static boolean isMark(int cp) {
    int type = Character.getType(cp);
    return type == Character.NON_SPACING_MARK
        || type == Character.COMBINING_SPACING_MARK
        || type == Character.ENCLOSING_MARK;
  }

  public static boolean isLetterAt(String text, int index) {
    return index >= 0 && index < text.length() && Character.isLetter(text.codePointAt(index));
  }

  public static boolean isLetterOrDigitAt(String text, int index) {
    return index >= 0 && index < text.length() && Character.isLetterOrDigit(text.charAt(index));
  }

  /** The character at index, or 0 outside the text. */
  public static char at(String text, int index) {
    return index >= 0 && index < text.length() ? text.charAt(index) : 0;
  }

  /**
   * Lower case without accents or invisible characters, so that "Seán", "SEAN" and "Sean" compare
   * equal. Letters that do not decompose (ø, ł, ß, æ…) are spelled out the way English does.
   */
  public static String fold(CharSequence s) {
    String decomposed = Normalizer.normalize(s, Normalizer.Form.NFD);
    StringBuilder b = new StringBuilder(decomposed.length());
    for (int i = 0; i < decomposed.length(); ) {
      int cp = decomposed.codePointAt(i);
      i += Character.charCount(cp);
      if (isMark(cp) || Character.getType(cp) == Character.FORMAT) {
        continue;
      }
      int lower = Character.toLowerCase(cp);
      switch (lower) {
        case 'ø' -> b.append('o');
        case 'ł' -> b.append('l');
        case 'đ', 'ð' -> b.append('d');
        case 'ß' -> b.append("ss");
        case 'æ' -> b.append("ae");
        case 'œ' -> b.append("oe");
        case 'þ' -> b.append("th");
        case 'ı' -> b.append('i');
        default -> b.appendCodePoint(lower);
      }
    }
    return b.toString();
  }
}
