package dev.ssosetup.core.config;

import dev.ssosetup.core.common.Secret;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Profiles round-trip every setting except the secret; broken, foreign and future files are refused with a reason. */
class ProfileCodecTest {
    private final ProfileCodec codec = new ProfileCodec();

    @Test
    void roundTripKeepsEverythingButTheSecret() {
        Profile original = new Profile(Samples.confidential(), Map.of("browser", "system", "port", "0"));
        Profile back = loaded(codec.read(codec.write(original)));
        assertEquals(original.configuration().withClientSecret(Secret.empty()), back.configuration());
        assertEquals(original.loginTest(), back.loginTest());
        assertEquals(Samples.profile().configuration().idpJwksUri(), back.configuration().idpJwksUri());
        assertTrue(codec.write(original).contains("\"profileVersion\" : 1"));
    }

    @Test
    void theSampleFileIsWhatTheCodecWrites() {
        assertEquals(Samples.resource("/golden/sample-profile.json"), codec.write(Samples.profile()));
    }

    @Test
    void brokenJsonIsRefusedWithItsPosition() {
        String reason = refused(codec.read("{\"profileVersion\": 1, \"provider\": {"));
        assertTrue(reason.contains("not valid JSON"), reason);
        assertTrue(reason.contains("line"), reason);
    }

    @Test
    void aFutureVersionIsRefused() {
        String reason = refused(codec.read("{\"profileVersion\": 2}"));
        assertTrue(reason.contains("version 2") && reason.contains("version 1"), reason);
    }

    @Test
    void aFileWithoutVersionIsRefused() {
        assertTrue(refused(codec.read("{\"provider\": {}}")).contains("profileVersion"));
        assertTrue(refused(codec.read("[1,2]")).contains("not a JSON object"));
    }

    @Test
    void wrongTypesAndUnknownValuesNameTheField() {
        assertTrue(refused(codec.read("{\"profileVersion\":1,\"provider\":{\"scopes\":\"openid\"}}"))
                .contains("provider.scopes"));
        String r = refused(codec.read("{\"profileVersion\":1,\"provider\":{\"clientType\":\"hybrid\"}}"));
        assertTrue(r.contains("provider.clientType") && r.contains("CONFIDENTIAL"), r);
        assertTrue(refused(codec.read("{\"profileVersion\":1,\"keys\":{\"keyId\":5}}")).contains("keys.keyId"));
    }

    @Test
    void aSecretSmuggledIntoAFileIsIgnored() {
        Profile p = loaded(codec.read("{\"profileVersion\":1,\"provider\":{\"clientSecret\":\"x\"}}"));
        assertTrue(p.configuration().provider().clientSecret().isEmpty());
    }

    static Profile loaded(ProfileLoad load) {
        return assertInstanceOf(ProfileLoad.Loaded.class, load).profile();
    }

    static String refused(ProfileLoad load) {
        return assertInstanceOf(ProfileLoad.Refused.class, load).reason();
    }
}
