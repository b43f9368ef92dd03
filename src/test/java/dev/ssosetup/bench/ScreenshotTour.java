package dev.ssosetup.bench;

import javafx.scene.Scene;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The README's screenshots: walks the real wizard through its five steps with realistic state ({@link StepTour}: a
 * mock provider, a passed login test, generated keys, a push to a test OpenMetadata) and saves each step in the light
 * and the dark theme as {@code step-<n>-<id>-<theme>.png} ({@code -<lang>} added for a language other than English).
 * Run by {@code scripts/shots.sh} under Xvfb; it runs only when {@code -Dshots.out=DIR} is given.
 * {@code -Dshots.size=WxH} (default 1280x860), {@code -Dshots.lang=de}.
 */
@EnabledIfSystemProperty(named = "shots.out", matches = ".+")
@ExtendWith(ApplicationExtension.class)
class ScreenshotTour {
    private static final List<String> NAMES = List.of("provider", "login-test", "keys", "review", "push");
    private final String lang = System.getProperty("shots.lang", "en");
    private StepTour tour;
    private Scene scene;

    @Start
    void start(Stage stage) {
        Locale.setDefault(Locale.forLanguageTag(lang));
        tour = new StepTour("theme=LIGHT\n");
        String[] size = System.getProperty("shots.size", "1280x860").split("x");
        scene = new Scene(tour.view(), Double.parseDouble(size[0]), Double.parseDouble(size[1]));
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stop() {
        tour.close();
    }

    @Test
    void takeEveryStepInBothThemes(FxRobot robot) throws Exception {
        Path out = Files.createDirectories(Path.of(System.getProperty("shots.out")));
        javafx.scene.Parent content = (javafx.scene.Parent) scene.lookup(".step-content");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> content.getChildrenUnmodifiable().size() == 5);
        for (int step = 0; step < NAMES.size(); step++) {
            tour.to(step, robot);
            for (String theme : List.of("light", "dark")) {
                theme(robot, theme);
                String name = "step-" + (step + 1) + "-" + NAMES.get(step) + "-" + theme
                        + ("en".equals(lang) ? "" : "-" + lang) + ".png";
                save(robot, out.resolve(name));
                System.out.println("SHOT " + out.resolve(name));
            }
            theme(robot, "light");
        }
    }

    /** View > Theme > Light or Dark, as the operator chooses it. */
    private void theme(FxRobot robot, String theme) {
        MenuBar bar = robot.lookup("#menuBar").queryAs(MenuBar.class);
        MenuItem item = find(bar.getMenus(), "theme" + theme.toUpperCase(Locale.ROOT));
        robot.interact(item::fire);
    }

    private static MenuItem find(List<? extends MenuItem> items, String id) {
        for (MenuItem i : items) {
            if (id.equals(i.getId())) {
                return i;
            }
            if (i instanceof Menu m) {
                MenuItem inner = find(m.getItems(), id);
                if (inner != null) {
                    return inner;
                }
            }
        }
        return null;
    }

    private void save(FxRobot robot, Path file) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(400); // let a scroll or a changed theme settle over a few pulses
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage image = WaitForAsyncUtils.asyncFx(() -> scene.snapshot(null)).get(30, TimeUnit.SECONDS);
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        BufferedImage png = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                png.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        if (!ImageIO.write(png, "png", file.toFile())) {
            throw new IOException("no PNG writer");
        }
    }
}
