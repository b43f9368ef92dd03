package dev.ssosetup.build;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No operator sentence is written in {@code cli} or {@code core} code: every one is a key of
 * {@code i18n/messages.properties} (ADR 0008, ADR 0020). The test reads every string literal (comments skipped) and
 * fails on one that looks like prose, two words with a space between them, one test per package so that the report
 * says where. Allowed: log messages ({@code System.Logger}), exception messages that never reach the operator
 * (programming errors: {@code IllegalStateException}, {@code AssertionError}, {@code UnsupportedOperationException},
 * {@code requireNonNull}) and the short {@link #ALLOWED} list of protocol words and stored data.
 */
class OperatorProseInCodeTest {
    private static final Path MAIN = Path.of("src/main/java/dev/ssosetup");
    /** Two words (letters) with blanks between them: "is not", "Open this" (not a flag's "--token-file FILE"). */
    private static final Pattern PROSE = Pattern.compile("(?<![\\p{L}\\-_/.])\\p{L}{2,}[,.;:!?)]?[ \\t]+\\(?\\p{L}{2,}");
    /** A line that hands the literal to the log or to an exception the operator never sees. */
    private static final Pattern NOT_FOR_THE_OPERATOR = Pattern.compile(
            "\\.log\\(|Logger|new IllegalStateException\\(|new AssertionError\\(|new UnsupportedOperationException\\("
                    + "|requireNonNull\\(");

    /** Literals that are not prose for the operator, each with why. */
    private static final Map<String, String> ALLOWED = Map.ofEntries(
            // protocol words: the default scopes as OpenID Connect spells them
            Map.entry("openid email profile", "the OpenID Connect scopes, a protocol value"),
            Map.entry("en, de", "the language tags --lang takes (core.text.Language.TAGS)"),
            // SecretCommand and the view models check SecretKey.canKeyClientSecret before, so this never shows
            Map.entry("a remembered client secret needs the issuer and the client ID", "a programming error"),
            // the keychain item's label is stored data, the same in every language (Secret Service, Keychain)
            Map.entry("SSO Setup Console: client secret of ", "keychain item label, stored data"),
            Map.entry("SSO Setup Console: admin token for ", "keychain item label, stored data"),
            Map.entry("client ID ", "keychain item label, stored data"),
            Map.entry("OpenMetadata at ", "keychain item label, stored data"),
            // words read, not written: the operating system's reasons Problem recognises, a PEM marker, a pattern
            Map.entry("no space left", "an operating system's reason, matched"),
            Map.entry("not enough space", "an operating system's reason, matched"),
            Map.entry("quota exceeded", "an operating system's reason, matched"),
            Map.entry("PRIVATE KEY", "the PEM marker a credentials file is checked for"),
            Map.entry("PUBLIC KEY", "the PEM type core.keys.KeyEncodings writes into public_key.pem"),
            Map.entry("-----BEGIN [A-Z ]*PRIVATE KEY-----.*?(-----END [A-Z ]*PRIVATE KEY-----|\\z)",
                    "LogRedaction's pattern"),
            // the preset's display name, written into the configuration (CUSTOM_OIDC_AUTHENTICATION_PROVIDER_NAME)
            Map.entry("Custom OIDC", "a provider name OpenMetadata shows, stored data"),
            Map.entry("Microsoft Entra ID", "a product name OpenMetadata shows, stored data"),
            Map.entry("Amazon Cognito", "a product name OpenMetadata shows, stored data"),
            // shell commands in the Helm values' comments: typed as they are, in every language
            Map.entry("helm upgrade --install openmetadata open-metadata/openmetadata --version ", "a command"),
            Map.entry("  kubectl create secret generic ", "a command"),
            Map.entry("  rm client-secret.txt", "a command"),
            Map.entry("kubectl create secret generic openmetadata-jwt-keys --from-file private_key.der "
                    + "--from-file public_key.der", "a command (core.keys.KeyDocuments, openmetadata-jwt.txt)"),
            Map.entry("openssl pkey -pubin -inform DER -in public_key.der -outform DER | sha256sum",
                    "a command (core.keys.KeyDocuments, key-info.txt)"),
            // a provider's error text, matched (core.login.ProviderErrorHints, IdTokenCheck), never shown by us
            Map.entry("response type", "a provider's words, matched"),
            Map.entry("code challenge", "a provider's words, matched"),
            Map.entry("code verifier", "a provider's words, matched"),
            Map.entry("authorized party", "a library's words, matched"),
            // the phrase the operator types to push without a passed admin login test (LockoutGuard): a typed value,
            // the same in every language so that instructions and scripts stay valid; the UI shows it as a value
            Map.entry("I accept that this can lock every admin out", "a typed phrase, stable across languages"),
            Map.entry("openssl pkcs8 -topk8 -v2 aes-256-cbc", "a command, typed as it is in every language"),
            // the header line java.util.Properties writes into the preferences file
            Map.entry("SSO Setup Console preferences", "a comment in the preferences file"));

    @TestFactory
    Stream<DynamicTest> noOperatorProseInCliOrCore() throws IOException {
        Map<String, List<String>> byPackage = new TreeMap<>();
        List<Path> roots = List.of(MAIN.resolve("cli"), MAIN.resolve("core"));
        for (Path root : roots) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                    String pkg = MAIN.relativize(f.getParent()).toString().replace('/', '.');
                    List<String> found = byPackage.computeIfAbsent(pkg, k -> new ArrayList<>());
                    String source = Files.readString(f);
                    for (Literal l : literals(source)) {
                        String line = lineOf(source, l.offset());
                        if (PROSE.matcher(l.text()).find() && !ALLOWED.containsKey(l.text())
                                && !NOT_FOR_THE_OPERATOR.matcher(line).find()) {
                            found.add(f.getFileName() + ":" + l.line() + " \"" + l.text() + "\"");
                        }
                    }
                }
            }
        }
        assertTrue(byPackage.keySet().containsAll(Set.of("cli", "core.text")), byPackage.keySet()::toString);
        return byPackage.entrySet().stream().map(e -> DynamicTest.dynamicTest("dev.ssosetup." + e.getKey(),
                () -> assertEquals(List.of(), e.getValue(), "operator prose in code in dev.ssosetup." + e.getKey()
                        + ": move it to i18n/messages.properties (and German) and pass a key or a core.text.Text")));
    }

    @TestFactory
    Stream<DynamicTest> theScannerFindsProseAndSkipsComments() {
        return Stream.of(
                DynamicTest.dynamicTest("a sentence is found", () -> assertEquals(List.of("Open this URL to sign in: "),
                        literals("x(\"Open this URL to sign in: \");").stream().map(Literal::text)
                                .filter(t -> PROSE.matcher(t).find()).toList())),
                DynamicTest.dynamicTest("a key, a flag, a format are not prose", () -> assertEquals(List.of(),
                        literals("m.get(\"cli.push.plan\", \"--token-file\", \"%-8s %s%n\", \"a\\\"b\");").stream()
                                .map(Literal::text).filter(t -> PROSE.matcher(t).find()).toList())),
                DynamicTest.dynamicTest("comments and text in them are skipped", () -> assertEquals(List.of("k.x"),
                        literals("// \"Not this one\"\n/* \"nor this\" */ f(\"k.x\"); /** \"nor\" */").stream()
                                .map(Literal::text).toList())),
                DynamicTest.dynamicTest("text blocks are read", () -> assertEquals(List.of("Two words\n"),
                        literals("s = \"\"\"\n    Two words\n    \"\"\";").stream().map(Literal::text).toList())));
    }

    record Literal(String text, int line, int offset) {
    }

    /** The string literals of {@code source} (text blocks too), unescaped enough to read, comments skipped. */
    static List<Literal> literals(String source) {
        List<Literal> out = new ArrayList<>();
        int i = 0;
        int line = 1;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (c == '\n') {
                line++;
                i++;
            } else if (source.startsWith("//", i)) {
                while (i < n && source.charAt(i) != '\n') {
                    i++;
                }
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                line += (int) source.substring(i, end).chars().filter(ch -> ch == '\n').count();
                i = end;
            } else if (c == '\'') {
                i++;
                while (i < n && source.charAt(i) != '\'') {
                    i += source.charAt(i) == '\\' ? 2 : 1;
                }
                i++;
            } else if (source.startsWith("\"\"\"", i)) {
                int start = source.indexOf('\n', i) + 1;
                int end = source.indexOf("\"\"\"", start);
                end = end < 0 ? n : end;
                String raw = source.substring(start, end);
                String text = raw.stripIndent().replace("\\n", "\n").replace("\\\"", "\"");
                out.add(new Literal(text, line, i));
                line += (int) source.substring(i, end).chars().filter(ch -> ch == '\n').count();
                i = end + 3;
            } else if (c == '"') {
                int start = ++i;
                StringBuilder text = new StringBuilder();
                while (i < n && source.charAt(i) != '"') {
                    if (source.charAt(i) == '\\' && i + 1 < n) {
                        char e = source.charAt(i + 1);
                        text.append(e == 'n' ? '\n' : e == 't' ? '\t' : e);
                        i += 2;
                    } else {
                        text.append(source.charAt(i++));
                    }
                }
                out.add(new Literal(text.toString(), line, start));
                i++;
            } else {
                i++;
            }
        }
        return out;
    }

    /** The source line around {@code offset}, and the two before it (a call's arguments often wrap). */
    private static String lineOf(String source, int offset) {
        int start = offset;
        for (int k = 0; k < 3 && start > 0; k++) {
            start = source.lastIndexOf('\n', start - 1);
        }
        int end = source.indexOf('\n', offset);
        return source.substring(Math.max(0, start), end < 0 ? source.length() : end);
    }
}
