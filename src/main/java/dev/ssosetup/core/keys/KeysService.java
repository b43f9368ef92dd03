package dev.ssosetup.core.keys;

import dev.ssosetup.core.text.Text;

import dev.ssosetup.core.task.TaskContext;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * The Keys step's use cases, shared by the wizard and {@code sso-setup keys}: generate, inspect, import, export,
 * build a rotation {@code jwks.json}, and self-test. Files go through the {@link KeyFileStore} port.
 */
public final class KeysService {
    private final KeyFileStore store;
    private final JwtKeyGenerator generator;
    private final java.util.function.Supplier<KeyFileReader> readerFactory;
    private KeyFileReader reader;
    private final SigningSelfTest selfTest;

    public KeysService(KeyFileStore store, JwtKeyGenerator generator, KeyFileReader reader, SigningSelfTest selfTest) {
        this(store, generator, () -> reader, selfTest);
        Objects.requireNonNull(reader);
    }

    /**
     * With the reader built on first use: it links BouncyCastle, whose signed jars take a fifth of a second to
     * verify, so the wizard does not pay for it before its window shows.
     */
    public KeysService(KeyFileStore store, JwtKeyGenerator generator,
                       java.util.function.Supplier<KeyFileReader> reader, SigningSelfTest selfTest) {
        this.store = Objects.requireNonNull(store);
        this.generator = Objects.requireNonNull(generator);
        this.readerFactory = Objects.requireNonNull(reader);
        this.selfTest = Objects.requireNonNull(selfTest);
    }

    private synchronized KeyFileReader reader() {
        if (reader == null) {
            reader = Objects.requireNonNull(readerFactory.get());
        }
        return reader;
    }

    public RsaKeyPair generate(KeySize size, TaskContext context) {
        return generator.generate(size, context);
    }

    /** What the file at {@code path} is (for {@code keys inspect}); unreadable files are an IO problem. */
    public KeyReport inspect(String path) {
        return KeyReport.of(path, reader().identify(store.read(path)));
    }

    /** True when the file at {@code path} is an encrypted private key (so a password must be asked). */
    public boolean isEncrypted(String path) {
        return reader().identify(store.read(path)) instanceof KeyFileContent.EncryptedPrivate;
    }

    /**
     * Imports a private key, and optionally its public key, checking that the key is RSA of at least 2048 bits and that
     * both halves belong together. {@code password} may be null unless the private key is encrypted.
     */
    public RsaKeyPair importPair(String privatePath, String publicPath, KeyPassword password) {
        return importPair(privatePath, publicPath, password, TaskContext.none());
    }

    /**
     * The same, checking {@code context} for cancel before and after the key derivation (which itself cannot be
     * interrupted, but is bounded by {@link KeyDerivationLimits}): a cancelled import never returns a key.
     */
    public RsaKeyPair importPair(String privatePath, String publicPath, KeyPassword password, TaskContext context) {
        TaskContext ctx = context == null ? TaskContext.none() : context;
        ctx.checkCancelled();
        ctx.progress(0.1, Text.of("task.keys.readingPrivate"));
        KeyFileContent content = reader().identify(store.read(privatePath));
        if (content instanceof KeyFileContent.EncryptedPrivate encrypted) {
            if (password == null || password.isEmpty()) {
                throw new KeyProblem(KeyProblem.Kind.PASSWORD_REQUIRED,
                        Text.of("keys.problem.encryptedNeedsPassword", privatePath, encrypted.describe()));
            }
            ctx.checkCancelled();
            ctx.progress(-1, Text.of("task.keys.decrypting"));
            try {
                content = reader().decrypt(encrypted, password);
            } catch (KeyProblem e) {
                throw new KeyProblem(e.kind(), Text.of("keys.problem.at", privatePath, e.text()));
            }
            ctx.checkCancelled();
        }
        if (!(content instanceof KeyFileContent.PrivateRsa privateRsa)) {
            throw new KeyProblem(KeyProblem.Kind.WRONG_CONTENT, Text.of(content instanceof KeyFileContent.PublicRsa
                    ? "keys.problem.publicAsPrivate" : "keys.problem.notPrivate", privatePath, content.describe()));
        }
        requireSize(privatePath, privateRsa.describe(), privateRsa.key().getModulus().bitLength());
        var derivedPublic = Crypto.publicOf(privateRsa.key());
        if (publicPath != null && !publicPath.isBlank()) {
            ctx.progress(0.8, Text.of("task.keys.matchingPublic"));
            var given = readSinglePublicKey(publicPath);
            if (!RsaKeyPair.matches(given, privateRsa.key())) {
                throw new KeyProblem(KeyProblem.Kind.MISMATCH, Text.of("keys.problem.mismatch", publicPath,
                        privatePath, KeyFingerprints.sha256(given), KeyFingerprints.sha256(derivedPublic)));
            }
        }
        ctx.progress(1.0, Text.of("task.done"));
        return new RsaKeyPair(derivedPublic, privateRsa.key());
    }

    private java.security.interfaces.RSAPublicKey readSinglePublicKey(String path) {
        KeyFileContent content = reader().identify(store.read(path));
        return switch (content) {
            case KeyFileContent.PublicRsa p -> p.key();
            case KeyFileContent.PublicKeySet set when set.keys().size() == 1 -> set.keys().getFirst().publicKey();
            case KeyFileContent.PrivateRsa p -> throw new KeyProblem(KeyProblem.Kind.WRONG_CONTENT,
                    Text.of("keys.problem.privateAsPublic", path, p.describe()));
            default -> throw new KeyProblem(KeyProblem.Kind.WRONG_CONTENT,
                    Text.of("keys.problem.notPublic", path, content.describe()));
        };
    }

    /**
     * Public keys for a rotation {@code jwks.json}: a public key file (its key id is its RFC 7638 thumbprint) or a
     * previous {@code jwks.json} (its key ids are kept).
     */
    public List<PublicKeyEntry> readPublicKeys(String path) {
        return readPublicKeys(path, TaskContext.none());
    }

    /** The same, saying what it reads to {@code context}. */
    public List<PublicKeyEntry> readPublicKeys(String path, TaskContext context) {
        context.progress(-1, Text.of("task.keys.readingPublic"));
        KeyFileContent content = reader().identify(store.read(path));
        return switch (content) {
            case KeyFileContent.PublicKeySet set -> set.keys();
            case KeyFileContent.PublicRsa p -> {
                requireSize(path, p.describe(), p.key().getModulus().bitLength());
                yield List.of(PublicKeyEntry.withThumbprintId(p.key()));
            }
            case KeyFileContent.PrivateRsa p -> throw new KeyProblem(KeyProblem.Kind.WRONG_CONTENT,
                    Text.of("keys.problem.privateAsRotation", path, p.describe()));
            default -> throw new KeyProblem(KeyProblem.Kind.WRONG_CONTENT,
                    Text.of("keys.problem.notRotation", path, content.describe()));
        };
    }

    /** The files of {@code export} that already exist (the operator must confirm overwriting them). */
    public List<String> conflicts(KeyExport export) {
        return store.existing(export.folder(), export.fileNames());
    }

    /** Which export files already exist in {@code folder}. */
    public List<String> conflicts(String folder, boolean encryptedPem) {
        return store.existing(folder, KeyFileNames.all(encryptedPem));
    }

    /**
     * Writes every file of {@code export}, all or nothing. The password of the encrypted PEM is cleared afterwards.
     *
     * @return the paths written
     */
    public List<String> export(KeyExport export, boolean overwrite, TaskContext context) {
        TaskContext ctx = context == null ? TaskContext.none() : context;
        try {
            List<Text> problems = KeySettingsCheck.problems(export.settings());
            if (!problems.isEmpty()) {
                throw new KeyProblem(KeyProblem.Kind.INVALID_SETTING, Text.of("keys.problem.settings", problems));
            }
            ctx.progress(0.2, Text.of("task.keys.encoding"));
            List<ExportFile> files = export.files();
            ctx.checkCancelled();
            ctx.progress(0.6, Text.of("task.keys.writing", files.size()));
            List<String> written = store.writeAll(export.folder(), files, overwrite);
            ctx.progress(1.0, Text.of("task.done"));
            return written;
        } finally {
            if (export.pemPassword() != null) {
                export.pemPassword().clear();
            }
        }
    }

    /** Writes a {@code jwks.json} with {@code keys} (first = current) to {@code path}. */
    public String writeJwks(String path, List<PublicKeyEntry> keys, boolean overwrite) {
        if (keys.isEmpty()) {
            throw new KeyProblem(KeyProblem.Kind.INVALID_SETTING, Text.of("keys.problem.noPublicKeys"));
        }
        String json = KeyEncodings.jwksJson(KeyEncodings.jwkSet(keys.getFirst(), keys.subList(1, keys.size())));
        return store.writeFile(path, json.getBytes(StandardCharsets.UTF_8), overwrite);
    }

    /** Signs and verifies a sample OpenMetadata token with the pair and the {@code jwks.json} an export would write. */
    public SelfTestResult selfTest(RsaKeyPair pair, JwtKeySettings settings, List<PublicKeyEntry> previous) {
        String jwks = KeyEncodings.jwksJson(KeyEncodings.jwkSet(new PublicKeyEntry(settings.keyId(),
                pair.publicKey()), previous == null ? List.of() : previous));
        return selfTest.run(pair, settings, jwks);
    }

    /** A small file's bytes (password files, for example); the caller clears them. */
    public byte[] readFile(String path) {
        return store.read(path);
    }

    public String resolve(String folder, String name) {
        return store.resolve(folder, name);
    }

    private static void requireSize(String path, Text description, int bits) {
        if (bits < KeySize.MINIMUM_BITS) {
            throw new KeyProblem(KeyProblem.Kind.TOO_SMALL, Text.of("keys.problem.tooSmall", path, description,
                    KeySize.MINIMUM_BITS));
        }
    }
}
