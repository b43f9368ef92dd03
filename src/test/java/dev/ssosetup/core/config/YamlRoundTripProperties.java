package dev.ssosetup.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.ssosetup.core.keys.JwtKeySettings;
import dev.ssosetup.core.provider.ProviderSettings;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Whatever the operator types, the YAML outputs read back as exactly the same trees (no YAML type surprises). */
class YamlRoundTripProperties {
    private final Renderers renderers = new Renderers();

    @Property(tries = 200)
    void yamlSaysWhatTheModelSays(@ForAll("awkward") String name, @ForAll("awkward") String clientId,
                                  @ForAll("awkward") String domain, @ForAll("awkward") String keyId) throws Exception {
        SsoConfiguration base = Samples.confidential();
        ProviderSettings p = base.provider();
        SsoConfiguration c = new SsoConfiguration(p.toBuilder().providerName(name).clientId(clientId)
                .adminPrincipals(List.of(name)).principalDomain(domain).allowedRegistrationDomains(List.of(domain))
                .build(), base.authorizerOptions(), new JwtKeySettings("./a.der", "./b.der", name, keyId),
                base.idpJwksUri());
        JsonNode yaml = new YAMLMapper().readTree(
                renderers.render(OutputFormat.YAML, c, RenderOptions.withSecret()).text());
        assertEquals(OmDocuments.authentication(c, p.clientSecret().reveal()), yaml.get("authenticationConfiguration"));
        assertEquals(OmDocuments.authorizer(c), yaml.get("authorizerConfiguration"));
        assertEquals(OmDocuments.jwtTokenConfiguration(c), yaml.get("jwtTokenConfiguration"));
        JsonNode helm = new YAMLMapper().readTree(
                renderers.render(OutputFormat.HELM, c, RenderOptions.withSecret()).text());
        assertEquals(c.provider().clientId().strip(), helm.at("/openmetadata/config/authentication/clientId").asText());
        assertEquals(keyId, helm.at("/openmetadata/config/jwtTokenConfiguration/keyId").asText());
    }

    @Provide
    Arbitrary<String> awkward() {
        return Arbitraries.oneOf(
                Arbitraries.of("yes", "no", "on", "off", "true", "null", "~", "0x1F", "1e3", "012", "-", "- x",
                        "a: b", "#c", "'q'", "\"d\"", "[x]", "{y}", "*ref", "&anchor", "!tag", "%p", "@at", "`b`",
                        "ü€✓", "tab\there", "", " spaced "),
                Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(20));
    }
}
