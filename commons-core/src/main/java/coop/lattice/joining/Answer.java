package coop.lattice.joining;

import coop.lattice.InvalidApplicationException;

/**
 * An applicant's answer to one of the collective's questions.
 *
 * @param question the {@linkplain Question#id() id} of the question it answers
 * @param text the answer, at most {@value #MAX_TEXT} characters
 */
public record Answer(String question, String text) {
  /** The longest an answer may be. */
  public static final int MAX_TEXT = 2000;

  public Answer {
    if (text.length() > MAX_TEXT) {
      throw new InvalidApplicationException("The answer to \"" + question + "\" is " + text.length() + " characters"
          + " long; an answer is at most " + MAX_TEXT + ". Shorten it.");
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 && c != '\n' && c != '\t') {
        throw new InvalidApplicationException("The answer to \"" + question + "\" holds control characters; write it"
            + " as plain text.");
      }
    }
  }
}
