package dev.ssosetup.arch;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The layering of docs/architecture.md, checked on every build. A failure names the class and the forbidden
 * dependency: move the code to the layer where it belongs (see the table in docs/architecture.md).
 */
@AnalyzeClasses(packages = "dev.ssosetup", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule coreIsPure = noClasses().that().resideInAPackage("dev.ssosetup.core..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "javafx..", "java.awt..", "java.net.http..",
                    "dev.ssosetup.infra..", "dev.ssosetup.ui..", "dev.ssosetup.cli..", "dev.ssosetup.app..")
            // the exceptions of java.nio.file only name what went wrong (core.common.Problem, ADR 0026)
            .orShould().dependOnClassesThat(JavaClass.Predicates.resideInAPackage("java.nio.file..")
                    .and(DescribedPredicate.not(JavaClass.Predicates.assignableTo(java.io.IOException.class))))
            .because("core holds pure logic and values: no UI toolkit, no HTTP client, no files, no adapters");

    @ArchTest
    static final ArchRule uiDoesNotUseInfra = noClasses().that().resideInAPackage("dev.ssosetup.ui..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "dev.ssosetup.infra..", "dev.ssosetup.cli..", "dev.ssosetup.app..")
            .because("view models use core; adapters are wired in by the composition root");

    @ArchTest
    static final ArchRule cliDoesNotUseUi = noClasses().that().resideInAPackage("dev.ssosetup.cli..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "dev.ssosetup.ui..", "dev.ssosetup.infra..", "dev.ssosetup.app..", "javafx..")
            .because("the CLI never touches the display and gets adapters through core interfaces");

    @ArchTest
    static final ArchRule infraDoesNotUseUiOrCli = noClasses().that().resideInAPackage("dev.ssosetup.infra..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "dev.ssosetup.ui..", "dev.ssosetup.cli..", "dev.ssosetup.app..", "javafx..")
            .because("adapters implement core ports and know nothing of the screens");

    @ArchTest
    static final ArchRule threadsOnlyInTheRunnerAndAdapters = noClasses()
            .that().resideInAnyPackage("dev.ssosetup.ui..", "dev.ssosetup.core..", "dev.ssosetup.cli..")
            .should().callConstructor(Thread.class, Runnable.class)
            .orShould().callConstructor(Thread.class, Runnable.class, String.class)
            .orShould().callConstructor(Thread.class)
            .because("background work goes through ui.task.BackgroundRunner, not ad-hoc threads");

    @ArchTest
    static final ArchRule onlyTheLogBackendUsesJavaUtilLogging = noClasses()
            .that().resideOutsideOfPackage("dev.ssosetup.infra.log..")
            .should().dependOnClassesThat().resideInAPackage("java.util.logging..")
            .because("code logs through System.Logger; infra.log alone sets up the file behind it");

    @ArchTest
    static void viewsDoNotReachPastTheirViewModels(JavaClasses classes) {
        noClasses().that().resideInAPackage("dev.ssosetup.ui..").and().haveSimpleNameEndingWith("Controller")
                .should().dependOnClassesThat().resideInAnyPackage("dev.ssosetup.core.net..")
                .because("views talk to view models; only view models talk to core")
                .check(classes);
    }
}
