package dev.ssosetup.ui.push;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ssosetup.core.push.LockoutEvidence;
import dev.ssosetup.hostile.Canaries;
import dev.ssosetup.testserver.OpenMetadataTestServer;
import dev.ssosetup.core.text.Messages;
import javafx.beans.property.SimpleObjectProperty;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import dev.ssosetup.testsupport.En;
import org.junit.jupiter.api.extension.ExtendWith;
import dev.ssosetup.testserver.PushServers;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static dev.ssosetup.testserver.PushFixture.ADMIN_TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 15 in the Push step's view model: the token field, a plan bound to what it sends, restore's checks. */
@ExtendWith(ApplicationExtension.class)
class PushHardeningUiTest {
    @RegisterExtension
    static final PushServers fx = new PushServers();
    private final AtomicReference<ObjectNode> body = new AtomicReference<>();
    private final SimpleObjectProperty<LockoutEvidence> evidence = new SimpleObjectProperty<>(LockoutEvidence.none());
    private PushViewModel vm;

    @Start
    void start(Stage stage) {
        body.set(fx.confidentialBody());
        vm = PushStepRig.viewModel(fx.backups(), PushStepRig.desired(body::get), evidence, id -> { }, Messages.load());
    }

    private List<String> texts() {
        List<String> all = new ArrayList<>(List.of(vm.status().statusProperty().get(), vm.connection().tokenErrorProperty().get(),
                vm.connection().serverUrlErrorProperty().get()));
        vm.results().planSteps().stream().map(s -> s.line(En.MESSAGES)).forEach(all::add);
        vm.results().applySteps().stream().map(s -> s.line(En.MESSAGES)).forEach(all::add);
        vm.results().issues().forEach(i -> all.add(i.field() + " " + En.text(i.error())));
        return all;
    }

    @Test
    void aTokenWithAHiddenCharacterIsRefusedByOffsetAndNeverShown(FxRobot robot) {
        Canaries canaries = new Canaries().add("admin token", ADMIN_TOKEN);
        List<String> leaks = new ArrayList<>();
        for (String bad : List.of(ADMIN_TOKEN + "\uFEFF", "\uFEFF\uFEFF" + ADMIN_TOKEN, ADMIN_TOKEN + "\r" + "x", ADMIN_TOKEN + "\nx",
                ADMIN_TOKEN + "\0", ADMIN_TOKEN + " x", ADMIN_TOKEN + "é")) {
            robot.interact(() -> {
                vm.connection().serverUrlProperty().set(fx.om.baseUrl());
                vm.connection().tokenProperty().set(bad);
                vm.planning().plan();
            });
            String error = vm.connection().tokenErrorProperty().get();
            assertTrue(error.contains("offset"), error);
            assertNull(vm.planning().planProperty().get());
            texts().forEach(t -> leaks.addAll(canaries.find("view model", t)));
        }
        assertEquals(List.of(), leaks);
        assertEquals(0, fx.om.count("GET " + OpenMetadataTestServer.CONFIG), "nothing sent with a refused token");
        robot.interact(() -> {
            vm.connection().tokenProperty().set(ADMIN_TOKEN + "\n");
            vm.planning().plan();
        });
        assertEquals("", vm.connection().tokenErrorProperty().get());
        assertNotNull(vm.planning().planProperty().get());
        assertTrue(vm.planning().planProperty().get().readyToApply(), () -> texts().toString());
        assertFalse(texts().stream().anyMatch(t -> t.contains(ADMIN_TOKEN)));
    }

    // ---- item 2: a plan is bound to exactly what it sends and the evidence it was guarded with

    private void planned(FxRobot robot) {
        robot.interact(() -> {
            vm.connection().serverUrlProperty().set(fx.om.baseUrl());
            vm.connection().tokenProperty().set(ADMIN_TOKEN);
            vm.guard().confirmationProperty().set(dev.ssosetup.core.push.LockoutGuard.CONFIRMATION_PHRASE);
            vm.planning().plan();
        });
        assertNotNull(vm.planning().planProperty().get());
        assertTrue(vm.planning().canApplyProperty().get(), () -> texts().toString());
    }

    private void changePrincipalDomain() {
        ObjectNode changed = fx.confidentialBody();
        ((ObjectNode) changed.path("authorizerConfiguration")).put("principalDomain", "fixed.example.com");
        body.set(changed);
    }

    @Test
    void aChangeInTheWizardAfterThePlanDropsItWhenTheStepIsEnteredAgain(FxRobot robot) {
        planned(robot);
        changePrincipalDomain();
        robot.interact(vm::onEnter);
        assertNull(vm.planning().planProperty().get(), "the plan no longer matches what would be sent");
        assertFalse(vm.planning().canApplyProperty().get());
        assertTrue(vm.status().statusProperty().get().contains("Plan again"), vm.status().statusProperty().get());
    }

    @Test
    void applyNeverSendsABodyTheWizardNoLongerAsksFor(FxRobot robot) {
        planned(robot);
        changePrincipalDomain();
        robot.interact(vm.planning()::apply);
        assertEquals(0, fx.om.count("PUT " + OpenMetadataTestServer.CONFIG), "the old body was not sent");
        assertNull(vm.planning().planProperty().get());
        robot.interact(vm.planning()::plan);
        robot.interact(vm.planning()::apply);
        assertEquals(1, fx.om.count("PUT " + OpenMetadataTestServer.CONFIG));
        assertEquals("fixed.example.com", fx.om.stored().at("/authorizerConfiguration/principalDomain").asText());
    }

    @Test
    void aChangedLoginTestDropsThePlan(FxRobot robot) {
        planned(robot);
        robot.interact(() -> evidence.set(new LockoutEvidence(true, false, "someone@example.com")));
        assertNull(vm.planning().planProperty().get());
        assertFalse(vm.planning().canApplyProperty().get());
    }

    @Test
    void aChangeOnTheServerAfterThePlanIsNotOverwrittenAndThePlanIsDropped(FxRobot robot) {
        planned(robot);
        ObjectNode someoneElse = fx.om.basicConfiguration();
        ((ObjectNode) someoneElse.path("authorizerConfiguration")).put("principalDomain", "example.org");
        fx.om.store(someoneElse);
        robot.interact(vm.planning()::apply);
        assertEquals(0, fx.om.count("PUT " + OpenMetadataTestServer.CONFIG));
        assertTrue(vm.status().statusProperty().get().contains("changed since the plan"), vm.status().statusProperty().get());
        assertNull(vm.planning().planProperty().get(), "plan again to see the new state");
    }

    // ---- item 5: restore gets the same guard and server check as push

    private Path backupFile(ObjectNode config, String serverUrl) throws IOException {
        return Files.write(Files.createTempFile(fx.backups(), "backup-", ".json"),
                dev.ssosetup.core.push.Backup.of(config, java.time.Instant.now(), serverUrl, "1.10.4").toJson());
    }

    @Test
    void confirmRestoreNeedsTheLockoutGuardLikeApply(FxRobot robot) throws IOException {
        Path backup = backupFile(fx.publicBody(), fx.om.baseUrl());
        robot.interact(() -> {
            vm.connection().serverUrlProperty().set(fx.om.baseUrl());
            vm.connection().tokenProperty().set(ADMIN_TOKEN);
            vm.restoring().restoreFileProperty().set(backup.toString());
            vm.restoring().restore();
        });
        assertNotNull(vm.restoring().restorePlanProperty().get(), () -> texts().toString());
        assertFalse(vm.restoring().canConfirmRestoreProperty().get(), "no login test and no phrase");
        assertTrue(vm.status().statusProperty().get().contains("lock-out guard"), vm.status().statusProperty().get());
        robot.interact(vm.restoring()::confirmRestore);
        assertEquals(0, fx.om.count("PUT " + OpenMetadataTestServer.CONFIG));

        robot.interact(() -> vm.guard().confirmationProperty().set(dev.ssosetup.core.push.LockoutGuard.CONFIRMATION_PHRASE));
        assertTrue(vm.restoring().canConfirmRestoreProperty().get());
        robot.interact(vm.restoring()::confirmRestore);
        assertEquals(1, fx.om.count("PUT " + OpenMetadataTestServer.CONFIG));
        assertEquals("public", fx.om.stored().at("/authenticationConfiguration/clientType").asText());
    }

    @Test
    void aBackupThatDoesNotNameItsServerNeedsTheOverride(FxRobot robot) throws IOException {
        Path backup = backupFile(fx.publicBody(), "");
        robot.interact(() -> {
            vm.connection().serverUrlProperty().set(fx.om.baseUrl());
            vm.connection().tokenProperty().set(ADMIN_TOKEN);
            vm.restoring().restoreFileProperty().set(backup.toString());
            vm.restoring().restore();
        });
        assertNull(vm.restoring().restorePlanProperty().get());
        assertTrue(vm.status().statusProperty().get().contains("does not say which server"), vm.status().statusProperty().get());
        robot.interact(() -> {
            vm.restoring().restoreOtherServerProperty().set(true);
            vm.restoring().restore();
        });
        assertNotNull(vm.restoring().restorePlanProperty().get(), () -> texts().toString());
    }
}
