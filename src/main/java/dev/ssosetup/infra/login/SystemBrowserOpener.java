package dev.ssosetup.infra.login;

import dev.ssosetup.core.login.BrowserOpener;

import java.awt.Desktop;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Opens the operator's system browser. On Linux {@code xdg-open} comes first (it honours {@code $BROWSER}; exit 0
 * opened, 3 no browser found, 4 failed), on macOS {@code open}; then {@link Desktop#browse} but only when the
 * platform really supports BROWSE (on Linux it usually does not). Every failure is reported, never thrown, so the
 * caller shows the URL instead.
 */
public final class SystemBrowserOpener implements BrowserOpener {
    private static final long COMMAND_TIMEOUT_SECONDS = 10;
    private final String osName;

    public SystemBrowserOpener() {
        this(System.getProperty("os.name", ""));
    }

    SystemBrowserOpener(String osName) {
        this.osName = osName.toLowerCase(Locale.ROOT);
    }

    @Override
    public BrowserOutcome open(URI url) {
        List<String> reasons = new ArrayList<>();
        String command = osName.contains("mac") ? "open" : osName.contains("win") ? null : "xdg-open";
        if (command != null) {
            BrowserOutcome viaCommand = run(command, url);
            if (viaCommand instanceof Opened) {
                return viaCommand;
            }
            reasons.add(((NotOpened) viaCommand).reason());
        }
        BrowserOutcome viaDesktop = desktop(url);
        if (viaDesktop instanceof Opened) {
            return viaDesktop;
        }
        reasons.add(((NotOpened) viaDesktop).reason());
        return new NotOpened(String.join("; ", reasons));
    }

    BrowserOutcome run(String command, URI url) {
        Process process;
        try {
            process = new ProcessBuilder(command, url.toString())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .redirectInput(ProcessBuilder.Redirect.from(nullFile()))
                    .start();
        } catch (IOException e) {
            return new NotOpened(command + " is not installed");
        }
        try {
            if (!process.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                // a browser that stays in the foreground: it did start
                return new Opened(command);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new NotOpened(command + " was interrupted");
        }
        return switch (process.exitValue()) {
            case 0 -> new Opened(command);
            case 3 -> new NotOpened(command + " found no browser");
            case 4 -> new NotOpened(command + " could not open the browser");
            default -> new NotOpened(command + " failed (exit " + process.exitValue() + ")");
        };
    }

    private static java.io.File nullFile() {
        return new java.io.File(System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win")
                ? "NUL" : "/dev/null");
    }

    private static BrowserOutcome desktop(URI url) {
        try {
            if (!Desktop.isDesktopSupported() || !Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
                return new NotOpened("this desktop cannot open a browser for Java");
            }
            Desktop.getDesktop().browse(url);
            return new Opened("desktop");
        } catch (IOException | RuntimeException | java.awt.AWTError e) {
            return new NotOpened("the desktop could not open a browser");
        }
    }
}
