package dev.ssosetup.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ssosetup.core.push.BackupStore;
import dev.ssosetup.core.net.HttpGatewayFactory;
import dev.ssosetup.core.push.LockoutEvidence;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What {@code push} and {@code restore} get from the composition root: adapters behind core interfaces, the clock,
 * standard input for the confirmation, and two optional seams the lead wires at merge: {@code profileRenderer} (a
 * profile file to the {@code SecurityConfiguration} body, used by {@code --profile}) and {@code evidence} (this
 * session's login test, for the lock-out guard).
 */
public record PushEnvironment(HttpGatewayFactory gateways, Function<Path, BackupStore> backupStores,
                              Path defaultBackupFolder, Clock clock,
                              Optional<Function<Path, ObjectNode>> profileRenderer,
                              Supplier<LockoutEvidence> evidence, InputStream stdin) {
    public PushEnvironment {
        Objects.requireNonNull(gateways);
        Objects.requireNonNull(backupStores);
        Objects.requireNonNull(defaultBackupFolder);
        Objects.requireNonNull(clock);
        profileRenderer = Objects.requireNonNullElse(profileRenderer, Optional.empty());
        evidence = Objects.requireNonNullElse(evidence, LockoutEvidence::none);
        Objects.requireNonNull(stdin);
    }

    /** The same environment with a profile renderer: the one line the lead adds when the Review feature is merged. */
    public PushEnvironment withProfileRenderer(Function<Path, ObjectNode> renderer) {
        return new PushEnvironment(gateways, backupStores, defaultBackupFolder, clock, Optional.of(renderer),
                evidence, stdin);
    }
}
