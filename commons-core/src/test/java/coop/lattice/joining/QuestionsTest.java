package coop.lattice.joining;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import coop.lattice.InvalidApplicationException;
import coop.lattice.InvalidAgreementException;
import coop.lattice.agreement.Parameter;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Group;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The collective's questions as an agreement writes them, and an application's answers checked against them. */
class QuestionsTest {
  static final List<Question> ASKED = List.of(Question.required("why", "Why would you like to join?"),
      Question.optional("skills", "What would you like to share?"));

  @Group
  class Written {
    @Example
    void anAgreementWritesQuestionsWithIdsAndMarksTheOptionalOnes() {
      assertThat(Questions.parse("why: Why would you like to join? | skills (optional): What would you like to share?"))
          .isEqualTo(ASKED);
      assertThat(Questions.parse("  ")).isEmpty();
      assertThat(Parameter.JOINING_QUESTIONS.parse(Questions.format(ASKED))).isEqualTo(ASKED);
    }

    @Example
    void questionsThatDoNotReadAreRefusedSayingWhatToWrite() {
      assertThatThrownBy(() -> Questions.parse("Why would you like to join?"))
          .isInstanceOf(InvalidApplicationException.class).hasMessageContaining("write \"id: the question\"");
      assertThatThrownBy(() -> Questions.parse("why: One? | why: Two?"))
          .isInstanceOf(InvalidApplicationException.class).hasMessageContaining("\"why\" is asked twice");
      assertThatThrownBy(() -> Questions.parse("Why: One?")).isInstanceOf(InvalidApplicationException.class)
          .hasMessageContaining("1 to 40 lowercase letters");
      assertThatThrownBy(() -> Questions.parse("why:  ")).isInstanceOf(InvalidApplicationException.class)
          .hasMessageContaining("Question \"why\" needs its text");
      assertThatThrownBy(() -> Parameter.JOINING_QUESTIONS.parse("why"))
          .isInstanceOf(InvalidAgreementException.class).hasMessageContaining("expected questions written");
    }

    @Property(tries = 200)
    void whatFormatWritesParseReadsBack(@ForAll("questions") List<Question> questions) {
      assertThat(Questions.parse(Questions.format(questions))).isEqualTo(questions);
    }

    @Provide
    Arbitrary<List<Question>> questions() {
      Arbitrary<Question> q = Combinators.combine(Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1)
              .ofMaxLength(12), Arbitraries.strings().withChars("abc xyz?,.:;'()").ofMinLength(1).ofMaxLength(60)
              .filter(t -> !t.isBlank()), Arbitraries.of(true, false))
          .as((id, text, required) -> new Question(id, text, required));
      return q.list().ofMaxSize(6).uniqueElements(Question::id);
    }
  }

  @Group
  class Answered {
    @Example
    void answersComeBackInTheQuestionsOrderWithBlankOptionalOnesLeftOut() {
      Answer why = new Answer("why", "I cook already.");
      assertThat(Questions.check(ASKED, List.of(new Answer("skills", " "), why))).containsExactly(why);
      Answer skills = new Answer("skills", "Bread.");
      assertThat(Questions.check(ASKED, List.of(skills, why))).containsExactly(why, skills);
    }

    @Example
    void aMissingRequiredAnswerAnUnknownQuestionOrASecondAnswerIsRefused() {
      assertThatThrownBy(() -> Questions.check(ASKED, List.of(new Answer("skills", "Bread."))))
          .isInstanceOf(InvalidApplicationException.class)
          .hasMessageContaining("leaves \"why\" unanswered (Why would you like to join?)");
      assertThatThrownBy(() -> Questions.check(ASKED, List.of(new Answer("why", "x"), new Answer("age", "41"))))
          .isInstanceOf(InvalidApplicationException.class).hasMessageContaining("does not ask \"age\"; it asks why, skills");
      assertThatThrownBy(() -> Questions.check(ASKED, List.of(new Answer("why", "x"), new Answer("why", "y"))))
          .isInstanceOf(InvalidApplicationException.class).hasMessageContaining("\"why\" is answered twice");
      assertThatThrownBy(() -> new Answer("why", "x".repeat(Answer.MAX_TEXT + 1)))
          .isInstanceOf(InvalidApplicationException.class).hasMessageContaining("an answer is at most 2000");
    }
  }
}
