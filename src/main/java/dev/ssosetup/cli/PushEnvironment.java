package dev.ssosetup.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ssosetup.core.common.OperatorFiles;
import dev.ssosetup.core.push.BackupStore;
import dev.ssosetup.core.net.HttpGatewayFactory;
import dev.ssosetup.core.login.LoginTest;
import dev.ssosetup.core.provider.ProviderSettings;
import dev.ssosetup.core.push.LockoutEvidence;
import dev.ssosetup.core.push.ServerVersion;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What {@code push} and {@code restore} get from the composition root: adapters behind core interfaces, the clock,
 * standard input for the confirmation, {@code files} (where {@code --token-file}, {@code --config}, the secret and CA
 * files are read: the {@link OperatorFiles} port), and two optional seams the lead wires at merge:
 * {@code profileRenderer} (a profile file to the {@code SecurityConfiguration} body, used by {@code --profile}) and
 * {@code evidence} (this session's login test, for the lock-out guard).
 */
public record PushEnvironment(HttpGatewayFactory gateways, Function<Path, BackupStore> backupStores,
                              Path defaultBackupFolder, Clock clock,
                              Optional<Function<Path, ObjectNode>> profileRenderer,
                              Supplier<LockoutEvidence> evidence, InputStream stdin, OperatorFiles files,
                              Extras extras) {
    /**
     * Issue 18's seams: {@code profiles} renders a profile for the server's version (used by {@code --profile} when
     * set, instead of {@code profileRenderer}), {@code loginTest} runs {@code push --login}'s login test.
     */
    public record Extras(Optional<TargetedProfiles> profiles, Optional<LoginTest> loginTest) {
        public Extras {
            profiles = Objects.requireNonNullElse(profiles, Optional.empty());
            loginTest = Objects.requireNonNullElse(loginTest, Optional.empty());
        }

        public static Extras none() {
            return new Extras(Optional.empty(), Optional.empty());
        }
    }

    /** A profile file, opened and rendered for a server version (empty: for the profile's own target). */
    public interface TargetedProfiles {
        /** @throws ProfileRefused with the reason when the profile is refused or not ready */
        TargetedProfile render(Path profile, ServerVersion server);
    }

    /**
     * A profile {@code --profile} cannot push, with the reason as operator text ({@link dev.ssosetup.core.text.Text})
     * or as a value core gave; the command prints it in its language.
     */
    public static final class ProfileRefused extends IllegalArgumentException {
        private final transient Object reason;

        public ProfileRefused(Object reason) {
            super(String.valueOf(reason), null);
            this.reason = reason;
        }

        public Object reason() {
            return reason;
        }
    }

    /**
     * The body to push, the provider settings it came from (for the login test), the Keys step's key id (for the
     * checklist and the key check) and notes for the operator ({@link dev.ssosetup.core.text.Text}, or plain words).
     */
    public record TargetedProfile(ObjectNode body, ProviderSettings provider, String keyId, List<Object> notes) {
        public TargetedProfile {
            notes = List.copyOf(notes);
        }
    }

    public PushEnvironment(HttpGatewayFactory gateways, Function<Path, BackupStore> backupStores,
                           Path defaultBackupFolder, Clock clock, Optional<Function<Path, ObjectNode>> profileRenderer,
                           Supplier<LockoutEvidence> evidence, InputStream stdin, OperatorFiles files) {
        this(gateways, backupStores, defaultBackupFolder, clock, profileRenderer, evidence, stdin, files,
                Extras.none());
    }

    public PushEnvironment {
        extras = Objects.requireNonNullElse(extras, Extras.none());
        Objects.requireNonNull(gateways);
        Objects.requireNonNull(backupStores);
        Objects.requireNonNull(defaultBackupFolder);
        Objects.requireNonNull(clock);
        profileRenderer = Objects.requireNonNullElse(profileRenderer, Optional.empty());
        evidence = Objects.requireNonNullElse(evidence, LockoutEvidence::none);
        Objects.requireNonNull(stdin);
        Objects.requireNonNull(files);
    }

    /** The same environment with a profile renderer: the one line the lead adds when the Review feature is merged. */
    public PushEnvironment withProfileRenderer(Function<Path, ObjectNode> renderer) {
        return new PushEnvironment(gateways, backupStores, defaultBackupFolder, clock, Optional.of(renderer),
                evidence, stdin, files, extras);
    }

    /** The same environment with issue 18's seams. */
    public PushEnvironment withExtras(Extras more) {
        return new PushEnvironment(gateways, backupStores, defaultBackupFolder, clock, profileRenderer, evidence,
                stdin, files, more);
    }
}
