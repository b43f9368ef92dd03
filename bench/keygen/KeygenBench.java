import dev.ssosetup.core.keys.JwtKeyGenerator;
import dev.ssosetup.core.keys.KeySize;
import dev.ssosetup.core.task.TaskContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Keygen benchmark harness (run by run.sh with the built classes on the class path). Measures the console's own
 * generator in-process (JwtKeyGenerator.generate: Nimbus RSAKeyGenerator plus the PKCS#8 normalisation and pair check,
 * no file writing, JVM warmed up by one 2048-bit key) and `openssl genpkey` as a process, alternating per run so that
 * both see the same machine load. Prints medians and the ratio.
 */
public final class KeygenBench {
    public static void main(String[] args) throws Exception {
        int runs = Integer.parseInt(System.getenv().getOrDefault("RUNS", "5"));
        int[] sizes = Arrays.stream(System.getenv().getOrDefault("SIZES", "2048 3072 4096").trim().split("\\s+"))
                .mapToInt(Integer::parseInt).toArray();
        JwtKeyGenerator generator = new JwtKeyGenerator();
        generator.generate(KeySize.RSA_2048, TaskContext.none()); // warm-up: class loading, JIT
        Path tmp = Files.createTempDirectory("keygen-bench");
        double spawn = median(repeat(runs, () -> openssl(tmp, "version")));
        System.out.printf("runs per size: %d (median), openssl process start-up alone: %.1f ms%n", runs, spawn);
        System.out.printf("%-6s | %-22s | %-26s | %s%n", "bits", "ours median ms (min-max)",
                "openssl genpkey median ms", "ours/openssl");
        System.out.println("-------+------------------------+----------------------------+-------------");
        for (int bits : sizes) {
            KeySize size = KeySize.ofBits(bits).orElseThrow();
            List<Double> ours = new ArrayList<>();
            List<Double> theirs = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                long t0 = System.nanoTime();
                generator.generate(size, TaskContext.none());
                ours.add((System.nanoTime() - t0) / 1e6);
                theirs.add(openssl(tmp, "genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:" + bits,
                        "-out", tmp.resolve("k.pem").toString()));
            }
            double o = median(ours);
            double t = median(theirs);
            System.out.printf("%-6d | %8.0f (%5.0f-%6.0f) | %8.0f (%5.0f-%6.0f)     | %5.2fx%n", bits, o,
                    min(ours), max(ours), t, min(theirs), max(theirs), o / t);
        }
        try (var files = Files.list(tmp)) {
            for (Path p : files.toList()) {
                Files.delete(p);
            }
        }
        Files.delete(tmp);
    }

    interface Timed {
        double run() throws Exception;
    }

    private static List<Double> repeat(int n, Timed t) throws Exception {
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(t.run());
        }
        return out;
    }

    private static double openssl(Path dir, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("openssl"));
        cmd.addAll(List.of(args));
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("openssl failed: " + cmd);
        }
        return (System.nanoTime() - t0) / 1e6;
    }

    private static double median(List<Double> xs) {
        List<Double> s = xs.stream().sorted().toList();
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    private static double min(List<Double> xs) {
        return xs.stream().mapToDouble(Double::doubleValue).min().orElse(0);
    }

    private static double max(List<Double> xs) {
        return xs.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }
}
