package dev.ssosetup.core.login;

import dev.ssosetup.core.common.Finding;
import dev.ssosetup.core.provider.ProviderSettings;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the latest login test says about the Provider step's current settings: the one verdict the Login test step
 * shows and the other steps' notes repeat (ADR 0018). A result obtained with other login settings proves nothing
 * about the current ones ({@link LoginTestResult#matches}), whether it passed or failed; a passed result's OpenMetadata
 * preview follows the current mapping settings without a new sign-in.
 */
public sealed interface LoginVerdict {

    /** No login test in this session. */
    record None() implements LoginVerdict {
    }

    /**
     * The latest test ran with other login settings. {@code preview} is there when that test passed (the claims still
     * show what OpenMetadata would make of them with the current mapping).
     */
    record Stale(LoginTestResult result, Optional<OpenMetadataPreview> preview, List<Finding> warnings)
            implements LoginVerdict {
        public Stale {
            Objects.requireNonNull(result);
            warnings = List.copyOf(warnings);
        }
    }

    /** The latest test, with the current settings, failed. */
    record Failed(LoginTestResult.Failed failure) implements LoginVerdict {
        public Failed {
            Objects.requireNonNull(failure);
        }

        public List<Finding> warnings() {
            return failure.findings();
        }
    }

    /** The latest test, with the current settings, passed; {@code warnings} lead with the preview's. */
    record Passed(LoginTestResult result, OpenMetadataPreview preview, List<Finding> warnings)
            implements LoginVerdict {
        public Passed {
            Objects.requireNonNull(result);
            Objects.requireNonNull(preview);
            warnings = List.copyOf(warnings);
        }

        /** The user OpenMetadata would sign in: the preview's user name, else the token's subject. */
        public String userName() {
            return preview.userName().isEmpty() ? JsonValues.text(result.claims().get("sub")) : preview.userName();
        }
    }

    static LoginVerdict of(LoginTestResult result, ProviderSettings current) {
        if (result == null) {
            return new None();
        }
        Optional<OpenMetadataPreview> preview = result.passed()
                ? Optional.of(OpenMetadataPreview.of(current, result.claims(), result.userInfo()))
                : Optional.empty();
        List<Finding> warnings = warnings(result, preview);
        if (!result.matches(current)) {
            return new Stale(result, preview, warnings);
        }
        if (result instanceof LoginTestResult.Failed failed) {
            return new Failed(failed);
        }
        return new Passed(result, preview.orElseThrow(), warnings);
    }

    /** The result's own notes, with the preview's warnings recomputed for the current settings in front. */
    private static List<Finding> warnings(LoginTestResult result, Optional<OpenMetadataPreview> preview) {
        if (preview.isEmpty()) {
            return result.findings();
        }
        List<Finding> all = new ArrayList<>(preview.get().warnings());
        result.findings().stream()
                .filter(x -> !x.id().startsWith("login-not-admin") && !x.id().startsWith("login-no-principal")
                        && !x.id().startsWith("login-domain") && !x.id().startsWith("login-mapping"))
                .forEach(all::add);
        return all;
    }
}
