package dev.ssosetup.cli;

import dev.ssosetup.core.keys.JwtKeySettings;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;

/** The options {@code keys generate} and {@code keys import} share: where to write and what to write. */
public final class KeysExportOptions {
    @Option(names = "--out", required = true, paramLabel = "DIR",
            descriptionKey = "cli.opt.keys.out")
    String out;

    @Option(names = "--key-id", paramLabel = "ID",
            descriptionKey = "cli.opt.keys.keyId")
    String keyId;

    @Option(names = "--issuer", paramLabel = "ISS", defaultValue = "open-metadata.org",
            descriptionKey = "cli.opt.keys.issuer")
    String issuer;

    @Option(names = "--server-private-key-path", paramLabel = "PATH",
            defaultValue = JwtKeySettings.DEFAULT_PRIVATE_KEY_PATH,
            descriptionKey = "cli.opt.keys.serverPrivateKeyPath")
    String serverPrivatePath;

    @Option(names = "--server-public-key-path", paramLabel = "PATH",
            defaultValue = JwtKeySettings.DEFAULT_PUBLIC_KEY_PATH,
            descriptionKey = "cli.opt.keys.serverPublicKeyPath")
    String serverPublicPath;

    @Option(names = "--encrypt-password-file", paramLabel = "F",
            descriptionKey = "cli.opt.keys.encryptPasswordFile")
    String encryptPasswordFile;

    @Option(names = "--previous", paramLabel = "F", arity = "1..*",
            descriptionKey = "cli.opt.keys.previous")
    List<String> previous = new ArrayList<>();

    @Option(names = "--force", descriptionKey = "cli.opt.keys.force")
    boolean force;

    @Option(names = "--json", descriptionKey = "cli.opt.keys.json")
    boolean json;
}
