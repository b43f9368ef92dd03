package dev.ssosetup.bench;

import dev.ssosetup.core.login.LoginEvents;
import dev.ssosetup.core.login.LoginOptions;
import dev.ssosetup.core.login.LoginTest;
import dev.ssosetup.core.login.LoginTestResult;
import dev.ssosetup.core.login.LoopbackCallback;
import dev.ssosetup.core.login.LoopbackListener;
import dev.ssosetup.core.login.LoopbackReceiver;
import dev.ssosetup.core.login.LoopbackUnavailable;
import dev.ssosetup.core.login.RedirectHost;
import dev.ssosetup.core.provider.ProviderSettings;
import dev.ssosetup.core.task.TaskContext;
import dev.ssosetup.infra.login.JdkLoopbackReceiver;
import dev.ssosetup.infra.net.JdkHttpGatewayFactory;
import dev.ssosetup.testing.Settings;
import dev.ssosetup.testing.TestBrowser;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Login overhead in a warm JVM: from the moment the loopback listener hands over the browser's callback to the
 * verdict (token exchange, JWKS, ID token validation, userinfo, OpenMetadata preview), through the public API of
 * the login use case: the real {@link JdkLoopbackReceiver} is wrapped so that the instant {@code await} returns the
 * callback is recorded, and the verdict instant is when {@link LoginTest#run} returns. A scripted browser follows the
 * provider's redirect to the listener. Prints each run and, last, the median in ms for {@code bench/login/run.sh}.
 *
 * <p>Usage: {@code LoginTiming ISSUER RUNS}
 */
public final class LoginTiming {
    private LoginTiming() {
    }

    /** The real receiver, remembering when the callback was handed over. */
    static final class TimedReceiver implements LoopbackReceiver {
        private final LoopbackReceiver real = new JdkLoopbackReceiver();
        volatile long callbackAt;

        @Override
        public LoopbackListener open(RedirectHost host, List<Integer> ports, String path, String expectedState)
                throws LoopbackUnavailable {
            LoopbackListener l = real.open(host, ports, path, expectedState);
            return new LoopbackListener() {
                @Override
                public URI redirectUri() {
                    return l.redirectUri();
                }

                @Override
                public Optional<LoopbackCallback> await(Duration timeout, TaskContext context)
                        throws InterruptedException {
                    Optional<LoopbackCallback> c = l.await(timeout, context);
                    callbackAt = System.nanoTime();
                    return c;
                }

                @Override
                public int rejectedCallbacks() {
                    return l.rejectedCallbacks();
                }

                @Override
                public void close() {
                    l.close();
                }
            };
        }
    }

    public static void main(String[] args) {
        String issuer = args[0];
        int runs = Integer.parseInt(args[1]);
        ProviderSettings settings = Settings.publicClient(issuer, "om-ui").build();
        TimedReceiver receiver = new TimedReceiver();
        LoginTest test = new LoginTest(new JdkHttpGatewayFactory(), receiver,
                new TestBrowser(), Clock.systemUTC());
        for (int i = 0; i < 10; i++) {
            once(test, settings, receiver);
        }
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            ms[i] = once(test, settings, receiver);
            System.out.printf("run %d: %.2f ms%n", i + 1, ms[i]);
        }
        System.out.printf("%.1f%n", DiscoveryTiming.median(ms));
        System.exit(0);
    }

    private static double once(LoginTest test, ProviderSettings settings, TimedReceiver receiver) {
        LoginTestResult result = test.run(settings, LoginOptions.defaults().withOpenBrowser(true)
                .withTimeout(Duration.ofSeconds(30)), LoginEvents.none(), TaskContext.none());
        long end = System.nanoTime();
        if (!(result instanceof LoginTestResult.Passed)) {
            LoginTestResult.Failed f = (LoginTestResult.Failed) result;
            throw new IllegalStateException("the login test did not pass: " + f.stage() + ": " + f.reason());
        }
        return (end - receiver.callbackAt) / 1e6;
    }
}
