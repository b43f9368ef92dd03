package dev.ssosetup.core.config;

import dev.ssosetup.core.common.Secret;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The sample profile the golden files are rendered from, and a recognisable secret. */
public final class Samples {
    public static final String SECRET = "s3cr3t-Value-9f8e7d";

    private Samples() {
    }

    public static String resource(String path) {
        try (InputStream in = Samples.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the sample profile to {@code profile.json} in {@code dir}; that file. */
    public static Path profileFile(Path dir) throws IOException {
        return Files.writeString(dir.resolve("profile.json"), resource("/golden/sample-profile.json"));
    }

    public static Profile profile() {
        return switch (new ProfileCodec().read(resource("/golden/sample-profile.json"))) {
            case ProfileLoad.Loaded l -> l.profile();
            case ProfileLoad.Refused r -> throw new IllegalStateException(r.reason().toString());
        };
    }

    /** The sample (a confidential Keycloak client) with a client secret typed in. */
    public static SsoConfiguration confidential() {
        return profile().configuration().withClientSecret(Secret.of(SECRET));
    }

    /** The sample as a public SPA client. */
    public static SsoConfiguration publicClient() {
        var p = profile().configuration().provider();
        return profile().configuration().withProvider(p.toBuilder()
                .clientType(dev.ssosetup.core.provider.ClientType.PUBLIC).clientId("openmetadata-spa")
                .clientSecret(Secret.empty()).build());
    }
}
