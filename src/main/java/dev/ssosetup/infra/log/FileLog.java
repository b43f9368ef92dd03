package dev.ssosetup.infra.log;

import dev.ssosetup.core.diagnostics.LogRedaction;
import dev.ssosetup.core.diagnostics.LogSource;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The app's log: every {@link System.Logger} record of {@code dev.ssosetup} (and WARNING and above from libraries)
 * goes, redacted, to {@code sso-setup.log} in the log folder, rotated at {@link #LIMIT} bytes with {@link #KEEP} old
 * files. The folder is owner-only (0700) and so are the files (0600) where the platform has POSIX modes. Nothing goes
 * to the console: an operator sees messages, never stack traces; the stack traces are here.
 */
public final class FileLog implements LogSource {
    /** Bytes per file before it is rotated. */
    static final long LIMIT = 1_000_000;
    /** Old files kept: sso-setup.log.1 ... .KEEP. */
    static final int KEEP = 4;
    static final String FILE = "sso-setup.log";

    private final Path folder;
    private final Logger root;
    /** Held here: the JDK keeps loggers only weakly, and a collected logger would forget its level. */
    private final Logger app = Logger.getLogger("dev.ssosetup");
    private final RotatingHandler handler;

    private FileLog(Path folder, Logger root, RotatingHandler handler) {
        this.folder = folder;
        this.root = root;
        this.handler = handler;
    }

    /**
     * Sends the JDK's logging to a file in {@code folder} (made owner-only when missing). When the folder cannot be
     * made or written, logging goes nowhere and the app runs on: {@link LogSource#none()}.
     */
    public static LogSource install(Path folder, boolean verbose) {
        LogManager.getLogManager().reset(); // drops the console handler: nothing of the log reaches stderr
        Logger root = Logger.getLogger("");
        root.setLevel(Level.WARNING); // libraries: warnings and worse
        try {
            makeOwnerOnlyFolder(folder);
            RotatingHandler handler = new RotatingHandler(folder.resolve(FILE));
            root.addHandler(handler);
            FileLog log = new FileLog(folder, root, handler);
            log.verbose(verbose);
            return log;
        } catch (IOException | RuntimeException e) {
            return LogSource.none();
        }
    }

    /**
     * The default log folder: {@code %LOCALAPPDATA%\SSO Setup Console\logs} on Windows,
     * {@code ~/Library/Logs/SSO Setup Console} on macOS, {@code ~/.sso-setup-console/logs} elsewhere (beside the
     * backups).
     */
    public static Path defaultFolder() {
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        Path home = Path.of(System.getProperty("user.home"));
        if (os.contains("win")) {
            String local = System.getenv("LOCALAPPDATA");
            return (local == null || local.isBlank() ? home.resolve("AppData").resolve("Local") : Path.of(local))
                    .resolve("SSO Setup Console").resolve("logs");
        }
        if (os.contains("mac")) {
            return home.resolve("Library").resolve("Logs").resolve("SSO Setup Console");
        }
        return home.resolve(".sso-setup-console").resolve("logs");
    }

    @Override
    public String location() {
        return folder.toAbsolutePath().toString();
    }

    @Override
    public List<String> lastLines(int count) {
        handler.flush();
        List<Path> files = new ArrayList<>();
        for (int i = KEEP; i >= 1; i--) {
            files.add(folder.resolve(FILE + "." + i));
        }
        files.add(folder.resolve(FILE));
        Deque<String> last = new ArrayDeque<>();
        for (Path f : files) {
            if (!Files.isRegularFile(f)) {
                continue;
            }
            try {
                for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                    last.addLast(line);
                    if (last.size() > count) {
                        last.removeFirst();
                    }
                }
            } catch (IOException e) {
                last.addLast("(could not read " + f.getFileName() + ")");
            }
        }
        return List.copyOf(last);
    }

    @Override
    public void verbose(boolean on) {
        app.setLevel(on ? Level.FINE : Level.INFO);
        handler.setLevel(Level.ALL);
        root.setLevel(Level.WARNING);
    }

    private static void makeOwnerOnlyFolder(Path folder) throws IOException {
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        if (!Files.isDirectory(folder)) {
            Files.createDirectories(folder.getParent() == null ? folder : folder.getParent());
            if (posix) {
                Files.createDirectory(folder,
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectory(folder);
            }
        }
        if (posix) {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
        }
    }

    /** One line per record (plus the stack trace), redacted; the file rotates at {@link #LIMIT}. */
    static final class RotatingHandler extends Handler {
        private final Path file;
        private OutputStream out;
        private long size;

        RotatingHandler(Path file) throws IOException {
            this.file = file;
            open();
        }

        private void open() throws IOException {
            boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
            if (posix && !Files.exists(file)) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            size = Files.size(file);
        }

        @Override
        public synchronized void publish(LogRecord r) {
            if (r == null || !isLoggable(r)) {
                return;
            }
            byte[] line = format(r).getBytes(StandardCharsets.UTF_8);
            try {
                if (size + line.length > LIMIT && size > 0) {
                    rotate();
                }
                out.write(line);
                size += line.length;
            } catch (IOException e) {
                reportError(null, e, java.util.logging.ErrorManager.WRITE_FAILURE);
            }
        }

        private void rotate() throws IOException {
            out.close();
            Files.deleteIfExists(file.resolveSibling(FILE + "." + KEEP));
            for (int i = KEEP - 1; i >= 1; i--) {
                Path from = file.resolveSibling(FILE + "." + i);
                if (Files.exists(from)) {
                    Files.move(from, file.resolveSibling(FILE + "." + (i + 1)));
                }
            }
            Files.move(file, file.resolveSibling(FILE + ".1"));
            open();
        }

        static String format(LogRecord r) {
            String message = r.getMessage();
            if (r.getParameters() != null && r.getParameters().length > 0 && message != null) {
                try {
                    message = java.text.MessageFormat.format(message, r.getParameters());
                } catch (IllegalArgumentException e) {
                    // keep the pattern as it is
                }
            }
            StringBuilder b = new StringBuilder()
                    .append(Instant.ofEpochMilli(r.getMillis())).append(' ')
                    .append(r.getLevel().getName()).append(' ')
                    .append(r.getLoggerName()).append(" [").append(Thread.currentThread().getName()).append("] ")
                    .append(message == null ? "" : message.replace('\n', ' ').replace('\r', ' '));
            if (r.getThrown() != null) {
                StringWriter trace = new StringWriter();
                r.getThrown().printStackTrace(new PrintWriter(trace));
                b.append('\n').append(trace.toString().stripTrailing());
            }
            return LogRedaction.redact(b.toString()) + System.lineSeparator();
        }

        @Override
        public synchronized void flush() {
            try {
                out.flush();
            } catch (IOException e) {
                reportError(null, e, java.util.logging.ErrorManager.FLUSH_FAILURE);
            }
        }

        @Override
        public synchronized void close() {
            try {
                out.close();
            } catch (IOException e) {
                reportError(null, e, java.util.logging.ErrorManager.CLOSE_FAILURE);
            }
        }
    }
}
