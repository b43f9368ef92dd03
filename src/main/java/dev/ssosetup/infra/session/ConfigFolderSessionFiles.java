package dev.ssosetup.infra.session;

import dev.ssosetup.core.common.Problem;

import dev.ssosetup.core.session.SessionFiles;
import dev.ssosetup.infra.config.LocalConfigFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@link SessionFiles} in a per-user folder: {@code $XDG_CONFIG_HOME/sso-setup-console} (else
 * {@code ~/.config/sso-setup-console}) on Linux, {@code %APPDATA%\SSO Setup Console} on Windows,
 * {@code ~/Library/Application Support/SSO Setup Console} on macOS. Files are written atomically and owner-only.
 */
public final class ConfigFolderSessionFiles implements SessionFiles {
    private static final long MAX_BYTES = 1024 * 1024;
    private final Path folder;
    private final LocalConfigFiles files = new LocalConfigFiles();

    public ConfigFolderSessionFiles(Path folder) {
        this.folder = folder;
    }

    /** The folder for this user and system; {@code -Dsso.setup.configDir=DIR} overrides it (tests). */
    public static Path defaultFolder() {
        String override = System.getProperty("sso.setup.configDir");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        String home = System.getProperty("user.home");
        if (os.contains("win") && System.getenv("APPDATA") != null) {
            return Path.of(System.getenv("APPDATA"), "SSO Setup Console");
        }
        if (os.contains("mac")) {
            return Path.of(home, "Library", "Application Support", "SSO Setup Console");
        }
        String xdg = System.getenv("XDG_CONFIG_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(home, ".config")).resolve("sso-setup-console");
    }

    public Path folder() {
        return folder;
    }

    @Override
    public Optional<String> read(String name) throws IOException {
        Path p = folder.resolve(name);
        if (!Files.isRegularFile(p)) {
            return Optional.empty();
        }
        if (Files.size(p) > MAX_BYTES) {
            throw new Problem.ProblemException(Problem.tooLarge(MAX_BYTES));
        }
        return Optional.of(files.read(p.toString()));
    }

    @Override
    public void write(String name, String text) throws IOException {
        Files.createDirectories(folder);
        files.write(folder.resolve(name).toString(), text, true);
    }

    @Override
    public void delete(String name) throws IOException {
        Files.deleteIfExists(folder.resolve(name));
    }

    @Override
    public boolean isFolder(String path) {
        return path != null && !path.isBlank() && Files.isDirectory(Path.of(path));
    }

    @Override
    public String documentsFolder() {
        Path home = Path.of(System.getProperty("user.home"));
        Path documents = home.resolve("Documents");
        return (Files.isDirectory(documents) ? documents : home).toString();
    }
}
