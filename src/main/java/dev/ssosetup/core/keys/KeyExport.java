package dev.ssosetup.core.keys;

import dev.ssosetup.core.text.Messages;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What to export: the pair, its settings, previous public keys for rotation, and optionally a password for the
 * encrypted {@code private_key.pem}. {@link #files()} renders every file in memory first, so a failure while rendering
 * never leaves anything on disk.
 */
public record KeyExport(String folder, RsaKeyPair pair, JwtKeySettings settings, List<PublicKeyEntry> previous,
                        KeyPassword pemPassword, Messages messages) {

    /** @param messages the language of the two text files written for the operator */
    public KeyExport {
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(messages, "messages");
        Objects.requireNonNull(pair, "pair");
        Objects.requireNonNull(settings, "settings");
        previous = List.copyOf(Objects.requireNonNullElse(previous, List.of()));
    }

    /** An export whose text files are in English. */
    public KeyExport(String folder, RsaKeyPair pair, JwtKeySettings settings, List<PublicKeyEntry> previous,
                     KeyPassword pemPassword) {
        this(folder, pair, settings, previous, pemPassword, Messages.forLocale(Locale.ENGLISH));
    }

    public boolean writesEncryptedPem() {
        return pemPassword != null && !pemPassword.isEmpty();
    }

    public List<String> fileNames() {
        return KeyFileNames.all(writesEncryptedPem());
    }

    /** The current key followed by previous keys, as in {@code jwks.json}. */
    public List<PublicKeyEntry> jwksEntries() {
        return KeyEncodings.jwksEntries(new PublicKeyEntry(settings.keyId(), pair.publicKey()), previous);
    }

    public String jwksJson() {
        return KeyEncodings.jwksJson(KeyEncodings.jwkSet(new PublicKeyEntry(settings.keyId(), pair.publicKey()),
                previous));
    }

    /** The files in write order. Secret ones (the private keys) are marked for owner-only writing. */
    public List<ExportFile> files() {
        List<ExportFile> files = new ArrayList<>();
        files.add(new ExportFile(KeyFileNames.PRIVATE_DER, KeyEncodings.privateKeyDer(pair), true));
        files.add(new ExportFile(KeyFileNames.PUBLIC_DER, KeyEncodings.publicKeyDer(pair.publicKey()), false));
        files.add(text(KeyFileNames.PUBLIC_PEM, KeyEncodings.publicKeyPem(pair.publicKey())));
        if (writesEncryptedPem()) {
            files.add(new ExportFile(KeyFileNames.PRIVATE_PEM_ENCRYPTED, KeyEncodings.encryptedPrivateKeyPem(
                    pair.privateKey(), pemPassword).getBytes(StandardCharsets.US_ASCII), true));
        }
        files.add(text(KeyFileNames.JWKS, jwksJson()));
        files.add(text(KeyFileNames.KEY_INFO, KeyDocuments.keyInfoText(pair, settings, jwksEntries(),
                writesEncryptedPem(), messages)));
        files.add(text(KeyFileNames.OPENMETADATA, KeyDocuments.openMetadataJwtText(settings, messages)));
        return files;
    }

    private static ExportFile text(String name, String content) {
        return new ExportFile(name, content.getBytes(StandardCharsets.UTF_8), false);
    }
}
