package coop.lattice.joining;

import coop.lattice.InvalidApplicationException;

/**
 * One of the collective's own questions to someone who asks to join, as its agreement sets them
 * ({@code joining-questions}).
 *
 * @param id how an answer names it: 1 to 40 of {@code [a-z0-9-]}, starting with a letter
 * @param text the question as members wrote it, at most 500 characters
 * @param required whether an application must answer it
 */
public record Question(String id, String text, boolean required) {
  /** The longest a question may be. */
  public static final int MAX_TEXT = 500;

  public Question {
    if (!id.matches("[a-z][a-z0-9-]{0,39}")) {
      throw new InvalidApplicationException("A question's id is 1 to 40 lowercase letters, digits or '-', starting with"
          + " a letter, not \"" + id + "\".");
    }
    text = text.strip();
    if (text.isEmpty() || text.length() > MAX_TEXT || text.indexOf('|') >= 0) {
      throw new InvalidApplicationException("Question \"" + id + "\" needs its text: 1 to " + MAX_TEXT + " characters,"
          + " without '|' (which separates questions).");
    }
  }

  /** A question every application must answer. */
  public static Question required(String id, String text) {
    return new Question(id, text, true);
  }

  /** A question an application may leave unanswered. */
  public static Question optional(String id, String text) {
    return new Question(id, text, false);
  }
}
