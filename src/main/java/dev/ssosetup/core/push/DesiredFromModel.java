package dev.ssosetup.core.push;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ssosetup.core.config.Readiness;
import dev.ssosetup.core.config.ReadinessCheck;
import dev.ssosetup.core.config.RenderOptions;
import dev.ssosetup.core.config.ReviewProblem;
import dev.ssosetup.core.config.SecurityConfigJsonRenderer;
import dev.ssosetup.core.config.SsoConfiguration;
import dev.ssosetup.core.text.Text;

import java.util.Objects;
import java.util.Optional;

/**
 * The bridge from the one configuration model to what Push sends: the Review step's {@code security-config.json}
 * (rendered without the secret) plus the client secret kept apart, only when the model is ready (schema-valid, no
 * error). Push never renders on its own, so what is pushed is exactly what the Review step showed.
 */
public final class DesiredFromModel {
    /** Jackson is started on first use, not when the composition root builds this (start-up time). */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }
    private final ReadinessCheck readiness;

    public DesiredFromModel(ReadinessCheck readiness) {
        this.readiness = Objects.requireNonNull(readiness);
    }

    /**
     * @throws NotReady when the configuration is not ready, listing each error with its step
     */
    public DesiredConfiguration from(SsoConfiguration configuration) {
        Readiness r = readiness.evaluate(configuration);
        if (!r.ready()) {
            throw new NotReady(Text.of("push.desired.notReady", r.errors().stream()
                    .map(DesiredFromModel::line).toList()));
        }
        String json = new SecurityConfigJsonRenderer().render(configuration, RenderOptions.withoutSecret()).text();
        try {
            ObjectNode body = (ObjectNode) Json.MAPPER.readTree(json);
            return new DesiredConfiguration(body, configuration.provider().clientSecret());
        } catch (JsonProcessingException | ClassCastException e) {
            throw new IllegalStateException("the rendered security configuration is not a JSON object", e);
        }
    }

    /** For the wizard: empty while the model is not ready (the Push step then points at the Review step). */
    public Optional<DesiredConfiguration> ifReady(SsoConfiguration configuration) {
        try {
            return Optional.of(from(configuration));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Text line(ReviewProblem p) {
        return Text.of("push.desired.notReady.line", p.stepId(), p.finding().id(), p.finding().message());
    }

    /** The configuration is not ready to push; {@link #text()} lists each error with its step. */
    public static final class NotReady extends IllegalArgumentException {
        private final transient Text text;

        NotReady(Text text) {
            super(text.key(), null);
            this.text = text;
        }

        public Text text() {
            return text;
        }
    }
}
