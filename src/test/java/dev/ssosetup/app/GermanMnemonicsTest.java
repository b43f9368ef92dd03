package dev.ssosetup.app;

import java.util.Locale;

/** The same walk in German: the German bundle's mnemonics follow the same rules (issue 16). */
class GermanMnemonicsTest extends MnemonicsTest {
    @Override
    protected Locale locale() {
        return Locale.GERMAN;
    }
}
