package dev.ssosetup.testsupport;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A private D-Bus session with a real GNOME Keyring (Secret Service) for one test class: {@code dbus-daemon
 * --session} and {@code gnome-keyring-daemon --foreground --components=secrets} (unlocked with a password on
 * standard input, or left without any collection), both with {@code HOME} in a temporary folder. A JVM's environment
 * cannot change after it started, so code that must talk to this keyring runs in a child process started by
 * {@link #run} / {@link #cli} with {@code DBUS_SESSION_BUS_ADDRESS} pointing at this bus.
 *
 * <p>When the tools are missing the test is skipped with a message, except in CI ({@code CI=true}), where it fails:
 * {@code scripts/env.sh} installs {@code dbus}, {@code gnome-keyring} and {@code libsecret-tools}.
 */
public final class KeyringSession implements AutoCloseable {
    public static final String PASSWORD = "keyring-test-password";
    private static final Duration START = Duration.ofSeconds(30);
    private final Path home;
    private final Process bus;
    private final Process keyring;
    private final String address;

    /** The result of a child process. */
    public record Result(int exit, String out, String err) {
        public String all() {
            return out + err;
        }
    }

    private KeyringSession(Path home, boolean unlocked) throws IOException, InterruptedException {
        this.home = home;
        Files.createDirectories(home.resolve("run"));
        ProcessBuilder busBuilder = new ProcessBuilder("dbus-daemon", "--session", "--nofork", "--print-address=1");
        busBuilder.environment().put("HOME", home.toString());
        busBuilder.redirectError(ProcessBuilder.Redirect.DISCARD);
        bus = busBuilder.start();
        address = firstLine(bus.getInputStream());
        if (address.isBlank()) {
            bus.destroy();
            throw new IllegalStateException("dbus-daemon printed no address");
        }
        List<String> cmd = new ArrayList<>(List.of("gnome-keyring-daemon", "--foreground", "--components=secrets"));
        if (unlocked) {
            cmd.add("--unlock");
        }
        ProcessBuilder kb = new ProcessBuilder(cmd);
        kb.environment().putAll(env(true));
        kb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        kb.redirectError(ProcessBuilder.Redirect.DISCARD);
        keyring = kb.start();
        try (OutputStream in = keyring.getOutputStream()) {
            if (unlocked) {
                in.write(PASSWORD.getBytes(StandardCharsets.UTF_8));
            }
        }
        long deadline = System.nanoTime() + START.toNanos();
        while (!ready(unlocked)) {
            if (System.nanoTime() > deadline || !keyring.isAlive()) {
                close();
                throw new IllegalStateException("gnome-keyring-daemon did not come up on the private D-Bus session");
            }
            Thread.sleep(100);
        }
    }

    /** A session with an unlocked default ("login") collection. */
    public static KeyringSession unlocked(Path home) {
        return start(home, true);
    }

    /** A session whose Secret Service has no collection at all (a brand-new keyring). */
    public static KeyringSession withoutCollection(Path home) {
        return start(home, false);
    }

    private static KeyringSession start(Path home, boolean unlocked) {
        requireTools();
        try {
            return new KeyringSession(home, unlocked);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Skips (or, in CI, fails) when dbus-daemon, gnome-keyring-daemon, secret-tool or dbus-send are missing. */
    public static void requireTools() {
        List<String> missing = new ArrayList<>();
        for (String tool : List.of("dbus-daemon", "dbus-send", "gnome-keyring-daemon", "secret-tool")) {
            if (onPath(tool) == null) {
                missing.add(tool);
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        String message = "the keyring tests need " + String.join(", ", missing) + " (Debian: apt-get install dbus "
                + "gnome-keyring libsecret-tools; scripts/env.sh installs them)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            Assertions.fail(message);
        }
        Assumptions.abort(message);
    }

    private static Path onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
            Path p = Path.of(dir, tool);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    private boolean ready(boolean unlocked) {
        Result owner = run(List.of("dbus-send", "--session", "--print-reply", "--dest=org.freedesktop.DBus",
                "/org/freedesktop/DBus", "org.freedesktop.DBus.NameHasOwner", "string:org.freedesktop.secrets"), "");
        if (!owner.out().contains("boolean true")) {
            return false;
        }
        return !unlocked || !defaultCollection().isEmpty();
    }

    /** The object path of the default collection, empty when there is none. */
    public String defaultCollection() {
        Result alias = run(List.of("dbus-send", "--session", "--print-reply", "--dest=org.freedesktop.secrets",
                "/org/freedesktop/secrets", "org.freedesktop.Secret.Service.ReadAlias", "string:default"), "");
        for (String line : alias.out().lines().toList()) {
            String l = line.strip();
            if (l.startsWith("object path \"") && !l.equals("object path \"/\"")) {
                return l.substring("object path \"".length(), l.length() - 1);
            }
        }
        return "";
    }

    /** Locks the default collection (as the desktop does on screen lock or logout). */
    public void lock() {
        Result r = run(List.of("dbus-send", "--session", "--print-reply", "--dest=org.freedesktop.secrets",
                "/org/freedesktop/secrets", "org.freedesktop.Secret.Service.Lock",
                "array:objpath:" + defaultCollection()), "");
        Assertions.assertEquals(0, r.exit(), r.all());
    }

    /** The environment of a process on this session ({@code withBus} false: no D-Bus session at all). */
    public Map<String, String> env(boolean withBus) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("HOME", home.toString());
        env.put("XDG_RUNTIME_DIR", home.resolve("run").toString());
        env.put("LANG", "C.UTF-8");
        if (withBus) {
            env.put("DBUS_SESSION_BUS_ADDRESS", address);
        }
        return env;
    }

    public Path home() {
        return home;
    }

    /** Runs a command on this session with {@code stdin}, waiting up to two minutes. */
    public Result run(List<String> command, String stdin) {
        return run(command, stdin, true);
    }

    public Result run(List<String> command, String stdin, boolean withBus) {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().clear();
        pb.environment().putAll(env(withBus));
        pb.directory(home.toFile());
        try {
            Process p = pb.start();
            CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> drain(p.getInputStream()));
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> drain(p.getErrorStream()));
            try (OutputStream in = p.getOutputStream()) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            } catch (IOException ignored) {
                // the process did not read its input
            }
            if (!p.waitFor(2, TimeUnit.MINUTES)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                Assertions.fail("timed out: " + command);
            }
            return new Result(p.exitValue(), out.join(), err.join());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Child JVMs speak the test's language (the build pins English), not the machine's (issue 13). */
    private static final String LANGUAGE = "-Duser.language=" + System.getProperty("user.language");
    private static final String COUNTRY = "-Duser.country=" + System.getProperty("user.country", "");

    /** Runs {@code sso-setup ARGS} in a child JVM (this test's class path) on this session. */
    public Result cli(String stdin, String... args) {
        return cli(true, stdin, args);
    }

    public Result cli(boolean withBus, String stdin, String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-Djava.awt.headless=true", "-XX:TieredStopAtLevel=1",
                LANGUAGE, COUNTRY,
                "-Xshare:auto", "-cp", System.getProperty("java.class.path"), "dev.ssosetup.app.Main"));
        cmd.addAll(List.of(args));
        return run(cmd, stdin, withBus);
    }

    /** Runs a test-side main class in a child JVM on this session. */
    public Result java(Class<?> main, String stdin, String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-Djava.awt.headless=true", "-XX:TieredStopAtLevel=1",
                LANGUAGE, COUNTRY,
                "-cp", System.getProperty("java.class.path"), main.getName()));
        cmd.addAll(List.of(args));
        return run(cmd, stdin, true);
    }

    /** {@code secret-tool lookup service S account A}: the stored secret, or empty. */
    public String secretToolLookup(String service, String account) {
        Result r = run(List.of("secret-tool", "lookup", "service", service, "account", account), "");
        return r.exit() == 0 ? r.out().strip() : "";
    }

    private static String drain(InputStream in) {
        try {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            in.transferTo(buffer);
            return buffer.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static String firstLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            line.append((char) c);
        }
        return line.toString().strip();
    }

    @Override
    public void close() {
        for (Process p : List.of(keyring, bus)) {
            if (p == null) {
                continue;
            }
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
            try {
                if (!p.waitFor(5, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
