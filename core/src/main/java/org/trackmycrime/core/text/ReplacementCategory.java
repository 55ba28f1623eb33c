package org.trackmycrime.core.text;

/** What kind of personal detail a {@link Replacement} stands for, and the neutral words used. */
public enum ReplacementCategory {
  /** A name given for a suspect; replaced by "the suspect". */
  SUSPECT_NAME("the suspect"),
  /** A name given for a witness; replaced by "a witness". */
  WITNESS_NAME("a witness"),
  PHONE("[phone number]"),
  EMAIL("[email address]"),
  POSTCODE("[postcode]"),
  VEHICLE_REGISTRATION("[vehicle registration]"),
  DATE_OF_BIRTH("[date of birth]"),
  NI_NUMBER("[National Insurance number]");

  private final String replacementText;

  ReplacementCategory(String replacementText) {
    this.replacementText = replacementText;
  }

  /**
   * The words that replace a detail of this kind. Names may appear capitalised at the start of a
   * sentence ("The suspect"), with a possessive ("the suspect's"), or without their article after
   * "the" ("the suspect family" rather than "the the suspect family").
   */
  public String replacementText() {
    return replacementText;
  }

  /** True for {@link #SUSPECT_NAME} and {@link #WITNESS_NAME}. */
  public boolean isName() {
    return this == SUSPECT_NAME || this == WITNESS_NAME;
  }
}
