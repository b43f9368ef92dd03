package dev.ssosetup.app;

import dev.ssosetup.core.session.Preferences;
import dev.ssosetup.core.text.Language;
import dev.ssosetup.core.text.Messages;
import dev.ssosetup.ui.wizard.ProfileDialogs;
import javafx.scene.control.Labeled;
import javafx.scene.control.RadioMenuItem;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * View → Language (ADR 0020): the choice is remembered in the preferences, the window says it applies at the next
 * start, and the next start builds the window in that language.
 */
@ExtendWith(ApplicationExtension.class)
class LanguageChoiceUiTest {
    @TempDir
    Path dir;
    private final ProfileDialogs dialogs = new ProfileDialogs() {
        @Override
        public Optional<String> chooseOpen(Window owner, String startFolder) {
            return Optional.empty();
        }

        @Override
        public Optional<String> chooseSave(Window owner, String startFolder, String fileName) {
            return Optional.empty();
        }
    };

    @RegisterExtension
    final WizardWindow.Sessions windows = new WizardWindow.Sessions(dialogs);

    @Test
    void theChoiceIsRememberedAndSaysItAppliesAtTheNextStart(FxRobot robot) throws Exception {
        Path cfg = dir.resolve("cfg");
        Messages english = Messages.forLocale(Locale.ENGLISH);
        Stage stage = windows.open(robot, cfg, english);
        assertTrue(((RadioMenuItem) WizardWindow.menuItem(stage, "languageSYSTEM")).isSelected(), "the system's by default");
        robot.interact(() -> WizardWindow.menuItem(stage, "languageDE").fire());
        WaitForAsyncUtils.waitForFxEvents();
        Labeled notice = (Labeled) stage.getScene().lookup("#noticeLabel");
        assertEquals(english.get("language.nextStart"), notice.getText());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> Files.exists(cfg.resolve("preferences.properties"))
                && Files.readString(cfg.resolve("preferences.properties")).contains("language=DE"));
        assertEquals(Language.DE, Preferences.decode(Files.readString(cfg.resolve("preferences.properties")))
                .language());

        // the next start: the composition root reads the preference and builds the window in German
        Messages next = CompositionRoot.preferredMessages(cfg);
        assertEquals(Locale.GERMAN, next.locale());
        Stage again = windows.open(robot, cfg, next);
        assertTrue(((RadioMenuItem) WizardWindow.menuItem(again, "languageDE")).isSelected(), "the choice is kept");
        assertEquals("_Sprache", WizardWindow.menuItem(again, "menuLanguage").getText());
        assertEquals("", ((Labeled) again.getScene().lookup("#noticeLabel")).getText(),
                "reading the preference is not a change to tell about");
    }
}
