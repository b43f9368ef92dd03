package dev.ssosetup.build;

import dev.ssosetup.core.text.Messages;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ChoiceFormat;
import java.text.Format;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every translation is a pattern of the same shape as the English one (issue 13): the same {@code {n}} arguments with
 * the same formats (number, choice with the same limits), choice formats that parse and format, quotes that
 * {@code MessageFormat} does not swallow, and the file read as UTF-8 (umlauts intact).
 */
class TranslationFormatTest {
    private static final Path I18N = Path.of("src/main/resources/i18n");
    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)");

    private static Properties read(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    private static List<Path> translations() throws IOException {
        try (var files = Files.list(I18N)) {
            return files.filter(f -> f.getFileName().toString().matches("messages_[a-z]{2}(_[A-Z]{2})?\\.properties"))
                    .sorted().toList();
        }
    }

    private static Locale localeOf(Path file) {
        String name = file.getFileName().toString();
        return Locale.forLanguageTag(name.substring("messages_".length(), name.length() - ".properties".length())
                .replace('_', '-'));
    }

    /** A pattern is formatted with arguments (MessageFormat) when the English one names one: {0}, {1,number}... */
    private static boolean formatted(String english) {
        return ARGUMENT.matcher(english).find();
    }

    /** The argument indexes a pattern names, outside quoted text (choice sub-patterns included). */
    static TreeSet<Integer> arguments(String pattern) {
        String unquoted = pattern.replace("''", "").replaceAll("'[^']*'", "");
        TreeSet<Integer> found = new TreeSet<>();
        Matcher m = ARGUMENT.matcher(unquoted);
        while (m.find()) {
            found.add(Integer.parseInt(m.group(1)));
        }
        return found;
    }

    /** The kind of format per argument index: "-" for plain, "number" or "choice[limits]". */
    static List<String> formats(String pattern, Locale locale) {
        Format[] formats = new MessageFormat(pattern, locale).getFormatsByArgumentIndex();
        List<String> kinds = new ArrayList<>();
        for (Format f : formats) {
            kinds.add(f == null ? "-" : f instanceof ChoiceFormat c ? "choice" + Arrays.toString(c.getLimits())
                    : f.getClass().getSimpleName());
        }
        return kinds;
    }

    private static long underscores(String text) {
        return text.chars().filter(c -> c == '_').count();
    }

    private static Object[] samples(String pattern, Locale locale, double value) {
        Format[] formats = new MessageFormat(pattern, locale).getFormatsByArgumentIndex();
        Object[] args = new Object[Math.max(formats.length, 10)];
        for (int i = 0; i < args.length; i++) {
            args[i] = i < formats.length && formats[i] != null ? (Object) value : "ARG" + i;
        }
        return args;
    }

    @Test
    void everyTranslationHasTheArgumentsAndFormatsOfTheEnglishPattern() throws IOException {
        Properties english = read(I18N.resolve("messages.properties"));
        List<Path> files = translations();
        assertTrue(files.stream().anyMatch(f -> f.getFileName().toString().equals("messages_de.properties")),
                "the German bundle exists");
        List<String> problems = new ArrayList<>();
        for (Path file : files) {
            Locale locale = localeOf(file);
            Properties translated = read(file);
            for (String key : new TreeSet<>(english.stringPropertyNames())) {
                String en = english.getProperty(key);
                String tr = translated.getProperty(key);
                if (tr == null) {
                    continue; // LocalizationConsistencyTest names missing keys
                }
                String where = file.getFileName() + " " + key + ": ";
                // a label, button or menu keeps its mnemonic (one underscore), and no text gains one
                if (en.length() <= 60 && underscores(en) != underscores(tr)) {
                    problems.add(where + underscores(tr) + " underscores (mnemonic), English has " + underscores(en));
                }
                if (!formatted(en)) {
                    // shown as written: no {n} and no doubled quote (it would show as two quotes)
                    if (formatted(tr)) {
                        problems.add(where + "names an argument the English text has not: " + tr);
                    }
                    if (tr.contains("''")) {
                        problems.add(where + "'' shows as two quotes in a text without arguments");
                    }
                    continue;
                }
                if (!arguments(en).equals(arguments(tr))) {
                    problems.add(where + "arguments " + arguments(tr) + ", English has " + arguments(en));
                }
                List<String> enFormats;
                List<String> trFormats;
                try {
                    enFormats = formats(en, Locale.ENGLISH);
                    trFormats = formats(tr, locale);
                } catch (IllegalArgumentException e) {
                    problems.add(where + "does not parse: " + e.getMessage());
                    continue;
                }
                if (!enFormats.equals(trFormats)) {
                    problems.add(where + "formats " + trFormats + ", English has " + enFormats);
                }
                // a lone quote starts quoted text and swallows what follows: the quotes must match the English ones
                if (en.replace("''", "").chars().filter(c -> c == '\'').count()
                        != tr.replace("''", "").chars().filter(c -> c == '\'').count()) {
                    problems.add(where + "single quotes differ from the English pattern (write '' for an apostrophe)");
                }
                for (double value : new double[] {0, 1, 2, 7}) {
                    try {
                        String out = new MessageFormat(tr, locale).format(samples(tr, locale, value));
                        if (out.matches("(?s).*\\{\\d.*")) {
                            problems.add(where + "leaves an argument unformatted: " + out);
                        }
                    } catch (IllegalArgumentException e) {
                        problems.add(where + "does not format " + value + ": " + e.getMessage());
                    }
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    /** A text shown as written (no arguments) writes an apostrophe once: '' would show as two. */
    @Test
    void theEnglishBundleDoublesQuotesOnlyInPatternsWithArguments() throws IOException {
        Properties english = read(I18N.resolve("messages.properties"));
        List<String> doubled = new ArrayList<>();
        for (String key : new TreeSet<>(english.stringPropertyNames())) {
            String en = english.getProperty(key);
            if (!formatted(en) && en.contains("''")) {
                doubled.add(key);
            }
        }
        assertEquals(List.of(), doubled);
    }

    /** The bundles merge by union (.gitattributes): a key written twice would silently take the last text. */
    @Test
    void noBundleHasAKeyTwice() throws IOException {
        List<String> twice = new ArrayList<>();
        try (var files = Files.list(I18N)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".properties")).sorted().toList()) {
                java.util.Set<String> keys = new java.util.HashSet<>();
                for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                    String l = line.strip();
                    if (l.isEmpty() || l.startsWith("#") || l.startsWith("!")) {
                        continue;
                    }
                    String key = l.split("\\s*[=:]", 2)[0].strip();
                    if (!keys.add(key)) {
                        twice.add(f.getFileName() + ": " + key);
                    }
                }
            }
        }
        assertEquals(List.of(), twice);
    }

    @Test
    void theGermanBundleIsReadAsUtf8ByTheApp() throws IOException {
        Properties utf8 = read(I18N.resolve("messages_de.properties"));
        Messages german = Messages.forLocale(Locale.GERMAN);
        assertEquals(Locale.GERMAN, german.locale());
        List<String> differ = new ArrayList<>();
        int umlauts = 0;
        for (String key : utf8.stringPropertyNames()) {
            String shown = german.bundle().getString(key);
            if (!shown.equals(utf8.getProperty(key))) {
                differ.add(key + ": " + shown);
            }
            if (shown.matches("(?s).*[äöüÄÖÜß].*")) {
                umlauts++;
            }
        }
        assertEquals(List.of(), differ, "the app reads messages_de.properties as UTF-8");
        assertTrue(umlauts > 50, "the German text has its umlauts (" + umlauts + ")");
        assertEquals("_Zurück", german.get("wizard.back"));
        assertNotEquals(german.get("wizard.back"), Messages.forLocale(Locale.ENGLISH).get("wizard.back"));
        assertEquals("Schritt 2 von 5", german.get("wizard.stepOf", 2, 5));
        assertEquals("1 Fehler, 2 Warnungen: Beheben Sie die Fehler unten und prüfen Sie dann erneut.",
                german.get("provider.check.errors", 1, 2));
        // a German system with a country still gets the German text
        assertEquals("_Zurück", Messages.forLocale(Locale.GERMANY).get("wizard.back"));
    }

    @Test
    void theShapeChecksCatchAMistranslatedPattern() {
        assertNotEquals(arguments("{0} of {1}"), arguments("{0} von {2}"));
        assertNotEquals(formats("{0,choice,0#none|1#one|1<{0} many}", Locale.ENGLISH),
                formats("{0,choice,1#eins|1<{0} viele}", Locale.GERMAN));
        assertNotEquals(formats("{0,number,#} files", Locale.ENGLISH), formats("{0} Dateien", Locale.GERMAN));
        assertEquals(Arrays.asList(0, 1), new ArrayList<>(arguments("It''s {0}: '{'NAME'}' {1}")));
    }
}
