package dev.ssosetup.build;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The message bundles and the code agree (after JabRef's LocalizationConsistencyTest): every key the code or an FXML
 * view names exists in every bundle, no bundle holds a key nothing uses, and every translation has exactly the keys of
 * the base bundle. A key is "used" when it appears as a string literal in {@code src/main/java}, as {@code %key} in an
 * FXML view, or starts with a literal prefix the code completes at run time ({@code "provider.invalid." + reason}).
 */
class LocalizationConsistencyTest {
    private static final Path I18N = Path.of("src/main/resources/i18n");
    private static final Pattern LITERAL = Pattern.compile("\"([a-z][A-Za-z0-9]*(?:\\.[A-Za-z0-9_-]+)+)\"");
    private static final Pattern PREFIX = Pattern.compile("\"([a-z][A-Za-z0-9]*(?:\\.[A-Za-z0-9_-]+)*\\.)\"\\s*\\+");
    /** picocli's look-up in the bundle, {@code "${bundle:cli.help.x}"} in a {@code @Command}: must exist. */
    private static final Pattern PICOCLI_BUNDLE = Pattern.compile("\\$\\{bundle:([A-Za-z0-9_.-]+)}");
    private static final Pattern FXML_KEY = Pattern.compile("\"%([A-Za-z][A-Za-z0-9_.-]+)\"");
    /** {@code messages.get("key"}, {@code Messages} calls and {@code resources.getString("key")}: must exist. */
    private static final Pattern LOOKUP = Pattern.compile(
            "(?:messages|msg|bundle|resources)\\(?\\)?\\.(?:get|getString)\\(\\s*\"([^\"]+)\"\\s*[,)]");

    private static Properties bundle(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    private static List<Path> files(Path root, String suffix) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        }
    }

    private static Set<String> keys(Properties p) {
        return new TreeSet<>(p.stringPropertyNames());
    }

    @Test
    void everyKeyTheCodeNamesExistsAndEveryKeyIsUsed() throws IOException {
        Set<String> bundleKeys = keys(bundle(I18N.resolve("messages.properties")));
        Set<String> literals = new TreeSet<>();
        Set<String> prefixes = new TreeSet<>();
        Set<String> missing = new TreeSet<>();
        for (Path f : files(Path.of("src/main/java"), ".java")) {
            String text = Files.readString(f);
            Matcher m = LITERAL.matcher(text);
            while (m.find()) {
                literals.add(m.group(1));
            }
            m = PREFIX.matcher(text);
            while (m.find()) {
                prefixes.add(m.group(1));
            }
            m = PICOCLI_BUNDLE.matcher(text);
            while (m.find()) {
                literals.add(m.group(1));
                if (!bundleKeys.contains(m.group(1))) {
                    missing.add(m.group(1) + " (" + f.getFileName() + ")");
                }
            }
            m = LOOKUP.matcher(text);
            while (m.find()) {
                if (!bundleKeys.contains(m.group(1))) {
                    missing.add(m.group(1) + " (" + f.getFileName() + ")");
                }
            }
        }
        for (Path f : files(Path.of("src/main/resources"), ".fxml")) {
            Matcher m = FXML_KEY.matcher(Files.readString(f));
            while (m.find()) {
                literals.add(m.group(1));
                if (!bundleKeys.contains(m.group(1))) {
                    missing.add(m.group(1) + " (" + f.getFileName() + ")");
                }
            }
        }
        assertEquals(Set.of(), missing, "keys named in code or FXML that no bundle has");
        List<String> unused = new ArrayList<>();
        for (String key : bundleKeys) {
            if (!literals.contains(key) && prefixes.stream().noneMatch(key::startsWith)) {
                unused.add(key);
            }
        }
        assertEquals(List.of(), unused, "bundle keys that nothing uses (remove them, or use them)");
    }

    @Test
    void everyTranslationHasExactlyTheBaseKeys() throws IOException {
        Set<String> base = keys(bundle(I18N.resolve("messages.properties")));
        assertTrue(base.size() > 100, "the base bundle was read");
        for (Path f : files(I18N, ".properties")) {
            if (f.getFileName().toString().equals("messages.properties")) {
                continue;
            }
            Set<String> translated = keys(bundle(f));
            Set<String> lacking = new TreeSet<>(base);
            lacking.removeAll(translated);
            Set<String> extra = new TreeSet<>(translated);
            extra.removeAll(base);
            assertEquals(Set.of(), lacking, f.getFileName() + " lacks keys");
            assertEquals(Set.of(), extra, f.getFileName() + " has keys the base bundle does not");
        }
    }
}
