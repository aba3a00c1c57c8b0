package coop.lattice;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "coop.lattice", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule noPackageCycles = slices().matching("coop.lattice.(**)").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule coreStaysFreeOfVertxAndJena = noClasses().should()
      .dependOnClassesThat().resideInAnyPackage("io.vertx..", "org.apache.jena..")
      .because("commons-core is the embeddable domain; the network and RDF stacks live in federation");

  @ArchTest
  static final ArchRule theStoreKnowsNothingOfEntries = noClasses().that().resideInAPackage("coop.lattice.store..")
      .should().dependOnClassesThat().resideInAnyPackage("coop.lattice.ledger..", "coop.lattice.collective..")
      .because("a LedgerStore holds opaque records; the ledger above it verifies them");

  @ArchTest
  static final ArchRule rejectionsSayWhatKindTheyAre = noClasses().that().areNotAssignableTo(RejectedCommandException.class)
      .should().callConstructor(RejectedCommandException.class, String.class)
      .because("a caller acts on the kind of rejection (UnknownReferenceException, TooEarlyException, ...), so every"
          + " throw names a specific subclass, never the bare RejectedCommandException");

  @ArchTest
  static final ArchRule eachKindOfRejectionIsFinal = classes().that().areAssignableTo(RejectedCommandException.class)
      .and().doNotHaveFullyQualifiedName(RejectedCommandException.class.getName())
      .should().haveModifier(JavaModifier.FINAL)
      .because("the kinds of rejection are a closed list that callers can rely on");

  @ArchTest
  static final ArchRule noRankingsOfPeople = methods().that().arePublic()
      .and().areDeclaredInClassesThat().haveModifier(JavaModifier.PUBLIC)
      .and().areDeclaredInClassesThat().resideOutsideOfPackage("coop.lattice.poll")
      .should().haveNameNotMatching("(?i).*(rank|leaderboard|score|karma|topContributor|mostActive|leastActive).*")
      .because("visibility without surveillance, recognition without ranking: no API orders members by what they gave");

  @ArchTest
  static final ArchRule pollsRankOptionsAndNeverKnowMembers = noClasses().that().resideInAPackage("coop.lattice.poll")
      .should().dependOnClassesThat().haveFullyQualifiedName(MemberId.class.getName())
      .orShould().dependOnClassesThat().resideInAnyPackage("coop.lattice.collective..", "coop.lattice.ledger..")
      .because("a poll ranks and scores options, which is its job (so its methods may say rank and score); it never"
          + " knows who voted, so no result it gives can list members, let alone order them by how they voted");

  @ArchTest
  static final ArchRule financesAreMoneyAndNeverKnowMembers = noClasses().that().resideInAPackage("coop.lattice.finance")
      .should().dependOnClassesThat().haveFullyQualifiedName(MemberId.class.getName())
      .orShould().dependOnClassesThat().resideInAnyPackage("coop.lattice.collective..", "coop.lattice.ledger..")
      .because("money and its rules know amounts, currencies and categories, not people: who paid or was paid is the"
          + " collective's to show as each member chose (a statement's payee is text it gives), never a sum per member");

  @ArchTest
  static final ArchRule theWayInIsRulesThatKnowNoLedger = noClasses().that().resideInAPackage("coop.lattice.joining")
      .should().dependOnClassesThat().resideInAnyPackage("coop.lattice.collective..", "coop.lattice.ledger..",
          "coop.lattice.store..", "coop.lattice.agreement..")
      .because("questions, answers and the trust rule are pure rules, checked against a model; the ledger, the"
          + " agreements in force and who the members are come in through the collective's fold");

  @ArchTest
  static final ArchRule signUpRulesKnowNoLedger = noClasses().that().resideInAPackage("coop.lattice.signup")
      .should().dependOnClassesThat().resideInAnyPackage("coop.lattice.collective..", "coop.lattice.ledger..",
          "coop.lattice.store..", "coop.lattice.privacy..")
      .because("a sign-up sheet is rules and the rotation's plan; the collective records it on the ledger, so the"
          + " rules can be checked alone against a reference model");
}
