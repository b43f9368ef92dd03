package dev.ssosetup.cli;

import dev.ssosetup.core.common.Secret;
import dev.ssosetup.core.push.ServerAddress;
import dev.ssosetup.core.secrets.SecretKey;
import dev.ssosetup.core.secrets.SecretStore;
import dev.ssosetup.core.secrets.SecretStoreException;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * {@code sso-setup secret store|show-status|forget}: the client secret (by issuer and client ID) or the OpenMetadata
 * admin token (by server URL) in the system keychain. {@code store} reads the secret from standard input, never from
 * an argument; nothing is printed but whether it is there.
 */
@Command(name = "secret", mixinStandardHelpOptions = true,
        description = {"Remember a client secret or an OpenMetadata admin token in the system keychain (Secret "
                + "Service on Linux, Keychain on macOS, Credential Manager on Windows), so that",
                "--client-secret-from-keychain and --token-from-keychain need no file."},
        footer = {"", "Entries: service 'sso-setup-console:client-secret:<issuer>' account '<client ID>', and",
                "service 'sso-setup-console:openmetadata-token:<server URL>' account 'admin'.",
                "", "Exit codes: 0 done (show-status: remembered), 1 not remembered or the keychain cannot be used, "
                + "2 bad usage."})
public final class SecretCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Builds {@code secret} with its three subcommands. */
    public static CommandLine create(Supplier<SecretStore> keychain, InputStream stdin) {
        CommandLine cl = new CommandLine(new SecretCommand());
        cl.addSubcommand(new Store(keychain, stdin));
        cl.addSubcommand(new ShowStatus(keychain));
        cl.addSubcommand(new Forget(keychain));
        return cl;
    }

    /** Which entry: a client secret or an admin token. */
    static final class Target {
        @ArgGroup(exclusive = false)
        Client client;

        @Option(names = "--server", paramLabel = "URL", description = "The admin token for this OpenMetadata URL.")
        String server;

        static final class Client {
            @Option(names = "--issuer", required = true, paramLabel = "URL", description = "The provider's issuer.")
            String issuer;

            @Option(names = "--client-id", required = true, paramLabel = "ID", description = "The client ID.")
            String clientId;
        }

        SecretKey key(CommandSpec spec) {
            try {
                return client != null ? SecretKey.clientSecret(client.issuer, client.clientId)
                        : SecretKey.adminToken(ServerAddress.parse(server));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        (client != null ? "--issuer/--client-id: " : "--server: ") + e.getMessage());
            }
        }
    }

    abstract static class Base implements Callable<Integer> {
        final Supplier<SecretStore> keychain;

        @Spec
        CommandSpec spec;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Target target;

        Base(Supplier<SecretStore> keychain) {
            this.keychain = keychain;
        }

        int keychainProblem(SecretStoreException e) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("sso-setup secret " + spec.name() + ": " + e.getMessage() + ".");
            err.flush();
            return ExitCodes.FAILED;
        }
    }

    @Command(name = "store", mixinStandardHelpOptions = true,
            description = "Store the secret read from standard input (one line; e.g. from a password manager's "
                    + "pipe). Replaces a secret remembered for the same entry.")
    static final class Store extends Base {
        private final InputStream stdin;

        Store(Supplier<SecretStore> keychain, InputStream stdin) {
            super(keychain);
            this.stdin = stdin;
        }

        @Override
        public Integer call() {
            SecretKey key = target.key(spec);
            Secret secret = readStdin();
            try {
                keychain.get().store(key, secret);
            } catch (SecretStoreException e) {
                return keychainProblem(e);
            }
            spec.commandLine().getOut().println("Remembered the " + key.what() + " for " + key.owner()
                    + " in the system keychain.");
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        }

        private Secret readStdin() {
            byte[] bytes;
            try {
                ByteArrayOutputStream buffer = new ByteArrayOutputStream();
                byte[] chunk = new byte[4096];
                int n;
                while ((n = stdin.read(chunk)) > 0) {
                    buffer.write(chunk, 0, n);
                    if (buffer.size() > 64 * 1024) {
                        throw usage("standard input is larger than 64 KiB: not a secret");
                    }
                }
                bytes = buffer.toByteArray();
            } catch (IOException e) {
                throw usage("cannot read the secret from standard input");
            }
            String text = new String(bytes, StandardCharsets.UTF_8).strip();
            if (text.isEmpty()) {
                throw usage("no secret on standard input: pipe it in, e.g. sso-setup secret store ... < FILE");
            }
            if (text.contains("\n")) {
                throw usage("standard input holds more than one line: give the secret alone on one line");
            }
            return Secret.of(text);
        }

        private CommandLine.ParameterException usage(String message) {
            return new CommandLine.ParameterException(spec.commandLine(), message);
        }
    }

    @Command(name = "show-status", mixinStandardHelpOptions = true,
            description = "Say whether a secret is remembered for the entry (the secret is never shown).")
    static final class ShowStatus extends Base {
        ShowStatus(Supplier<SecretStore> keychain) {
            super(keychain);
        }

        @Override
        public Integer call() {
            SecretKey key = target.key(spec);
            Optional<Secret> found;
            try {
                found = keychain.get().read(key);
            } catch (SecretStoreException e) {
                return keychainProblem(e);
            }
            PrintWriter out = spec.commandLine().getOut();
            out.println(found.isPresent()
                    ? "A " + key.what() + " is remembered in the system keychain for " + key.owner() + "."
                    : "No " + key.what() + " is remembered in the system keychain for " + key.owner() + ".");
            out.flush();
            return found.isPresent() ? ExitCodes.OK : ExitCodes.FAILED;
        }
    }

    @Command(name = "forget", mixinStandardHelpOptions = true,
            description = "Remove the remembered secret from the system keychain.")
    static final class Forget extends Base {
        Forget(Supplier<SecretStore> keychain) {
            super(keychain);
        }

        @Override
        public Integer call() {
            SecretKey key = target.key(spec);
            boolean removed;
            try {
                removed = keychain.get().forget(key);
            } catch (SecretStoreException e) {
                return keychainProblem(e);
            }
            PrintWriter out = spec.commandLine().getOut();
            out.println(removed ? "Forgot the " + key.what() + " for " + key.owner() + "."
                    : "No " + key.what() + " was remembered for " + key.owner() + ": nothing to forget.");
            out.flush();
            return ExitCodes.OK;
        }
    }
}
