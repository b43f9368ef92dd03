package dev.ssosetup.cli;

import dev.ssosetup.core.push.LockoutEvidence;
import dev.ssosetup.infra.common.LocalOperatorFiles;
import dev.ssosetup.infra.net.JdkHttpGatewayFactory;
import dev.ssosetup.infra.push.FileBackupStore;
import dev.ssosetup.testing.CliRun;
import picocli.CommandLine;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code sso-setup push} and {@code restore} in process, as their tests run them against the test servers: the JDK
 * HTTP client, file backups (by default into the folder given), the system clock, no profile renderer, and the
 * operator's standard input and lock-out evidence given per run. Keeps the last run's output and every output of the
 * test (to search them all for a leak).
 */
final class PushCli {
    private final Supplier<Path> backups;
    private final List<String> allOutput = new ArrayList<>();
    private CliRun last = new CliRun(-1, "", "");

    /** @param backups the default backup folder (asked at each run: a test's {@code @TempDir} is set late) */
    PushCli(Supplier<Path> backups) {
        this.backups = backups;
    }

    /** The push environment these tests use, backing up into {@code backups}. */
    static PushEnvironment environment(Path backups, Supplier<LockoutEvidence> evidence, InputStream stdin) {
        return new PushEnvironment(new JdkHttpGatewayFactory(), FileBackupStore::new, backups, Clock.systemUTC(),
                Optional.empty(), evidence, stdin, new LocalOperatorFiles());
    }

    /** {@code text} as the operator's standard input. */
    static InputStream stdin(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Runs {@code args} with {@code stdin} typed and no lock-out evidence; the exit code. */
    int run(String stdin, String... args) {
        return run(stdin, LockoutEvidence.none(), args);
    }

    /** Runs {@code args} with {@code stdin} typed and {@code evidence} from the login test; the exit code. */
    int run(String stdin, LockoutEvidence evidence, String... args) {
        PushEnvironment env = environment(backups.get(), () -> evidence, stdin(stdin));
        CommandLine cl = new CommandLine(new SsoSetupCommand());
        cl.addSubcommand(new PushCommand(env));
        cl.addSubcommand(new RestoreCommand(env));
        last = CliRun.of(cl, args);
        allOutput.add(last.out());
        allOutput.add(last.err());
        return last.code();
    }

    /** The last run's standard output. */
    String out() {
        return last.out();
    }

    /** The last run's standard error. */
    String err() {
        return last.err();
    }

    /** Every output of every run so far, standard output and standard error. */
    List<String> allOutput() {
        return List.copyOf(allOutput);
    }
}
