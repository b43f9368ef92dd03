package dev.ssosetup.testserver;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The {@link PushFixture} servers for one test class, as a JUnit extension: started when the class's tests start
 * (the field is initialised), before each test cleared of faults and request counts and storing OpenMetadata's basic
 * configuration, stopped after the class; with a folder for the class's backups. Use:
 * <pre>{@code @RegisterExtension static final PushServers fx = new PushServers();}</pre>
 * A test that wants another server version or mode sets it itself (in its own {@code @BeforeEach}).
 */
public final class PushServers extends PushFixture implements BeforeEachCallback, AfterAllCallback {
    private Path backups;

    /** A folder for the class's backups: a new temporary folder, made at the first call. */
    public synchronized Path backups() {
        if (backups == null) {
            try {
                backups = Files.createTempDirectory("push-backups");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return backups;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        om.clearFaults();
        om.store(om.basicConfiguration());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }
}
