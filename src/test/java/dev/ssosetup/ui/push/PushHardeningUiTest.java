package dev.ssosetup.ui.push;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ssosetup.core.common.Secret;
import dev.ssosetup.core.push.DesiredConfiguration;
import dev.ssosetup.core.push.LockoutEvidence;
import dev.ssosetup.core.push.StepReport;
import dev.ssosetup.hostile.Canaries;
import dev.ssosetup.infra.net.JdkHttpGatewayFactory;
import dev.ssosetup.infra.push.FileBackupStore;
import dev.ssosetup.testserver.OpenMetadataTestServer;
import dev.ssosetup.testserver.PushFixture;
import dev.ssosetup.core.text.Messages;
import dev.ssosetup.ui.task.InlineBackgroundRunner;
import javafx.beans.property.SimpleObjectProperty;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import static dev.ssosetup.testserver.PushFixture.ADMIN_TOKEN;
import static dev.ssosetup.testserver.PushFixture.CLIENT_SECRET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 15 in the Push step's view model: the token field, a plan bound to what it sends, restore's checks. */
@ExtendWith(ApplicationExtension.class)
class PushHardeningUiTest {
    private static PushFixture fx;
    private static Path backups;
    private final AtomicReference<ObjectNode> body = new AtomicReference<>();
    private final SimpleObjectProperty<LockoutEvidence> evidence = new SimpleObjectProperty<>(LockoutEvidence.none());
    private PushViewModel vm;

    @BeforeAll
    static void servers() throws IOException {
        fx = new PushFixture();
        backups = Files.createTempDirectory("push-hardening-ui");
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    @Start
    void start(Stage stage) {
        fx.om.clearFaults();
        fx.om.store(fx.om.basicConfiguration());
        body.set(fx.confidentialBody());
        vm = new PushViewModel(new JdkHttpGatewayFactory(), new FileBackupStore(backups), Clock.systemUTC(),
                () -> Optional.ofNullable(body.get()).map(b -> new DesiredConfiguration(b, Secret.of(CLIENT_SECRET))),
                evidence, id -> { }, new InlineBackgroundRunner(), Messages.load());
    }

    private List<String> texts() {
        List<String> all = new ArrayList<>(List.of(vm.statusProperty().get(), vm.tokenErrorProperty().get(),
                vm.serverUrlErrorProperty().get()));
        vm.planSteps().stream().map(StepReport::line).forEach(all::add);
        vm.applySteps().stream().map(StepReport::line).forEach(all::add);
        vm.issues().forEach(i -> all.add(i.field() + " " + i.error()));
        return all;
    }

    @Test
    void aTokenWithAHiddenCharacterIsRefusedByOffsetAndNeverShown(FxRobot robot) {
        Canaries canaries = new Canaries().add("admin token", ADMIN_TOKEN);
        List<String> leaks = new ArrayList<>();
        for (String bad : List.of(ADMIN_TOKEN + "\uFEFF", "\uFEFF\uFEFF" + ADMIN_TOKEN, ADMIN_TOKEN + "\r" + "x", ADMIN_TOKEN + "\nx",
                ADMIN_TOKEN + "\0", ADMIN_TOKEN + " x", ADMIN_TOKEN + "é")) {
            robot.interact(() -> {
                vm.serverUrlProperty().set(fx.om.baseUrl());
                vm.tokenProperty().set(bad);
                vm.plan();
            });
            String error = vm.tokenErrorProperty().get();
            assertTrue(error.contains("offset"), error);
            assertNull(vm.planProperty().get());
            texts().forEach(t -> leaks.addAll(canaries.find("view model", t)));
        }
        assertEquals(List.of(), leaks);
        assertEquals(0, fx.om.count("GET " + OpenMetadataTestServer.CONFIG), "nothing sent with a refused token");
        robot.interact(() -> {
            vm.tokenProperty().set(ADMIN_TOKEN + "\n");
            vm.plan();
        });
        assertEquals("", vm.tokenErrorProperty().get());
        assertNotNull(vm.planProperty().get());
        assertTrue(vm.planProperty().get().readyToApply(), () -> texts().toString());
        assertFalse(texts().stream().anyMatch(t -> t.contains(ADMIN_TOKEN)));
    }

    // ---- item 2: a plan is bound to exactly what it sends and the evidence it was guarded with

    private void planned(FxRobot robot) {
        robot.interact(() -> {
            vm.serverUrlProperty().set(fx.om.baseUrl());
            vm.tokenProperty().set(ADMIN_TOKEN);
            vm.confirmationProperty().set(dev.ssosetup.core.push.LockoutGuard.CONFIRMATION_PHRASE);
            vm.plan();
        });
        assertNotNull(vm.planProperty().get());
        assertTrue(vm.canApplyProperty().get(), () -> texts().toString());
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
        assertNull(vm.planProperty().get(), "the plan no longer matches what would be sent");
        assertFalse(vm.canApplyProperty().get());
        assertTrue(vm.statusProperty().get().contains("Plan again"), vm.statusProperty().get());
    }

    @Test
    void applyNeverSendsABodyTheWizardNoLongerAsksFor(FxRobot robot) {
        planned(robot);
        changePrincipalDomain();
        robot.interact(vm::apply);
        assertEquals(0, fx.om.count("PUT " + OpenMetadataTestServer.CONFIG), "the old body was not sent");
        assertNull(vm.planProperty().get());
        robot.interact(vm::plan);
        robot.interact(vm::apply);
        assertEquals(1, fx.om.count("PUT " + OpenMetadataTestServer.CONFIG));
        assertEquals("fixed.example.com", fx.om.stored().at("/authorizerConfiguration/principalDomain").asText());
    }

    @Test
    void aChangedLoginTestDropsThePlan(FxRobot robot) {
        planned(robot);
        robot.interact(() -> evidence.set(new LockoutEvidence(true, false, "someone@example.com")));
        assertNull(vm.planProperty().get());
        assertFalse(vm.canApplyProperty().get());
    }

    @Test
    void aChangeOnTheServerAfterThePlanIsNotOverwrittenAndThePlanIsDropped(FxRobot robot) {
        planned(robot);
        ObjectNode someoneElse = fx.om.basicConfiguration();
        ((ObjectNode) someoneElse.path("authorizerConfiguration")).put("principalDomain", "example.org");
        fx.om.store(someoneElse);
        robot.interact(vm::apply);
        assertEquals(0, fx.om.count("PUT " + OpenMetadataTestServer.CONFIG));
        assertTrue(vm.statusProperty().get().contains("changed since the plan"), vm.statusProperty().get());
        assertNull(vm.planProperty().get(), "plan again to see the new state");
    }

    // ---- item 5: restore gets the same guard and server check as push

    private Path backupFile(ObjectNode config, String serverUrl) throws IOException {
        return Files.write(Files.createTempFile(backups, "backup-", ".json"),
                dev.ssosetup.core.push.Backup.of(config, java.time.Instant.now(), serverUrl, "1.10.4").toJson());
    }

    @Test
    void confirmRestoreNeedsTheLockoutGuardLikeApply(FxRobot robot) throws IOException {
        Path backup = backupFile(fx.publicBody(), fx.om.baseUrl());
        robot.interact(() -> {
            vm.serverUrlProperty().set(fx.om.baseUrl());
            vm.tokenProperty().set(ADMIN_TOKEN);
            vm.restoreFileProperty().set(backup.toString());
            vm.restore();
        });
        assertNotNull(vm.restorePlanProperty().get(), () -> texts().toString());
        assertFalse(vm.canConfirmRestoreProperty().get(), "no login test and no phrase");
        assertTrue(vm.statusProperty().get().contains("lock-out guard"), vm.statusProperty().get());
        robot.interact(vm::confirmRestore);
        assertEquals(0, fx.om.count("PUT " + OpenMetadataTestServer.CONFIG));

        robot.interact(() -> vm.confirmationProperty().set(dev.ssosetup.core.push.LockoutGuard.CONFIRMATION_PHRASE));
        assertTrue(vm.canConfirmRestoreProperty().get());
        robot.interact(vm::confirmRestore);
        assertEquals(1, fx.om.count("PUT " + OpenMetadataTestServer.CONFIG));
        assertEquals("public", fx.om.stored().at("/authenticationConfiguration/clientType").asText());
    }

    @Test
    void aBackupThatDoesNotNameItsServerNeedsTheOverride(FxRobot robot) throws IOException {
        Path backup = backupFile(fx.publicBody(), "");
        robot.interact(() -> {
            vm.serverUrlProperty().set(fx.om.baseUrl());
            vm.tokenProperty().set(ADMIN_TOKEN);
            vm.restoreFileProperty().set(backup.toString());
            vm.restore();
        });
        assertNull(vm.restorePlanProperty().get());
        assertTrue(vm.statusProperty().get().contains("does not say which server"), vm.statusProperty().get());
        robot.interact(() -> {
            vm.restoreOtherServerProperty().set(true);
            vm.restore();
        });
        assertNotNull(vm.restorePlanProperty().get(), () -> texts().toString());
    }
}
