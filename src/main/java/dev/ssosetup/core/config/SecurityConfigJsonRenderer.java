package dev.ssosetup.core.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectWriter;

/**
 * {@code security-config.json}: the body of {@code PUT /api/v1/system/security/config}. The push step sends exactly
 * this text (rendered with the secret); without the secret the body carries {@link RenderOptions#SECRET_PLACEHOLDER}.
 */
public final class SecurityConfigJsonRenderer implements ConfigRenderer {
    /** Started on first use, not when the composition root builds a renderer (start-up time). */
    private static final class Json {
        private static final DefaultIndenter INDENT = new DefaultIndenter("  ", "\n");
        static final ObjectWriter WRITER = new ObjectMapper().writer(new DefaultPrettyPrinter()
                .withObjectIndenter(INDENT)
                .withArrayIndenter(INDENT)
                .withSeparators(Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                        .withArrayEmptySeparator("")
                        .withObjectEmptySeparator("")));
    }

    @Override
    public OutputFormat format() {
        return OutputFormat.JSON;
    }

    @Override
    public RenderedOutput render(SsoConfiguration c, RenderOptions options) {
        var body = OmDocuments.securityConfiguration(c, OmDocuments.secretText(c, options));
        try {
            return new RenderedOutput(format(), Json.WRITER.writeValueAsString(body) + "\n",
                    OmDocuments.secretIncluded(c, options));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the security configuration", e);
        }
    }
}
