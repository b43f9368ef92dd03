package dev.ssosetup.cli;

import dev.ssosetup.core.common.Secret;
import dev.ssosetup.core.push.ServerAddress;
import dev.ssosetup.core.secrets.SecretKey;
import dev.ssosetup.core.secrets.SecretStore;
import dev.ssosetup.core.secrets.SecretStoreException;
import dev.ssosetup.core.text.Messages;
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
@Command(name = "secret", mixinStandardHelpOptions = true, resourceBundle = Messages.BUNDLE,
        description = {"${bundle:cli.help.secret.description.0}", "${bundle:cli.help.secret.description.1}"},
        footer = {"", "${bundle:cli.help.secret.footer.0}", "${bundle:cli.help.secret.footer.1}", "",
                "${bundle:cli.help.secret.footer.2}"})
public final class SecretCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Builds {@code secret} with its three subcommands, in English. */
    public static CommandLine create(Supplier<SecretStore> keychain, InputStream stdin) {
        return create(keychain, stdin, CliMessages.english());
    }

    /** Builds {@code secret} with its three subcommands, in the command line's language. */
    public static CommandLine create(Supplier<SecretStore> keychain, InputStream stdin, CliMessages messages) {
        CommandLine cl = new CommandLine(new SecretCommand());
        cl.addSubcommand(new Store(keychain, stdin, messages));
        cl.addSubcommand(new ShowStatus(keychain, messages));
        cl.addSubcommand(new Forget(keychain, messages));
        return cl;
    }

    /** Which entry: a client secret or an admin token. */
    static final class Target {
        @ArgGroup(exclusive = false)
        Client client;

        @Option(names = "--server", paramLabel = "URL", descriptionKey = "cli.opt.secret.server")
        String server;

        static final class Client {
            @Option(names = "--issuer", required = true, paramLabel = "URL", descriptionKey = "cli.opt.secret.issuer")
            String issuer;

            @Option(names = "--client-id", required = true, paramLabel = "ID",
                    descriptionKey = "cli.opt.secret.clientId")
            String clientId;
        }

        SecretKey key(CommandSpec spec, CliMessages messages) {
            if (client != null && !SecretKey.canKeyClientSecret(client.issuer, client.clientId)) {
                throw new CommandLine.ParameterException(spec.commandLine(), messages.get("cli.secret.needsIds"));
            }
            try {
                return client != null ? SecretKey.clientSecret(client.issuer, client.clientId)
                        : SecretKey.adminToken(ServerAddress.parse(server));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), messages.get(client != null
                        ? "cli.secret.clientInvalid" : "cli.secret.serverInvalid",
                        e instanceof ServerAddress.InvalidServerAddress bad ? messages.text(bad.text()) : e.getMessage()));
            }
        }
    }

    abstract static class Base implements Callable<Integer> {
        final Supplier<SecretStore> keychain;
        final CliMessages messages;

        @Spec
        CommandSpec spec;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Target target;

        Base(Supplier<SecretStore> keychain, CliMessages messages) {
            this.keychain = keychain;
            this.messages = messages;
        }

        SecretKey key() {
            return target.key(spec, messages);
        }

        int keychainProblem(SecretStoreException e) {
            PrintWriter err = spec.commandLine().getErr();
            err.println(messages.get("cli.secret.keychainProblem", spec.name(), messages.text(e.problem().text())));
            err.flush();
            return ExitCodes.FAILED;
        }
    }

    @Command(name = "store", mixinStandardHelpOptions = true,
            resourceBundle = Messages.BUNDLE, description = "${bundle:cli.help.secret.store.description}")
    static final class Store extends Base {
        private final InputStream stdin;

        Store(Supplier<SecretStore> keychain, InputStream stdin, CliMessages messages) {
            super(keychain, messages);
            this.stdin = stdin;
        }

        @Override
        public Integer call() {
            SecretKey key = key();
            Secret secret = readStdin();
            try {
                keychain.get().store(key, secret);
            } catch (SecretStoreException e) {
                return keychainProblem(e);
            }
            spec.commandLine().getOut().println(messages.get("cli.secret.stored", messages.text(key.what()),
                    messages.text(key.whose())));
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
                        throw usage("cli.secret.stdinTooLarge");
                    }
                }
                bytes = buffer.toByteArray();
            } catch (IOException e) {
                throw usage("cli.secret.stdinUnreadable");
            }
            String text = new String(bytes, StandardCharsets.UTF_8).strip();
            if (text.isEmpty()) {
                throw usage("cli.secret.stdinEmpty");
            }
            if (text.contains("\n")) {
                throw usage("cli.secret.stdinLines");
            }
            return Secret.of(text);
        }

        private CommandLine.ParameterException usage(String key) {
            return new CommandLine.ParameterException(spec.commandLine(), messages.get(key));
        }
    }

    @Command(name = "show-status", mixinStandardHelpOptions = true,
            resourceBundle = Messages.BUNDLE, description = "${bundle:cli.help.secret.showStatus.description}")
    static final class ShowStatus extends Base {
        ShowStatus(Supplier<SecretStore> keychain, CliMessages messages) {
            super(keychain, messages);
        }

        @Override
        public Integer call() {
            SecretKey key = key();
            Optional<Secret> found;
            try {
                found = keychain.get().read(key);
            } catch (SecretStoreException e) {
                return keychainProblem(e);
            }
            PrintWriter out = spec.commandLine().getOut();
            out.println(messages.get(found.isPresent() ? "cli.secret.status.found" : "cli.secret.status.missing",
                    messages.text(key.what()), messages.text(key.whose())));
            out.flush();
            return found.isPresent() ? ExitCodes.OK : ExitCodes.FAILED;
        }
    }

    @Command(name = "forget", mixinStandardHelpOptions = true,
            resourceBundle = Messages.BUNDLE, description = "${bundle:cli.help.secret.forget.description}")
    static final class Forget extends Base {
        Forget(Supplier<SecretStore> keychain, CliMessages messages) {
            super(keychain, messages);
        }

        @Override
        public Integer call() {
            SecretKey key = key();
            boolean removed;
            try {
                removed = keychain.get().forget(key);
            } catch (SecretStoreException e) {
                return keychainProblem(e);
            }
            PrintWriter out = spec.commandLine().getOut();
            out.println(messages.get(removed ? "cli.secret.forgot" : "cli.secret.nothingToForget",
                    messages.text(key.what()), messages.text(key.whose())));
            out.flush();
            return ExitCodes.OK;
        }
    }
}
