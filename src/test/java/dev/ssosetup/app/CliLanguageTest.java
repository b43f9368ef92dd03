package dev.ssosetup.app;

import dev.ssosetup.core.diagnostics.LogSource;
import dev.ssosetup.core.provider.MockIdp;
import dev.ssosetup.core.text.Messages;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The command line speaks the operator's language (ADR 0020): {@code --lang de|en} before or after the subcommand,
 * the system's language otherwise, the help included; any other language is refused with a clear message.
 */
class CliLanguageTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(Messages system, String... args) {
        CommandLine cl = CompositionRoot.forCli(LogSource.none(), system).commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    private int run(String... args) {
        return run(Messages.forLocale(Locale.ENGLISH), args);
    }

    @Test
    void discoverSpeaksGermanWithLangDeBeforeOrAfterTheCommand() {
        try (MockIdp mock = new MockIdp()) {
            assertEquals(0, run("--lang", "de", "discover", "--issuer", mock.issuer()), err::toString);
            String before = out.toString();
            assertTrue(before.contains("0 Fehler, 1 Warnung: für OpenMetadata verwendbar."), before);
            assertTrue(before.contains("Issuer:     " + mock.issuer()), before);
            assertFalse(before.contains("usable for OpenMetadata"), before);
            out.getBuffer().setLength(0);
            assertEquals(0, run("discover", "--issuer", mock.issuer(), "--lang", "de"), err::toString);
            assertEquals(before, out.toString(), "--lang after the command does the same");
        }
    }

    @Test
    void anErrorPathSpeaksGerman() {
        assertEquals(2, run("discover", "--lang", "de", "--issuer", "not-a-url"));
        String e = err.toString();
        assertTrue(e.contains("--issuer: „not-a-url“ ist keine http(s)-URL mit Host"), e);
        assertTrue(e.contains("Aufruf: sso-setup discover"), "the usage after it is German too: " + e);
        assertFalse(e.contains("is not an http(s) URL"), e);
    }

    @Test
    void picocliUsageErrorsSpeakGermanToo() {
        assertEquals(2, run("--lang", "de", "push", "--config", "x.json"));
        assertTrue(err.toString().startsWith("Pflichtoption fehlt: '--server=URL'"), err::toString);
        err.getBuffer().setLength(0);
        assertEquals(2, run("discover", "--lang", "de", "--issuer", "https://idp.example.com", "--frobnicate"));
        assertTrue(err.toString().startsWith("Unbekannte Option oder unbekanntes Argument: '--frobnicate'"),
                err::toString);
        err.getBuffer().setLength(0);
        assertEquals(2, run("push", "--config", "x.json"));
        assertTrue(err.toString().startsWith("Missing required option: '--server=URL'"), err::toString);
    }

    @Test
    void theSystemLanguageIsTheDefaultAndLangEnOverridesIt() {
        Messages german = Messages.forLocale(Locale.GERMAN);
        try (MockIdp mock = new MockIdp()) {
            assertEquals(0, run(german, "discover", "--issuer", mock.issuer()), err::toString);
            assertTrue(out.toString().contains("für OpenMetadata verwendbar"), out::toString);
            out.getBuffer().setLength(0);
            assertEquals(0, run(german, "--lang", "en", "discover", "--issuer", mock.issuer()), err::toString);
            assertTrue(out.toString().contains("0 errors, 1 warning: usable for OpenMetadata."), out::toString);
        }
    }

    @Test
    void anUnknownLanguageIsRefusedNamingTheChoices() {
        assertEquals(2, run("--lang", "xx", "discover", "--issuer", "https://idp.example.com"));
        assertTrue(err.toString().contains("--lang: \"xx\" is not a language of this tool; use one of: en, de."),
                err::toString);
        assertEquals("", out.toString(), "nothing ran");
    }

    @Test
    void everyCommandHasItsHelpInEnglishAndInGerman() {
        CommandLine cl = CompositionRoot.forCli(LogSource.none(), Messages.forLocale(Locale.ENGLISH)).commandLine();
        List<CommandLine> all = new ArrayList<>();
        collect(cl, all);
        assertTrue(all.size() >= 14, "every command and subcommand: " + all.size());
        List<String> english = new ArrayList<>();
        for (CommandLine c : all) {
            english.add(c.getUsageMessage(CommandLine.Help.Ansi.OFF));
        }
        cl.setResourceBundle(Messages.forLocale(Locale.GERMAN).bundle());
        for (int i = 0; i < all.size(); i++) {
            CommandLine c = all.get(i);
            String en = english.get(i);
            String de = c.getUsageMessage(CommandLine.Help.Ansi.OFF);
            String name = c.getCommandSpec().qualifiedName();
            assertTrue(en.startsWith("Usage: ") && de.startsWith("Aufruf: "), name + ":\n" + en + "\n" + de);
            assertFalse(c.getCommandSpec().usageMessage().description().length == 0
                    || c.getCommandSpec().usageMessage().description()[0].isBlank(), name + " has a description");
            assertFalse(en.contains("${bundle") || de.contains("${bundle"), name + ": a key not looked up");
            assertNotEquals(en.replace("Usage: ", ""), de.replace("Aufruf: ", ""), name + " is translated");
            c.getCommandSpec().options().forEach(o -> assertTrue(o.description().length > 0
                    && !o.description()[0].isBlank(), name + " " + o.longestName() + " has a description"));
        }
    }

    private static void collect(CommandLine c, List<CommandLine> into) {
        into.add(c);
        c.getSubcommands().values().forEach(s -> collect(s, into));
    }
}
