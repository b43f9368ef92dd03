package dev.ssosetup.app;

import dev.ssosetup.ui.wizard.ProfileDialogs;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Never lose work (issue 16): the close dialog (cancel keeps the window and the work), saving from it, opening a
 * profile from the File menu before any step is done, the unsaved marker in the title, and the draft offered back
 * after a window that went away without saving.
 */
@ExtendWith(ApplicationExtension.class)
class SessionUiTest {
    @TempDir
    Path dir;
    private Path answer; // what the stub file dialog answers

    private final ProfileDialogs dialogs = new ProfileDialogs() {
        @Override
        public Optional<String> chooseOpen(Window owner, String startFolder) {
            return Optional.ofNullable(answer).map(Path::toString);
        }

        @Override
        public Optional<String> chooseSave(Window owner, String startFolder, String fileName) {
            return Optional.ofNullable(answer).map(Path::toString);
        }
    };

    @RegisterExtension
    final WizardWindow.Sessions windows = new WizardWindow.Sessions(dialogs, stages ->
            Window.getWindows().stream().filter(w -> w != null && !stages.contains(w)
                    && w.getScene() != null && w.getScene().lookup("#unsavedDialog") != null)
                    .toList().forEach(Window::hide));

    @BeforeEach
    void none() {
        answer = null;
    }

    private static void type(FxRobot robot, Stage stage, String id, String text) {
        TextField field = (TextField) stage.getScene().lookup("#" + id);
        robot.interact(() -> {
            field.requestFocus();
            field.setText(text);
        });
    }

    private static void requestClose(FxRobot robot, Stage stage) {
        robot.interact(() -> Platform.runLater(() ->
                stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST))));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static DialogPane unsavedDialog() {
        return Window.getWindows().stream()
                .filter(w -> w.isShowing() && w.getScene() != null && w.getScene().getRoot() instanceof DialogPane d
                        && "unsavedDialog".equals(d.getId()))
                .map(w -> (DialogPane) w.getScene().getRoot()).findFirst().orElse(null);
    }

    private static void press(FxRobot robot, DialogPane pane, String textStart) {
        Button button = pane.lookupAll(".button").stream().map(Button.class::cast)
                .filter(b -> b.getText().replace("_", "").startsWith(textStart)).findFirst().orElseThrow();
        robot.interact(button::fire);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void closingWithUnsavedChangesAsksAndCancelKeepsTheWindowAndTheWork(FxRobot robot) {
        Stage stage = windows.open(robot, dir.resolve("cfg"));
        assertEquals("SSO Setup Console", stage.getTitle(), "nothing typed, nothing unsaved");
        requestClose(robot, stage);
        assertFalse(stage.isShowing(), "a window without changes closes at once");

        stage = windows.open(robot, dir.resolve("cfg"));
        type(robot, stage, "issuer", "https://idp.example.com/realms/a");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(stage.getTitle().contains("unsaved"), "the title shows the unsaved marker: " + stage.getTitle());

        requestClose(robot, stage);
        DialogPane pane = unsavedDialog();
        assertTrue(pane != null, "closing with unsaved changes asks");
        assertTrue(stage.isShowing());
        press(robot, pane, "Cancel");
        assertTrue(stage.isShowing(), "Cancel keeps the window");
        assertEquals("https://idp.example.com/realms/a",
                ((TextField) stage.getScene().lookup("#issuer")).getText(), "and what was typed");

        requestClose(robot, stage);
        press(robot, unsavedDialog(), "Discard");
        assertFalse(stage.isShowing(), "Discard closes");
        assertFalse(Files.exists(dir.resolve("cfg/draft-profile.json")), "a discarded session leaves no draft");
    }

    @Test
    void saveFromTheCloseDialogWritesTheProfileWithoutTheSecretThenCloses(FxRobot robot) throws Exception {
        Stage stage = windows.open(robot, dir.resolve("cfg"));
        type(robot, stage, "issuer", "https://idp.example.com/realms/b");
        answer = dir.resolve("mine.json");
        requestClose(robot, stage);
        press(robot, unsavedDialog(), "Save");
        assertFalse(stage.isShowing(), "saved, then closed");
        String saved = Files.readString(answer);
        assertTrue(saved.contains("https://idp.example.com/realms/b"), saved);
        assertTrue(Files.readString(dir.resolve("cfg/preferences.properties")).contains("mine.json"),
                "the profile is remembered for Open recent");
    }

    @Test
    void aProfileCanBeOpenedFromTheStartAndFillsEveryStep(FxRobot robot) throws Exception {
        Path profile = dir.resolve("team.json");
        Files.copy(Path.of("src/test/resources/golden/sample-profile.json"), profile);
        Stage stage = windows.open(robot, dir.resolve("cfg"));
        answer = profile;
        robot.interact(() -> stage.getScene().getAccelerators().entrySet().stream()
                .filter(e -> e.getKey().getName().contains("O")).findFirst().orElseThrow().getValue().run());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("https://idp.example.com/realms/openmetadata",
                ((TextField) stage.getScene().lookup("#issuer")).getText(), "the Provider step is filled");
        String notice = ((Label) stage.getScene().lookup("#noticeLabel")).getText();
        assertTrue(notice.contains("login test") && notice.contains("key pair") && notice.contains("client secret"),
                "says what has to be done again: " + notice);
        assertEquals("team.json \u2014 SSO Setup Console", stage.getTitle(), "named and not dirty");
    }

    @Test
    void aDraftIsOfferedBackAfterAWindowWentAwayWithoutSaving(FxRobot robot) throws Exception {
        Path cfg = dir.resolve("cfg");
        Stage first = windows.open(robot, cfg);
        type(robot, first, "issuer", "https://idp.example.com/realms/draft");
        Path draft = cfg.resolve("draft-profile.json");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> Files.exists(draft)
                && Files.readString(draft).contains("realms/draft"));
        robot.interact(first::hide); // as a crash would: no dialog, no save

        Stage second = windows.open(robot, cfg);
        Node bar = second.getScene().lookup("#draftBar");
        assertTrue(bar.isVisible(), "the draft is offered");
        robot.interact(() -> ((Button) second.getScene().lookup("#restoreDraftButton")).fire());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("https://idp.example.com/realms/draft",
                ((TextField) second.getScene().lookup("#issuer")).getText());
        assertFalse(bar.isVisible());
        assertTrue(second.getTitle().contains("unsaved"), "a restored draft is still unsaved work");
    }

    private static double brightnessAt(FxRobot robot, Stage stage, String selector) throws Exception {
        Node node = stage.getScene().lookup(selector);
        javafx.scene.image.WritableImage image = WaitForAsyncUtils.asyncFx(() -> node.snapshot(null, null)).get();
        return image.getPixelReader().getColor(5, (int) image.getHeight() - 5).getBrightness();
    }

    @Test
    void theThemeSwitchesLiveAndIsRemembered(FxRobot robot) throws Exception {
        Path cfg = dir.resolve("cfg");
        Stage stage = windows.open(robot, cfg);
        Node root = stage.getScene().getRoot();
        robot.interact(() -> WizardWindow.menuItem(stage, "themeLIGHT").fire());
        assertFalse(root.getStyleClass().contains("dark"));
        assertTrue(brightnessAt(robot, stage, ".step-area") > 0.8, "light background");

        robot.interact(() -> WizardWindow.menuItem(stage, "themeDARK").fire());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(root.getStyleClass().contains("dark"));
        assertTrue(brightnessAt(robot, stage, ".step-area") < 0.2, "dark background");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> Files.exists(cfg.resolve("preferences.properties"))
                && Files.readString(cfg.resolve("preferences.properties")).contains("theme=DARK"));

        Stage again = windows.open(robot, cfg);
        assertTrue(again.getScene().getRoot().getStyleClass().contains("dark"), "the choice is kept");
        assertTrue(((javafx.scene.control.RadioMenuItem) WizardWindow.menuItem(again, "themeDARK")).isSelected());
    }
}
