package dev.ssosetup.cli;

import dev.ssosetup.core.keys.JwtKeySettings;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;

/** The options {@code keys generate} and {@code keys import} share: where to write and what to write. */
public final class KeysExportOptions {
    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Folder to write the key files into (created owner-only if missing).")
    String out;

    @Option(names = "--key-id", paramLabel = "ID",
            description = "Key id (kid) OpenMetadata puts in every token header. Default: a new random UUID.")
    String keyId;

    @Option(names = "--issuer", paramLabel = "ISS", defaultValue = "open-metadata.org",
            description = "JWT issuer (jwtissuer), usually OpenMetadata's host. Default: ${DEFAULT-VALUE}.")
    String issuer;

    @Option(names = "--server-private-key-path", paramLabel = "PATH",
            defaultValue = JwtKeySettings.DEFAULT_PRIVATE_KEY_PATH,
            description = "Where the OpenMetadata server will read private_key.der. Default: ${DEFAULT-VALUE}.")
    String serverPrivatePath;

    @Option(names = "--server-public-key-path", paramLabel = "PATH",
            defaultValue = JwtKeySettings.DEFAULT_PUBLIC_KEY_PATH,
            description = "Where the OpenMetadata server will read public_key.der. Default: ${DEFAULT-VALUE}.")
    String serverPublicPath;

    @Option(names = "--encrypt-password-file", paramLabel = "F",
            description = "Also write private_key.pem, encrypted (PKCS#8, AES-256) with the password in this file.")
    String encryptPasswordFile;

    @Option(names = "--previous", paramLabel = "F", arity = "1..*",
            description = "Rotation: previous public keys (DER/PEM) or a previous jwks.json to keep in jwks.json.")
    List<String> previous = new ArrayList<>();

    @Option(names = "--force", description = "Overwrite existing key files in --out.")
    boolean force;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;
}
