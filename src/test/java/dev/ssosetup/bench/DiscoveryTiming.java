package dev.ssosetup.bench;

import dev.ssosetup.core.net.HttpGateway;
import dev.ssosetup.core.provider.DiscoveryReport;
import dev.ssosetup.core.provider.DiscoveryRequest;
import dev.ssosetup.core.provider.DiscoveryService;
import dev.ssosetup.core.task.TaskContext;
import dev.ssosetup.infra.net.JdkHttpGatewayFactory;

import java.util.Arrays;
import java.util.Optional;

/**
 * The Provider step's "Check provider" in a warm JVM, as the wizard runs it: the same {@link DiscoveryService} over the
 * real {@code JdkHttpGateway}, discovery document + JWKS + all checks. Warms up, then times {@code RUNS} checks and
 * prints each time and, on its last line, the median in milliseconds (one decimal) for {@code bench/discovery/run.sh}.
 *
 * <p>Usage: {@code DiscoveryTiming ISSUER RUNS}
 */
public final class DiscoveryTiming {
    private DiscoveryTiming() {
    }

    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: DiscoveryTiming ISSUER RUNS");
            System.exit(2);
        }
        String issuer = args[0];
        int runs = Integer.parseInt(args[1]);
        HttpGateway gateway = new JdkHttpGatewayFactory().create(Optional.empty());
        DiscoveryService service = new DiscoveryService(gateway);
        DiscoveryRequest request = DiscoveryRequest.forIssuer(issuer);
        for (int i = 0; i < 20; i++) { // JIT, connection pool, class loading
            check(service, request);
        }
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            check(service, request);
            ms[i] = (System.nanoTime() - t0) / 1e6;
            System.out.printf("run %d: %.2f ms%n", i + 1, ms[i]);
        }
        System.out.printf("%.1f%n", median(ms));
    }

    private static void check(DiscoveryService service, DiscoveryRequest request) {
        DiscoveryReport report = service.check(request, TaskContext.none());
        if (report.metadata().isEmpty()) {
            throw new IllegalStateException("the check did not reach the provider: " + report.findings());
        }
    }

    static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }
}
