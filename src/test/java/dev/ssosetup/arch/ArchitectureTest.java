package dev.ssosetup.arch;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;

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

    // ------------------------------------------------------------------ issue 13: the rules of docs/architecture.md

    /** Classes that name these do file I/O of their own. */
    private static final Set<String> FILE_IO = Set.of("java.nio.file.Files", "java.io.FileInputStream",
            "java.io.FileOutputStream", "java.io.FileReader", "java.io.FileWriter", "java.io.RandomAccessFile",
            "java.nio.channels.FileChannel", "java.nio.channels.AsynchronousFileChannel");

    /**
     * Frozen (issue 13): ui and cli classes that still read files themselves instead of through a core port. The list
     * only shrinks: a class that no longer breaks the rule must leave it (see frozenListsHoldOnlyBreakers).
     */
    static final Set<String> FILE_IO_FROZEN = Set.of(); // empty: they read through core.common.OperatorFiles (ADR 0032)

    /** Frozen (issue 13): view models that still post to the JavaFX thread themselves instead of the runner seam. */
    static final Set<String> RUN_LATER_FROZEN = Set.of();

    /** Frozen (issue 13): controllers that still reach past their view model. */
    static final Set<String> CONTROLLER_FROZEN = Set.of();

    private static DescribedPredicate<JavaClass> frozenIn(Set<String> frozen) {
        return DescribedPredicate.describe("frozen (issue 13)", c -> frozen.contains(topLevel(c).getName()));
    }

    private static JavaClass topLevel(JavaClass c) {
        JavaClass t = c;
        while (t.getEnclosingClass().isPresent()) {
            t = t.getEnclosingClass().get();
        }
        return t;
    }

    private static final DescribedPredicate<JavaClass> VIEW_MODELS = DescribedPredicate.describe(
            "are view models (ui *ViewModel, their nested classes and lambdas included)",
            c -> c.getPackageName().startsWith("dev.ssosetup.ui.") && topLevel(c).getSimpleName().endsWith("ViewModel"));

    private static final DescribedPredicate<JavaClass> CONTROLLERS = DescribedPredicate.describe(
            "are controllers (ui *Controller, nested classes included)",
            c -> c.getPackageName().startsWith("dev.ssosetup.ui.") && topLevel(c).getSimpleName().endsWith("Controller"));

    static ArchRule uiAndCliDoNoFileIo(DescribedPredicate<JavaClass> which) {
        return noClasses().that().resideInAnyPackage("dev.ssosetup.ui..", "dev.ssosetup.cli..").and(which)
                .should().dependOnClassesThat(DescribedPredicate.describe("do file I/O (" + FILE_IO + ")",
                        c -> FILE_IO.contains(c.getName())))
                .because("ui and cli read and write files through core ports that infra implements"
                        + " (docs/architecture.md); wording a failure goes through the one file-failure text");
    }

    @ArchTest
    static final ArchRule uiAndCliDoNoFileIo = uiAndCliDoNoFileIo(DescribedPredicate.not(frozenIn(FILE_IO_FROZEN)));

    static ArchRule viewModelsDoNotRunLater(DescribedPredicate<JavaClass> which) {
        return noClasses().that(VIEW_MODELS).and(which)
                .should().callMethod(javafx.application.Platform.class, "runLater", Runnable.class)
                .because("view models publish through ui.task.BackgroundRunner (InlineBackgroundRunner in tests);"
                        + " Platform.runLater makes them untestable without a JavaFX thread");
    }

    @ArchTest
    static final ArchRule viewModelsDoNotRunLater = viewModelsDoNotRunLater(
            DescribedPredicate.not(frozenIn(RUN_LATER_FROZEN)));

    @ArchTest
    static final ArchRule coreHasNoJavaFx = noClasses().that().resideInAPackage("dev.ssosetup.core..")
            .should().dependOnClassesThat().resideInAPackage("javafx..")
            .because("core is the same for the window and the CLI");

    /**
     * What a controller may use: the JDK and JavaFX, its own package (its view model and view helpers), ui.common,
     * the message bundle, and core values (records, enums, sealed result types) that its view model hands it. Not core
     * services, ports or other features' view models.
     */
    static boolean controllerMayUse(JavaClass controller, JavaClass target) {
        JavaClass t = target;
        while (t.isArray()) {
            t = t.getComponentType();
        }
        String pkg = t.getPackageName();
        if (t.isPrimitive() || !pkg.startsWith("dev.ssosetup.")) {
            return true;
        }
        if (pkg.equals(controller.getPackageName()) || pkg.startsWith("dev.ssosetup.ui.common")
                || pkg.startsWith("dev.ssosetup.core.text")) {
            return true;
        }
        if (pkg.startsWith("dev.ssosetup.core.")) {
            Class<?> type = t.reflect();
            return type.isRecord() || type.isEnum() || type.isSealed()
                    || type.getEnclosingClass() != null && type.getEnclosingClass().isEnum();
        }
        return false;
    }

    static final ArchCondition<JavaClass> TALK_ONLY_TO_THEIR_VIEW_MODEL =
            new ArchCondition<>("talk only to their view model, ui.common and core values") {
                @Override
                public void check(JavaClass controller, ConditionEvents events) {
                    for (Dependency d : controller.getDirectDependenciesFromSelf()) {
                        if (!controllerMayUse(controller, d.getTargetClass())) {
                            events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                        }
                    }
                }
            };

    static ArchRule controllersTalkOnlyToTheirViewModel(DescribedPredicate<JavaClass> which) {
        return classes().that(CONTROLLERS).and(which).should(TALK_ONLY_TO_THEIR_VIEW_MODEL)
                .because("views show what their view model exposes; the view model calls core (docs/architecture.md)");
    }

    @ArchTest
    static final ArchRule controllersTalkOnlyToTheirViewModel = controllersTalkOnlyToTheirViewModel(
            DescribedPredicate.not(frozenIn(CONTROLLER_FROZEN)));

    /** Each frozen class still breaks its rule (else it leaves the list) and still exists. */
    @ArchTest
    static void frozenListsHoldOnlyBreakers(JavaClasses classes) {
        List<String> stale = new ArrayList<>();
        check(classes, FILE_IO_FROZEN, ArchitectureTest::uiAndCliDoNoFileIo, stale);
        check(classes, RUN_LATER_FROZEN, ArchitectureTest::viewModelsDoNotRunLater, stale);
        check(classes, CONTROLLER_FROZEN, ArchitectureTest::controllersTalkOnlyToTheirViewModel, stale);
        assertEquals(List.of(), stale, "these classes keep the rule now: remove them from the frozen list");
    }

    /** The controller rule tells a core service and another feature's view model from a value. */
    @ArchTest
    static void controllerRuleSeparatesServicesFromValues(JavaClasses classes) {
        JavaClass controller = classes.get("dev.ssosetup.ui.provider.ProviderController");
        assertEquals(List.of(true, true, true, false, false, false), List.of(
                controllerMayUse(controller, classes.get("dev.ssosetup.core.provider.Preset")),
                controllerMayUse(controller, classes.get("dev.ssosetup.core.text.Messages")),
                controllerMayUse(controller, classes.get("dev.ssosetup.ui.provider.ProviderViewModel")),
                controllerMayUse(controller, classes.get("dev.ssosetup.core.provider.DiscoveryService")),
                controllerMayUse(controller, classes.get("dev.ssosetup.ui.wizard.WizardState")),
                controllerMayUse(controller, classes.get("dev.ssosetup.infra.net.JdkHttpGateway"))));
    }

    private static void check(JavaClasses classes, Set<String> frozen,
                              Function<DescribedPredicate<JavaClass>, ArchRule> rule, List<String> stale) {
        for (String name : frozen) {
            DescribedPredicate<JavaClass> only = DescribedPredicate.describe(name,
                    c -> topLevel(c).getName().equals(name));
            if (!classes.contain(name) || !rule.apply(only).allowEmptyShould(true).evaluate(classes).hasViolation()) {
                stale.add(name);
            }
        }
    }
}
