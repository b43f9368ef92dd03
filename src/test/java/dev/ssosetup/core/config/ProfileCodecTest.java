package dev.ssosetup.core.config;

import dev.ssosetup.core.common.Secret;
import dev.ssosetup.core.provider.Deployment;
import dev.ssosetup.core.provider.OpenMetadataVersion;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
        assertTrue(codec.write(original).contains("\"profileVersion\" : 2"));
    }

    @Test
    void theVersionTwoSampleIsWhatTheCodecWritesForTheVersionOneSample() {
        // sample-profile.json is a profile saved before issue 18 (version 1); written again it is version 2
        assertTrue(Samples.resource("/golden/sample-profile.json").contains("\"profileVersion\" : 1"));
        assertEquals(Samples.resource("/golden/sample-profile-v2.json"), codec.write(Samples.profile()));
    }

    @Test
    void aProfileSavedBeforeTheTargetVersionLoadsAsOneTenAndSaysItWasUpgraded() {
        ProfileLoad load = codec.read(Samples.resource("/golden/sample-profile.json"));
        ProfileLoad.Loaded loaded = assertInstanceOf(ProfileLoad.Loaded.class, load);
        assertTrue(loaded.upgraded());
        assertEquals("profile.upgraded", loaded.notes().getFirst().key());
        String note = ENGLISH.text(loaded.notes().getFirst());
        assertTrue(note.contains("upgraded"), note);
        assertTrue(note.contains("1.10"), note);
        assertEquals(OpenMetadataVersion.V1_10, loaded.profile().configuration().provider().openMetadataVersion());
        ProfileLoad.Loaded again = assertInstanceOf(ProfileLoad.Loaded.class,
                codec.read(codec.write(loaded.profile())));
        assertFalse(again.upgraded(), "a version 2 profile is not upgraded again");
    }

    @Test
    void theTargetVersionAndTheTwoPointZeroSettingsRoundTrip() {
        var c = Samples.confidential();
        var p = c.provider().toBuilder().openMetadataVersion(OpenMetadataVersion.V2_0).sessionExpirySeconds(7200)
                .maxActiveSessionsPerUser(2).teamClaimMapping("department").defaultOAuthRole("DataConsumer")
                .prompt("select_account").build();
        Profile back = loaded(codec.read(codec.write(new Profile(c.withProvider(p), Map.of()))));
        assertEquals(p.toBuilder().clientSecret(Secret.empty()).build(), back.configuration().provider());
        String r = refused(codec.read("{\"profileVersion\":2,\"provider\":{\"openMetadataVersion\":\"0.9\"}}"));
        assertTrue(r.contains("provider.openMetadataVersion") && r.contains("2.0"), r);
        assertTrue(refused(codec.read("{\"profileVersion\":2,\"provider\":{\"sessionExpirySeconds\":\"x\"}}"))
                .contains("provider.sessionExpirySeconds"));
    }

    @Test
    void theDeploymentRoundTripsAndAProfileWithoutItIsSelfHosted() {
        var c = Samples.confidential();
        var p = c.provider().toBuilder().deployment(Deployment.COLLATE).build();
        Profile back = loaded(codec.read(codec.write(new Profile(c.withProvider(p), Map.of()))));
        assertEquals(Deployment.COLLATE, back.configuration().provider().deployment());
        assertEquals(Deployment.SELF_HOSTED, loaded(codec.read(Samples.resource("/golden/sample-profile.json")))
                .configuration().provider().deployment());
        String r = refused(codec.read("{\"profileVersion\":2,\"provider\":{\"deployment\":\"cloud\"}}"));
        assertTrue(r.contains("provider.deployment") && r.contains("COLLATE"), r);
    }

    @Test
    void brokenJsonIsRefusedWithItsPosition() {
        String reason = refused(codec.read("{\"profileVersion\": 1, \"provider\": {"));
        assertTrue(reason.contains("not valid JSON"), reason);
        assertTrue(reason.contains("line"), reason);
    }

    @Test
    void aFutureVersionIsRefused() {
        String reason = refused(codec.read("{\"profileVersion\": 3}"));
        assertTrue(reason.contains("version 3") && reason.contains("1 and 2"), reason);
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

    private static final dev.ssosetup.core.text.Messages ENGLISH = dev.ssosetup.core.text.Messages.forLocale(java.util.Locale.ENGLISH);

    static Profile loaded(ProfileLoad load) {
        return assertInstanceOf(ProfileLoad.Loaded.class, load).profile();
    }

    static String refused(ProfileLoad load) {
        return ENGLISH.text(assertInstanceOf(ProfileLoad.Refused.class, load).reason());
    }
}
