package dev.ssosetup.app;

import dev.ssosetup.bench.StepTour;
import dev.ssosetup.ui.common.AccessibleNames;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Alt shows a mnemonic on every button and field label of every step (issue 16), and no two on screen at once take
 * the same key: walked through all five steps with realistic state, and the Provider step in each of its shapes
 * (public client, confidential client with every OpenMetadata 2.0 field, Collate).
 */
@ExtendWith(ApplicationExtension.class)
class MnemonicsTest {
    private final Locale before = Locale.getDefault();
    private StepTour tour;
    private Scene scene;

    /** The language the window is walked in (each translation picks its own keys). */
    protected Locale locale() {
        return Locale.ENGLISH;
    }

    @Start
    void start(Stage stage) {
        Locale.setDefault(locale());
        tour = new StepTour();
        scene = new Scene(tour.view(), 1100, 760);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stop() {
        tour.close();
        Locale.setDefault(before);
    }

    @Test
    void everyButtonAndFieldLabelHasAMnemonicAndNoneClash(FxRobot robot) throws Exception {
        Parent content = (Parent) scene.lookup(".step-content");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> content.getChildrenUnmodifiable().size() == 5);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(dev.ssosetup.core.text.Messages.forLocale(locale()).get("wizard.next"),
                robot.lookup("#nextButton").queryButton().getText(), "the window speaks " + locale());
        List<String> problems = new ArrayList<>();
        // every step's view, each control whether its state shows it now or not
        for (var view : content.getChildrenUnmodifiable()) {
            problems.addAll(fx(() -> MnemonicAudit.withoutMnemonic((Parent) view)));
        }
        check("Provider (public client)", problems);
        @SuppressWarnings("unchecked")
        ComboBox<Object> version = robot.lookup("#omVersion").queryAs(ComboBox.class);
        @SuppressWarnings("unchecked")
        ComboBox<Object> type = robot.lookup("#clientType").queryAs(ComboBox.class);
        @SuppressWarnings("unchecked")
        ComboBox<Object> deployment = robot.lookup("#deployment").queryAs(ComboBox.class);
        Object firstVersion = version.getValue();
        robot.interact(() -> {
            type.setValue(type.getItems().stream().filter(t -> t.toString().contains("CONFIDENTIAL")).findFirst()
                    .orElseThrow());
            version.setValue(version.getItems().getLast()); // the newest shows every field
        });
        assertNotEquals(firstVersion, version.getValue(), "the Provider step offers more than one version");
        check("Provider (confidential, newest OpenMetadata)", problems);
        Object selfHosted = deployment.getValue();
        robot.interact(() -> deployment.setValue(deployment.getItems().stream()
                .filter(d -> d.toString().contains("COLLATE")).findFirst().orElseThrow()));
        check("Provider (Collate)", problems);
        robot.interact(() -> {
            deployment.setValue(selfHosted);
            version.setValue(firstVersion);
        });
        for (int step = 0; step < StepTour.STEPS.size(); step++) {
            tour.to(step, robot);
            check(tour.title(step), problems);
            if (step == 2) { // a text with an underscore of its own doubles it: the window shows one
                javafx.scene.control.CheckBox encrypt = robot.lookup("#keysEncrypt")
                        .queryAs(javafx.scene.control.CheckBox.class);
                String shown = fx(() -> ((javafx.scene.text.Text) encrypt.lookup(".text")).getText());
                assertEquals(AccessibleNames.plain(encrypt), shown);
                assertTrue(shown.contains("private_key.pem"), shown);
            }
        }
        assertEquals(List.of(), problems);
    }

    private void check(String state, List<String> problems) {
        WaitForAsyncUtils.waitForFxEvents();
        List<String> now = fx(() -> MnemonicAudit.problemsOnScreen(scene));
        now.forEach(p -> problems.add(state + ": " + p));
        if (!now.isEmpty()) {
            System.out.println("MNEMONICS " + state + ": " + fx(() -> MnemonicAudit.onScreen(scene)));
        }
    }

    private static <T> T fx(java.util.concurrent.Callable<T> work) {
        try {
            return WaitForAsyncUtils.asyncFx(work).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
