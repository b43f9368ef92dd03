package dev.ssosetup.infra.keys;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the real {@code openssl} binary in a folder: the independent judge of the files we write. */
public final class Openssl {
    private Openssl() {
    }

    /** The outcome of one openssl run: exit code and combined output. */
    public record Result(int exit, String output) {
        public Result ok() {
            if (exit != 0) {
                throw new AssertionError("openssl failed (" + exit + "): " + output);
            }
            return this;
        }
    }

    public static Result run(Path dir, String... args) {
        List<String> command = new ArrayList<>();
        command.add("openssl");
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("openssl timed out: " + command);
            }
            return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError("cannot run openssl: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** {@code Modulus=...} of a key file, as openssl prints it. */
    public static String modulus(Path dir, String... args) {
        String out = run(dir, args).ok().output().strip();
        int i = out.indexOf("Modulus=");
        if (i < 0) {
            throw new AssertionError("no modulus in: " + out);
        }
        return out.substring(i + "Modulus=".length()).lines().findFirst().orElseThrow().strip();
    }
}
