package dev.ssosetup.arch;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The provider feature keeps to the layering of docs/architecture.md (core pure, cli and ui without infra). */
class ProviderLayeringTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.ssosetup");

    @Test
    void providerCoreIsPure() {
        noClasses().that().resideInAnyPackage("dev.ssosetup.core.provider..", "dev.ssosetup.core.net..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "java.awt..", "java.net.http..",
                        "java.nio.file..", "dev.ssosetup.infra..", "dev.ssosetup.ui..", "dev.ssosetup.cli..",
                        "dev.ssosetup.app..")
                .check(CLASSES);
    }

    @Test
    void discoverCommandAndProviderViewDoNotReachForAdapters() {
        noClasses().that().resideInAnyPackage("dev.ssosetup.cli..", "dev.ssosetup.ui.provider..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.ssosetup.infra..", "dev.ssosetup.app..")
                .check(CLASSES);
        noClasses().that().resideInAPackage("dev.ssosetup.ui.provider..")
                .should().dependOnClassesThat().resideInAPackage("dev.ssosetup.cli..")
                .check(CLASSES);
        noClasses().that().resideInAPackage("dev.ssosetup.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.ssosetup.ui..", "javafx..")
                .check(CLASSES);
    }
}
