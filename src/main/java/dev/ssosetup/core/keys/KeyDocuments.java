package dev.ssosetup.core.keys;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import dev.ssosetup.core.text.Messages;

import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The two human-readable files of an export: {@code key-info.txt} (what the key is, to compare later) and
 * {@code openmetadata-jwt.txt} (how to give the key to OpenMetadata: YAML, environment variables, Kubernetes secret).
 */
public final class KeyDocuments {
    /** The warning every rotation must carry (a message key of {@code i18n/messages.properties}). */
    public static final String BOT_TOKEN_WARNING = "cli.keys.botTokenWarning";

    private static final YAMLMapper YAML = new YAMLMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS));

    private KeyDocuments() {
    }

    /** {@code jwtTokenConfiguration} as OpenMetadata's {@code openmetadata.yaml} spells it. */
    public static String jwtTokenConfigurationYaml(JwtKeySettings settings) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("rsapublicKeyFilePath", settings.publicKeyPath());
        config.put("rsaprivateKeyFilePath", settings.privateKeyPath());
        config.put("jwtissuer", settings.issuer());
        config.put("keyId", settings.keyId());
        try {
            return YAML.writeValueAsString(Map.of("jwtTokenConfiguration", config));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The environment variables OpenMetadata's default configuration reads, in {@code NAME=value} lines. */
    public static List<String> environmentVariables(JwtKeySettings settings) {
        return List.of(
                "RSA_PRIVATE_KEY_FILE_PATH=" + settings.privateKeyPath(),
                "RSA_PUBLIC_KEY_FILE_PATH=" + settings.publicKeyPath(),
                "JWT_ISSUER=" + settings.issuer(),
                "JWT_KEY_ID=" + settings.keyId());
    }

    public static final String KUBECTL_COMMAND =
            "kubectl create secret generic openmetadata-jwt-keys --from-file private_key.der --from-file public_key.der";

    /** {@code openmetadata-jwt.txt}, its comments in the language of {@code messages}. */
    public static String openMetadataJwtText(JwtKeySettings settings, Messages messages) {
        StringBuilder out = new StringBuilder();
        comment(out, messages.get("keys.doc.jwt.title"));
        comment(out, messages.get("keys.doc.jwt.writtenBy", settings.keyId()));
        out.append('\n');
        comment(out, messages.get("keys.doc.jwt.yaml"));
        out.append(jwtTokenConfigurationYaml(settings)).append('\n');
        comment(out, messages.get("keys.doc.jwt.env"));
        environmentVariables(settings).forEach(line -> out.append(line).append('\n'));
        out.append('\n');
        comment(out, messages.get("keys.doc.jwt.kubernetes"));
        comment(out, "   " + messages.get("keys.doc.jwt.kubernetesMount"));
        out.append(KUBECTL_COMMAND).append('\n').append('\n');
        comment(out, messages.get("keys.doc.jwt.secret"));
        comment(out, messages.get(BOT_TOKEN_WARNING));
        return out.toString();
    }

    private static void comment(StringBuilder out, String line) {
        out.append("# ").append(line).append('\n');
    }

    /** {@code key-info.txt}: identifies the key without revealing anything secret, in the language of {@code messages}. */
    public static String keyInfoText(RsaKeyPair pair, JwtKeySettings settings, List<PublicKeyEntry> jwks,
                                     boolean encryptedPem, Messages messages) {
        StringBuilder out = new StringBuilder();
        line(out, messages.get("keys.doc.info.keyId", settings.keyId()));
        line(out, messages.get("keys.doc.info.issuer", settings.issuer()));
        line(out, messages.get("keys.doc.info.algorithm", String.valueOf(pair.bits())));
        line(out, messages.get("keys.doc.info.sha256", KeyFingerprints.sha256(pair.publicKey())));
        line(out, messages.get("keys.doc.info.thumbprint", KeyFingerprints.thumbprint(pair.publicKey())));
        out.append('\n');
        line(out, messages.get("keys.doc.info.files"));
        file(out, KeyFileNames.PRIVATE_DER, messages.get("keys.doc.info.file.privateDer"));
        file(out, KeyFileNames.PUBLIC_DER, messages.get("keys.doc.info.file.publicDer"));
        file(out, KeyFileNames.PUBLIC_PEM, messages.get("keys.doc.info.file.publicPem"));
        if (encryptedPem) {
            file(out, KeyFileNames.PRIVATE_PEM_ENCRYPTED, messages.get("keys.doc.info.file.privatePem"));
        }
        file(out, KeyFileNames.JWKS, messages.get("keys.doc.info.file.jwks", jwks.size()));
        file(out, KeyFileNames.KEY_INFO, messages.get("keys.doc.info.file.keyInfo"));
        file(out, KeyFileNames.OPENMETADATA, messages.get("keys.doc.info.file.openmetadata"));
        if (jwks.size() > 1) {
            out.append('\n');
            line(out, messages.get("keys.doc.info.previous"));
            jwks.stream().skip(1).forEach(e -> out.append("  kid ").append(e.keyId()).append("  ")
                    .append(KeyFingerprints.sha256(e.publicKey())).append('\n'));
        }
        out.append('\n');
        line(out, messages.get("keys.doc.info.check", CHECK_COMMAND));
        return out.toString();
    }

    /** The command that prints the public key's SHA-256, as {@code key-info.txt} shows it. */
    public static final String CHECK_COMMAND =
            "openssl pkey -pubin -inform DER -in public_key.der -outform DER | sha256sum";

    private static void line(StringBuilder out, String text) {
        out.append(text).append('\n');
    }

    private static void file(StringBuilder out, String name, String what) {
        out.append(String.format(java.util.Locale.ROOT, "  %-17s %s%n", name, what).replace(System.lineSeparator(),
                "\n"));
    }
}
