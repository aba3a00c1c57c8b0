package coop.lattice.wall;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

/** The wall renders and nothing more: no network stack, no RDF, no node; no package cycles. */
@AnalyzeClasses(packages = "coop.lattice.wall", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
  @ArchTest
  static final ArchRule noPackageCycles = slices().matching("coop.lattice.wall.(*)..").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule noNetworkStackOrNode = noClasses().should().dependOnClassesThat()
      .resideInAnyPackage("io.vertx..", "org.apache.jena..", "coop.lattice.federation..", "java.net.http..");

  @ArchTest
  static final ArchRule theInsideNeverReachesBackOut = noClasses().that().resideInAPackage("coop.lattice.wall.internal..")
      .should().dependOnClassesThat().resideInAPackage("coop.lattice.wall");
}
