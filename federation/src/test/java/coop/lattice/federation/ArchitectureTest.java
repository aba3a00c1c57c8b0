package coop.lattice.federation;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The federation module's layout: the node wires the packages, and nothing points back up into it. */
@AnalyzeClasses(packages = "coop.lattice.federation", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule noPackageCycles = slices().matching("coop.lattice.federation.(*)..").should()
      .beFreeOfCycles();

  @ArchTest
  static final ArchRule handlersAndRoutesKnowNothingOfTheNode = noClasses().that()
      .resideInAnyPackage("coop.lattice.federation.inbox..", "coop.lattice.federation.routes..")
      .should().dependOnClassesThat().resideInAPackage("coop.lattice.federation.node..")
      .because("collaborators come in through constructors, never through the node that owns them");

  @ArchTest
  static final ArchRule onlyTheNodeWiresTheNode = classes().that()
      .resideInAPackage("coop.lattice.federation.node..")
      .should().onlyHaveDependentClassesThat().resideInAPackage("coop.lattice.federation.node..")
      .because("FederationNode is the top: it builds everything and nothing depends on it");

  @ArchTest
  static final ArchRule foundationsStayBelow = noClasses().that()
      .resideInAnyPackage("coop.lattice.federation.http..", "coop.lattice.federation.net..",
          "coop.lattice.federation.rdf..", "coop.lattice.federation.json..", "coop.lattice.federation.keys..")
      .should().dependOnClassesThat().resideInAnyPackage("coop.lattice.federation.hosting..",
          "coop.lattice.federation.inbox..", "coop.lattice.federation.routes..", "coop.lattice.federation.social..",
          "coop.lattice.federation.outbox..", "coop.lattice.federation.mirror..")
      .because("signatures, addresses, JSON and keys know nothing of what a node does with them");
}
