package dev.ssosetup.app;

import javafx.stage.Stage;
import org.testfx.framework.junit5.Start;

import java.util.Locale;

/** The same walk in German: the German bundle's mnemonics follow the same rules (issue 16). */
class GermanMnemonicsTest extends MnemonicsTest {
    @Start
    @Override
    void start(Stage stage) { // TestFX runs the @Start of the test class itself only
        super.start(stage);
    }

    @Override
    protected Locale locale() {
        return Locale.GERMAN;
    }
}
