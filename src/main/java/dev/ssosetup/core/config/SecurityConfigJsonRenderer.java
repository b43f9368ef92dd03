package dev.ssosetup.core.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * {@code security-config.json}: the body of {@code PUT /api/v1/system/security/config}. The push step sends exactly
 * this text (rendered with the secret); without the secret the body carries {@link RenderOptions#SECRET_PLACEHOLDER}.
 */
public final class SecurityConfigJsonRenderer implements ConfigRenderer {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Override
    public OutputFormat format() {
        return OutputFormat.JSON;
    }

    @Override
    public RenderedOutput render(SsoConfiguration c, RenderOptions options) {
        var body = OmDocuments.securityConfiguration(c, OmDocuments.secretText(c, options));
        try {
            return new RenderedOutput(format(), JSON.writeValueAsString(body) + "\n",
                    OmDocuments.secretIncluded(c, options));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the security configuration", e);
        }
    }
}
