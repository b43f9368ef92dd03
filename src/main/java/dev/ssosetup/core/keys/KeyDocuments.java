package dev.ssosetup.core.keys;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The two human-readable files of an export: {@code key-info.txt} (what the key is, to compare later) and
 * {@code openmetadata-jwt.txt} (how to give the key to OpenMetadata: YAML, environment variables, Kubernetes secret).
 */
public final class KeyDocuments {
    /** The warning every rotation must carry. */
    public static final String BOT_TOKEN_WARNING = "Changing the signing keys or the key id invalidates every bot "
            + "token OpenMetadata issued before: regenerate each bot's token after the server uses the new key.";

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

    /** {@code openmetadata-jwt.txt}. */
    public static String openMetadataJwtText(JwtKeySettings settings) {
        StringBuilder out = new StringBuilder();
        out.append("# OpenMetadata JWT signing keys: how to use this folder\n")
                .append("# Written by SSO Setup Console. Key id ").append(settings.keyId()).append("\n\n")
                .append("# 1. openmetadata.yaml (paths are as the OpenMetadata server sees them)\n")
                .append(jwtTokenConfigurationYaml(settings))
                .append("\n# 2. Or the environment variables (Docker, docker compose, systemd)\n");
        environmentVariables(settings).forEach(line -> out.append(line).append('\n'));
        out.append("\n# 3. Kubernetes: run in this folder, then mount the secret with extraVolumes/extraVolumeMounts\n")
                .append("#    and point openmetadata.config.jwtTokenConfiguration.* at the mounted files\n")
                .append(KUBECTL_COMMAND).append('\n')
                .append("\n# private_key.der is secret: copy it only to the OpenMetadata server, never into git.\n")
                .append("# ").append(BOT_TOKEN_WARNING).append('\n');
        return out.toString();
    }

    /** {@code key-info.txt}: identifies the key without revealing anything secret. */
    public static String keyInfoText(RsaKeyPair pair, JwtKeySettings settings, List<PublicKeyEntry> jwks,
                                     boolean encryptedPem) {
        StringBuilder out = new StringBuilder();
        out.append("Key id (kid):        ").append(settings.keyId()).append('\n')
                .append("JWT issuer:          ").append(settings.issuer()).append('\n')
                .append("Algorithm:           RS256 (RSA ").append(pair.bits()).append(" bits)\n")
                .append("Public key SHA-256:  ").append(KeyFingerprints.sha256(pair.publicKey())).append('\n')
                .append("JWK thumbprint:      ").append(KeyFingerprints.thumbprint(pair.publicKey()))
                .append(" (RFC 7638, SHA-256)\n")
                .append("\nFiles:\n")
                .append("  private_key.der   PKCS#8 DER, unencrypted, owner-only: OpenMetadata's rsaprivateKeyFilePath\n")
                .append("  public_key.der    X.509 SubjectPublicKeyInfo DER: OpenMetadata's rsapublicKeyFilePath\n")
                .append("  public_key.pem    the same public key in PEM\n");
        if (encryptedPem) {
            out.append("  private_key.pem   encrypted PKCS#8 (PBES2, AES-256-CBC) for safekeeping, owner-only\n");
        }
        out.append("  jwks.json         ").append(jwks.size()).append(jwks.size() == 1 ? " public key" : " public keys")
                .append(" (kid, alg RS256, use sig)\n")
                .append("  key-info.txt      this file\n")
                .append("  openmetadata-jwt.txt  configuration snippets\n");
        if (jwks.size() > 1) {
            out.append("\nPrevious keys still in jwks.json:\n");
            jwks.stream().skip(1).forEach(e -> out.append("  kid ").append(e.keyId()).append("  ")
                    .append(KeyFingerprints.sha256(e.publicKey())).append('\n'));
        }
        out.append("\nCheck: openssl pkey -pubin -inform DER -in public_key.der -outform DER | sha256sum\n");
        return out.toString();
    }
}
