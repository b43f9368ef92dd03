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
import dev.ssosetup.ui.common.Messages;
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
}
