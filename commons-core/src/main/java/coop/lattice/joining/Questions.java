package coop.lattice.joining;

import coop.lattice.InvalidApplicationException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The collective's questions as an agreement writes them, and the check of an application's
 * answers against them.
 *
 * <p>Written form ({@code joining-questions}): questions separated by {@code |}, each {@code id:
 * text}; an id followed by {@code (optional)} marks a question an application may leave out:
 *
 * <pre>{@code
 * why: Why would you like to join? | skills (optional): What would you like to share or learn?
 * }</pre>
 */
public final class Questions {
  private static final String OPTIONAL = "(optional)";

  private Questions() {}

  /**
   * The questions {@code written} sets, in order; none for blank text.
   *
   * @throws InvalidApplicationException naming the question that does not read, or an id used twice
   */
  public static List<Question> parse(String written) {
    List<Question> out = new ArrayList<>();
    if (written.isBlank()) {
      return out;
    }
    Set<String> ids = new HashSet<>();
    for (String part : written.split("\\|", -1)) {
      int colon = part.indexOf(':');
      if (colon < 0) {
        throw new InvalidApplicationException("\"" + part.strip() + "\" is not a question as an agreement writes one:"
            + " write \"id: the question\", and separate questions with '|'.");
      }
      String id = part.substring(0, colon).strip();
      boolean optional = id.endsWith(OPTIONAL);
      if (optional) {
        id = id.substring(0, id.length() - OPTIONAL.length()).strip();
      }
      Question q = new Question(id, part.substring(colon + 1), !optional);
      if (!ids.add(q.id())) {
        throw new InvalidApplicationException("Question \"" + q.id() + "\" is asked twice; give each question its own"
            + " id.");
      }
      out.add(q);
    }
    return List.copyOf(out);
  }

  /** {@code questions} as an agreement writes them: {@link #parse} reads it back. */
  public static String format(List<Question> questions) {
    return questions.stream().map(q -> q.id() + (q.required() ? "" : " " + OPTIONAL) + ": " + q.text())
        .collect(Collectors.joining(" | "));
  }

  /**
   * {@code answers} checked against {@code questions}, as one answer per question asked, in the
   * questions' order, blank answers to optional questions left out.
   *
   * @throws InvalidApplicationException for a required question left unanswered (or answered with
   *     blank text), an answer to a question not asked, or a question answered twice
   */
  public static List<Answer> check(List<Question> questions, List<Answer> answers) {
    Map<String, Answer> byQuestion = new LinkedHashMap<>();
    Set<String> asked = questions.stream().map(Question::id).collect(Collectors.toSet());
    for (Answer a : answers) {
      if (!asked.contains(a.question())) {
        throw new InvalidApplicationException("The collective does not ask \"" + a.question() + "\"; it asks "
            + (asked.isEmpty() ? "nothing" : questions.stream().map(Question::id).collect(Collectors.joining(", ")))
            + ". Answer those.");
      }
      if (byQuestion.put(a.question(), a) != null) {
        throw new InvalidApplicationException("\"" + a.question() + "\" is answered twice; give one answer to each"
            + " question.");
      }
    }
    List<Answer> out = new ArrayList<>();
    for (Question q : questions) {
      Answer a = byQuestion.get(q.id());
      boolean blank = a == null || a.text().isBlank();
      if (blank && q.required()) {
        throw new InvalidApplicationException("The application leaves \"" + q.id() + "\" unanswered (" + q.text()
            + "); the collective asks everyone who joins to answer it.");
      }
      if (!blank) {
        out.add(a);
      }
    }
    return List.copyOf(out);
  }
}
