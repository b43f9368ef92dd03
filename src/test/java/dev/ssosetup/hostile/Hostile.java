package dev.ssosetup.hostile;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * What every hostile-input property asserts, in one place: the parser returns within a deadline (no hang), nothing
 * unchecked escapes (an unchecked exception is a bug: the operator would see a crash or a stack trace), and the text
 * it produces for the operator carries no Java stack trace or exception class name. Also the raw material the
 * properties mutate: odd JSON values, odd numbers, odd strings.
 */
public final class Hostile {
    /**
     * One parse, or one login attempt (whose own timeout is 4 s): far more than an honest one takes on a loaded
     * machine, far less than "hung".
     */
    public static final Duration DEADLINE = Duration.ofSeconds(12);

    private static final ExecutorService RUNNER = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "hostile-input");
        t.setDaemon(true);
        return t;
    });

    /** A stack frame line, or a fully qualified exception/error class name as Java prints them. */
    private static final Pattern STACK = Pattern.compile(
            "(?m)(^\\s*at [\\w.$/]+\\([^)]*\\))|\\b(java|javax|jdk|sun|com|org|net|dev|kotlin)\\.[\\w.$]+(Exception|Error)\\b");

    private Hostile() {
    }

    /**
     * Runs {@code parse} on another thread with {@link #DEADLINE}. Returns its value; a checked exception is returned
     * (documented failures are allowed, the caller checks their message); an unchecked one or a timeout fails the try
     * naming the input.
     */
    public static <T> Outcome<T> run(String inputForHumans, Callable<T> parse) {
        java.util.concurrent.atomic.AtomicReference<Thread> worker = new java.util.concurrent.atomic.AtomicReference<>();
        Future<T> f = RUNNER.submit(() -> {
            worker.set(Thread.currentThread());
            return parse.call();
        });
        try {
            return new Outcome<>(f.get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS), null);
        } catch (TimeoutException e) {
            // where it hangs, for whoever has to fix it: the stuck thread's stack
            Thread t = worker.get();
            StringBuilder where = new StringBuilder();
            if (t != null) {
                for (StackTraceElement frame : t.getStackTrace()) {
                    where.append("\n    at ").append(frame);
                }
            }
            f.cancel(true);
            return fail("no answer within " + DEADLINE.toSeconds() + " s (hang) for input: " + shorten(inputForHumans)
                    + where);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException || cause instanceof Error) {
                throw new AssertionError("unchecked " + cause.getClass().getName() + " escaped for input: "
                        + shorten(inputForHumans), cause);
            }
            return new Outcome<>(null, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted");
        }
    }

    /** The result of one run: a value, or a checked exception. */
    public record Outcome<T>(T value, Throwable checked) {
        public T valueOrFail(String input) {
            if (checked != null) {
                throw new AssertionError("checked " + checked.getClass().getName() + " where a value was expected for "
                        + shorten(input), checked);
            }
            return value;
        }
    }

    /** Fails when {@code text} (a message meant for the operator) carries a stack trace or exception class. */
    public static void assertNoStackTrace(String text, String input) {
        if (text == null) {
            return;
        }
        var m = STACK.matcher(text);
        if (m.find()) {
            fail("operator text carries Java internals \"" + m.group() + "\": " + shorten(text) + "\n  for input: "
                    + shorten(input));
        }
    }

    /** A checked failure must say something an operator can read, without Java internals. */
    public static void assertClearMessage(Throwable checked, String input) {
        String message = checked.getMessage();
        if (message == null || message.isBlank()) {
            fail(checked.getClass().getName() + " without a message for input: " + shorten(input));
        }
        assertNoStackTrace(message, input);
    }

    public static String shorten(String s) {
        if (s == null) {
            return "null";
        }
        String flat = s.replace("\n", "\\n").replace("\r", "\\r");
        return flat.length() > 300 ? flat.substring(0, 300) + "…(" + s.length() + " chars)" : flat;
    }

    // ---- raw material

    /** Numbers a JSON parser might choke on: huge, tiny, long, signed zero, exponent overflow. */
    public static Arbitrary<String> oddNumbers() {
        return Arbitraries.oneOf(
                Arbitraries.of("0", "-0", "1e999999999", "-1e999999999", "1e-999999999", "1.7976931348623157E309",
                        "9223372036854775808", "-9223372036854775809", "0.0000000000000000000000001", "1E+2",
                        "00", "01", "1.", ".5", "+1", "NaN", "Infinity", "-Infinity", "0x10"),
                Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(3000),
                Arbitraries.longs().map(String::valueOf),
                Arbitraries.doubles().map(String::valueOf));
    }

    /** Strings with control characters, surrogates, quotes and backslashes (JSON-escaped or deliberately not). */
    public static Arbitrary<String> oddStrings() {
        Arbitrary<String> any = Arbitraries.strings().all().ofMaxLength(60);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, any.map(Hostile::quote)),
                net.jqwik.api.Tuple.of(2, Arbitraries.of("\"\\ud800\"", "\"\\udc00\\ud800\"", "\"\\u0000\"", "\"\\x41\"",
                        "\"\\", "\"abc", "\"\t\"", "\"https://idp.example.com/\\u202e/evil\"", "\"\"")));
    }

    /** One very long string value (a provider echoing a whole page into a member). */
    public static Arbitrary<String> hugeString() {
        return Arbitraries.integers().between(10_000, 100_000).map(n -> quote("x".repeat(n)));
    }

    /** Arbitrary JSON values up to {@code depth}, including wrong types for every member. */
    public static Arbitrary<String> jsonValues(int depth) {
        Arbitrary<String> leaf = Arbitraries.oneOf(oddNumbers(), oddStrings(),
                Arbitraries.of("true", "false", "null", "{}", "[]", "[null]", "{\"\":null}"));
        if (depth <= 0) {
            return leaf;
        }
        Arbitrary<String> inner = Arbitraries.lazy(() -> jsonValues(depth - 1));
        Arbitrary<String> array = inner.list().ofMaxSize(4).map(l -> "[" + String.join(",", l) + "]");
        Arbitrary<String> object = Arbitraries.maps(oddStrings(), inner).ofMaxSize(4).map(m -> {
            List<String> parts = new ArrayList<>();
            m.forEach((k, v) -> parts.add(k + ":" + v));
            return "{" + String.join(",", parts) + "}";
        });
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, leaf), net.jqwik.api.Tuple.of(2, array), net.jqwik.api.Tuple.of(2, object),
                net.jqwik.api.Tuple.of(1, deepNesting()));
    }

    /** Nesting far deeper than any document has: a parser must refuse it, not overflow the stack. */
    public static Arbitrary<String> deepNesting() {
        return Arbitraries.integers().between(1_100, 20_000).flatMap(n -> Arbitraries.of(
                "[".repeat(n) + "]".repeat(n),
                "{\"a\":".repeat(n) + "1" + "}".repeat(n),
                "[".repeat(n)));
    }

    /** JSON string literal, escaped the way a correct producer would. */
    public static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    /** Text-level damage to a valid document: truncate, insert, delete, flip one character. */
    public static Arbitrary<String> damaged(String valid) {
        int n = valid.length();
        Arbitrary<Integer> pos = Arbitraries.integers().between(0, Math.max(0, n - 1));
        return Arbitraries.oneOf(
                pos.map(p -> valid.substring(0, p)),
                Arbitraries.integers().between(1, 5).flatMap(k -> pos.list().ofSize(k).map(ps -> {
                    StringBuilder b = new StringBuilder(valid);
                    for (int p : ps) {
                        if (p < b.length()) {
                            b.deleteCharAt(p);
                        }
                    }
                    return b.toString();
                })),
                net.jqwik.api.Combinators.combine(pos, Arbitraries.chars().all()).as((p, c) ->
                        valid.substring(0, p) + c + valid.substring(p)),
                net.jqwik.api.Combinators.combine(pos, Arbitraries.chars().all()).as((p, c) ->
                        valid.substring(0, p) + c + valid.substring(Math.min(n, p + 1))),
                Arbitraries.just(valid + valid),
                Arbitraries.just(valid.replace("\"", "'")));
    }

    /**
     * Mutations of a valid JSON document: one to three values anywhere in the tree (members or array items) replaced
     * by raw hostile JSON ({@link #jsonValues}), text-level damage, or something else entirely.
     */
    public static Arbitrary<String> jsonMutations(String validJson) {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.JsonNode tree;
        try {
            tree = json.readTree(validJson);
        } catch (Exception e) {
            throw new IllegalArgumentException("the seed is not JSON", e);
        }
        List<String> paths = new ArrayList<>();
        collectPaths(tree, "", paths);
        Arbitrary<String> values = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(30, jsonValues(2)), net.jqwik.api.Tuple.of(1, hugeString()));
        Arbitrary<String> replaced = net.jqwik.api.Combinators.combine(
                Arbitraries.of(paths).list().ofMinSize(1).ofMaxSize(3), values.list().ofSize(3)).as((ps, vs) -> {
                    com.fasterxml.jackson.databind.JsonNode copy = tree.deepCopy();
                    for (int i = 0; i < ps.size(); i++) {
                        setAt(copy, ps.get(i), "@@FUZZ" + i + "@@");
                    }
                    String text = copy.toString();
                    for (int i = 0; i < ps.size(); i++) {
                        text = text.replace("\"@@FUZZ" + i + "@@\"", vs.get(i));
                    }
                    return text;
                });
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, replaced),
                net.jqwik.api.Tuple.of(3, damaged(validJson)),
                net.jqwik.api.Tuple.of(1, jsonValues(3)),
                net.jqwik.api.Tuple.of(1, deepNesting()));
    }

    private static void collectPaths(com.fasterxml.jackson.databind.JsonNode node, String path, List<String> out) {
        if (node.isObject()) {
            node.properties().forEach(e -> {
                String p = path + "/" + e.getKey().replace("~", "~0").replace("/", "~1");
                out.add(p);
                collectPaths(e.getValue(), p, out);
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                out.add(path + "/" + i);
                collectPaths(node.get(i), path + "/" + i, out);
            }
        }
    }

    private static void setAt(com.fasterxml.jackson.databind.JsonNode root, String pointer, String marker) {
        int cut = pointer.lastIndexOf('/');
        com.fasterxml.jackson.databind.JsonNode parent = root.at(pointer.substring(0, cut));
        String last = pointer.substring(cut + 1).replace("~1", "/").replace("~0", "~");
        if (parent instanceof com.fasterxml.jackson.databind.node.ObjectNode o) {
            o.put(last, marker);
        } else if (parent instanceof com.fasterxml.jackson.databind.node.ArrayNode a) {
            int i = Integer.parseInt(last);
            if (i < a.size()) {
                a.set(i, com.fasterxml.jackson.databind.node.TextNode.valueOf(marker));
            }
        }
    }
}
