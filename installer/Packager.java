import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

/**
 * Builds the native installers of SSO Setup Console: trimmed runtime (jlink, JavaFX as modules), app image,
 * AOT cache from a training run, then the OS package(s).
 *
 * <p>Why a Java source file and not shell: the same steps must run on Linux, macOS and Windows, and the JDK tools
 * ({@code jdeps}, {@code jlink}, {@code jpackage}) are called in-process through {@link ToolProvider}, so no
 * executable path or quoting differs between systems. The Maven profile {@code installer} runs it with
 * {@code java installer/Packager.java} after {@code package} has produced {@code target/sso-setup-console.jar} and
 * {@code target/lib}. Settings come as {@code -Dinstaller.*} system properties (see {@code installer/README.md}).
 */
public final class Packager {
    static final String APP_NAME = "SSO Setup Console";
    static final String LAUNCHER = "sso-setup";
    static final String PACKAGE = "sso-setup-console";
    static final String MAIN_JAR = "sso-setup-console.jar";
    static final String MAIN_CLASS = "dev.ssosetup.app.Main";
    static final String VENDOR = "SSO Setup Console project";
    static final String DESCRIPTION = "Guided setup of OpenID Connect single sign-on for OpenMetadata";
    /** Windows upgrade code: FIXED forever, so that a newer .msi replaces the older one. */
    static final String WIN_UPGRADE_UUID = "6f1d3c52-8a0e-4c1b-9d7e-3b2a5e8c4f17";
    static final String MAC_BUNDLE_ID = "dev.ssosetup.console";

    /**
     * Modules always linked, whatever jdeps finds: those the app reaches by reflection, service loading or only
     * on some code paths, which static analysis cannot see.
     */
    static final List<String> BASE_MODULES = List.of(
            "javafx.controls", "javafx.fxml",      // the wizard (javafx.base/graphics come with them)
            "java.net.http",                       // core.net HttpGateway adapter
            "jdk.httpserver",                      // loopback redirect listener for the login test
            "java.desktop",                        // Desktop.browse fallback, ImageIO
            "java.naming",                         // Nimbus / JSON-smart, LDAP-style names in certificates
            "java.sql",                            // Jackson java.sql.Date/Timestamp support
            "java.logging",                        // JUL used by JavaFX and Nimbus
            "java.management",                     // JMX beans touched by libraries at start
            "java.prefs",                          // remembered window and settings
            "java.scripting",                      // required by javafx.fxml
            "jdk.crypto.ec", "jdk.crypto.cryptoki",// EC keys (ES256), PKCS#11 tokens
            "jdk.unsupported",                     // sun.misc.Unsafe for BouncyCastle / Jackson
            "jdk.zipfs",                           // reading bundled resources as a file system
            "jdk.charsets",                        // operator files in legacy encodings
            "jdk.net");                            // jdk.localedata deliberately NOT linked (saves 25 MB)

    /** Runtime options of the launcher: JavaFX is modular in the image, ControlsFX is on the class path. */
    static final List<String> JAVA_OPTIONS = List.of(
            // a desktop tool on a few cores: one GC thread, no concurrent GC work competing with the start-up
            // (bench/startup/jvm-options.sh: first frame 0.82x of G1's, each with its own trained cache; ADR 0009).
            // -Xmx512m and -XX:TieredStopAtLevel=1 were measured and left out (bench/RESULTS.md)
            "-XX:+UseSerialGC",
            // a small initial heap that grows as needed: the default (1/64 of the machine's memory, 376 MB on 24 GB,
            // a third of it young generation) is touched through once by the start-up's garbage and stays resident.
            // RSS 3 s after the first frame 347 -> 277 MB, first frame unchanged within the noise (bench/RESULTS.md
            // "Start-up round 3", ADR 0034)
            "-Xms32m",
            "--enable-native-access=javafx.graphics,ALL-UNNAMED",
            "--add-exports=javafx.base/com.sun.javafx.event=ALL-UNNAMED",
            "--add-exports=javafx.base/com.sun.javafx.collections=ALL-UNNAMED",
            "--add-exports=javafx.base/com.sun.javafx.runtime=ALL-UNNAMED",
            "--add-exports=javafx.graphics/com.sun.javafx.scene=ALL-UNNAMED",
            "--add-exports=javafx.graphics/com.sun.javafx.scene.traversal=ALL-UNNAMED",
            "--add-exports=javafx.graphics/com.sun.javafx.css=ALL-UNNAMED",
            "--add-exports=javafx.graphics/com.sun.javafx.tk=ALL-UNNAMED",
            "--add-exports=javafx.controls/com.sun.javafx.scene.control=ALL-UNNAMED",
            "--add-exports=javafx.controls/com.sun.javafx.scene.control.behavior=ALL-UNNAMED",
            "--add-exports=javafx.controls/com.sun.javafx.scene.control.inputmap=ALL-UNNAMED",
            "--add-opens=javafx.controls/javafx.scene.control.skin=ALL-UNNAMED",
            "--add-opens=javafx.graphics/javafx.scene=ALL-UNNAMED");

    private final Path base;
    private final Path target;
    private final Path work;
    private final String version;
    private final Os os = Os.current();

    Packager(Path base, String version) {
        this.base = base;
        this.target = base.resolve("target");
        this.work = target.resolve("installer");
        this.version = version;
    }

    public static void main(String[] args) throws Exception {
        Path base = Path.of(System.getProperty("installer.basedir", ".")).toAbsolutePath().normalize();
        String version = System.getProperty("installer.version", "0.1.0");
        try {
            new Packager(base, version).run();
        } catch (Failure f) {
            System.err.println("[installer] FAILED: " + f.getMessage());
            System.exit(1);
        }
    }

    void run() throws IOException, InterruptedException {
        Path mainJar = target.resolve(MAIN_JAR);
        Path lib = target.resolve("lib");
        if (!Files.isRegularFile(mainJar) || !Files.isDirectory(lib)) {
            throw new Failure(mainJar + " or " + lib + " is missing: run './mvnw -Pinstaller package' (the profile "
                    + "runs after the jar and the dependency copy)");
        }
        deleteTree(work);
        Path input = Files.createDirectories(work.resolve("input"));
        Path jfx = Files.createDirectories(work.resolve("javafx-modules"));
        stage(mainJar, lib, input, jfx);

        List<String> modules = modules(input, jfx);
        Path runtime = work.resolve("runtime");
        log("jlink: " + String.join(",", modules));
        tool("jlink", "--module-path", jfx.toString(), "--add-modules", String.join(",", modules),
                "--strip-debug", "--no-header-files", "--no-man-pages",
                // default CDS archive for the JDK classes: anything started on this runtime without the app's AOT
                // cache (the training run itself, the startup benchmark's bare window) still starts quickly
                "--generate-cds-archive", "--output", runtime.toString());

        Path images = work.resolve("image");
        List<String> image = new ArrayList<>(List.of("--type", "app-image", "--dest", images.toString(),
                "--name", os.mainLauncher, "--app-version", version, "--vendor", VENDOR, "--description", DESCRIPTION,
                "--input", input.toString(), "--main-jar", MAIN_JAR, "--main-class", MAIN_CLASS,
                "--runtime-image", runtime.toString(), "--icon", icon().toString()));
        for (String option : JAVA_OPTIONS) {
            image.add("--java-options");
            image.add(option);
        }
        if (os != Os.LINUX) {
            // GUI launcher "SSO Setup Console" for the shortcut; "sso-setup" for the command line (a console
            // launcher on Windows, so that --version and the commands print to the terminal)
            image.addAll(List.of("--add-launcher", LAUNCHER + "=" + base.resolve("installer").resolve(os.dir)
                    .resolve("cli-launcher.properties")));
        }
        if (os == Os.MAC) {
            image.addAll(List.of("--mac-package-identifier", MAC_BUNDLE_ID, "--mac-package-name", APP_NAME));
            signing(image);
        }
        log("jpackage app image");
        tool("jpackage", image.toArray(String[]::new));
        Path appImage = appImage(images);
        log("app image: " + appImage);

        if (Boolean.parseBoolean(System.getProperty("installer.aot", "true"))) {
            new AotTraining(appImage, os).train();
        } else {
            log("AOT cache skipped (-Dinstaller.aot=false)");
        }
        if (os == Os.LINUX) {
            commandLauncher(appImage);
        }
        for (String type : types()) {
            log("jpackage " + type);
            tool("jpackage", packageArgs(type, appImage).toArray(String[]::new));
        }
        try (Stream<Path> out = Files.list(work)) {
            out.filter(Files::isRegularFile).forEach(p -> log("built " + p + " (" + size(p) + ")"));
        }
    }

    /** The command on the PATH (/usr/bin/sso-setup links to it): {@code lib/sso-setup-command}, ADR 0035. */
    static final String COMMAND_SCRIPT = "sso-setup-command";

    /**
     * Writes {@code lib/sso-setup-command}: a POSIX shell script that starts the image's runtime exactly as the
     * native launcher {@code bin/sso-setup} does (the same class path, options and main class from its .cfg, the
     * same {@code jpackage.app-path}; so the AOT cache is accepted), without the native launcher's look-up of the
     * package that owns it: before the JVM starts it runs {@code rpm -qf} and {@code dpkg -S} twice (about 90 ms
     * each with 900 packages installed, more on a desktop), which is most of a {@code --version} (bench/RESULTS.md,
     * "Start-up round 4"). The window keeps the native launcher (menu entry).
     */
    private void commandLauncher(Path appImage) throws IOException {
        Path cfg = appImage.resolve("lib").resolve("app").resolve(os.mainLauncher + ".cfg");
        List<String> classPath = new ArrayList<>();
        List<String> options = new ArrayList<>();
        String mainClass = null;
        for (String line : Files.readAllLines(cfg, StandardCharsets.UTF_8)) {
            if (line.startsWith("app.classpath=")) {
                classPath.add(line.substring("app.classpath=".length()));
            } else if (line.startsWith("app.mainclass=")) {
                mainClass = line.substring("app.mainclass=".length());
            } else if (line.startsWith("java-options=")) {
                options.add(line.substring("java-options=".length()));
            }
        }
        if (mainClass == null || classPath.isEmpty()) {
            throw new Failure(cfg + " names no main class or class path: cannot write the command launcher");
        }
        StringBuilder sh = new StringBuilder();
        sh.append("#!/bin/sh\n")
                .append("# sso-setup on the command line: the image's runtime started as bin/sso-setup starts it\n")
                .append("# (written by installer/Packager.java from lib/app/").append(os.mainLauncher)
                .append(".cfg), without the native launcher's package look-up (ADR 0035).\n")
                .append("here=$(dirname \"$(readlink -f \"$0\")\")\n")
                .append("APPDIR=\"$here/app\"\n")
                .append("exec \"$here/runtime/bin/java\"");
        for (String option : options) {
            sh.append(" \\\n    ").append(shellWord(option));
        }
        sh.append(" \\\n    ").append(shellWord("-Djpackage.app-path=$here/../bin/" + os.mainLauncher));
        sh.append(" \\\n    -cp ").append(shellWord(String.join(":", classPath)));
        sh.append(" \\\n    ").append(shellWord(mainClass)).append(" \"$@\"\n");
        Path script = appImage.resolve("lib").resolve(COMMAND_SCRIPT);
        Files.writeString(script, sh.toString(), StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(script, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        log("command launcher " + script);
    }

    /** One double-quoted shell word in which only {@code $APPDIR} and {@code $here} expand. */
    static String shellWord(String value) {
        String rest = value.replace("$APPDIR", "").replace("$here", "");
        if (rest.matches(".*[\"$`\\\\].*")) {
            throw new Failure("a launcher option the command script cannot quote: " + value);
        }
        return "\"" + value + "\"";
    }

    /** Main jar and non-JavaFX libraries go to the class path input; JavaFX platform jars become modules. */
    private void stage(Path mainJar, Path lib, Path input, Path jfx) throws IOException {
        Files.copy(mainJar, input.resolve(MAIN_JAR));
        Path inputLib = Files.createDirectories(input.resolve("lib"));
        try (Stream<Path> jars = Files.list(lib)) {
            for (Path jar : jars.sorted().toList()) {
                String name = jar.getFileName().toString();
                if (!name.startsWith("javafx-")) {
                    if (copyUnsigned(jar, inputLib.resolve(name))) {
                        log("signature removed from " + name + " (ADR 0009: the AOT cache skips signed jars)");
                    }
                } else if (name.matches("javafx-[a-z]+-[0-9.]+-[a-z0-9-]+\\.jar")) {
                    Files.copy(jar, jfx.resolve(name)); // the classifier jar holds classes and natives
                }
            }
        }
        try (Stream<Path> mods = Files.list(jfx)) {
            if (mods.findAny().isEmpty()) {
                throw new Failure("no javafx-*-<platform>.jar in " + lib + ": the JavaFX platform jars are missing");
            }
        }
    }

    /**
     * Copies a class-path jar; a signed one (BouncyCastle, hkdf) loses its signature files and per-entry digests on
     * the way. Why: the JDK's AOT cache never stores classes from a signed jar, and every start that loads one of
     * them verifies the whole jar's signature (certificate parsing, security providers): 0.4 s measured before
     * the first frame and in every CLI command (bench/RESULTS.md). OpenJDK does not require a signed JCE provider,
     * and the app passes BouncyCastle's provider object explicitly, never installs it. See docs/adr/0009.
     *
     * @return whether a signature was removed
     */
    static boolean copyUnsigned(Path jar, Path dest) throws IOException {
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(jar.toFile())) {
            List<? extends java.util.zip.ZipEntry> entries = java.util.Collections.list(zip.entries());
            if (entries.stream().noneMatch(e -> isSignatureFile(e.getName()))) {
                Files.copy(jar, dest);
                return false;
            }
            try (java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(Files.newOutputStream(dest))) {
                for (java.util.zip.ZipEntry e : entries) {
                    if (isSignatureFile(e.getName())) {
                        continue;
                    }
                    java.util.zip.ZipEntry copy = new java.util.zip.ZipEntry(e.getName());
                    copy.setTime(e.getTime());
                    out.putNextEntry(copy);
                    try (java.io.InputStream in = zip.getInputStream(e)) {
                        if (e.getName().equalsIgnoreCase("META-INF/MANIFEST.MF")) {
                            java.util.jar.Manifest manifest = new java.util.jar.Manifest(in);
                            manifest.getEntries().clear(); // the per-entry digests; main attributes stay
                            manifest.write(out);
                        } else {
                            in.transferTo(out);
                        }
                    }
                    out.closeEntry();
                }
            }
            return true;
        }
    }

    static boolean isSignatureFile(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        return upper.startsWith("META-INF/") && upper.indexOf('/', "META-INF/".length()) < 0
                && (upper.endsWith(".SF") || upper.endsWith(".RSA") || upper.endsWith(".DSA") || upper.endsWith(".EC")
                || upper.startsWith("META-INF/SIG-"));
    }

    /** The base list plus whatever jdeps finds in the app and its libraries (so new dependencies are covered). */
    private List<String> modules(Path input, Path jfx) throws IOException {
        TreeSet<String> modules = new TreeSet<>(BASE_MODULES);
        List<String> args = new ArrayList<>(List.of("--multi-release", "25", "--ignore-missing-deps",
                "--print-module-deps", "--module-path", jfx.toString(),
                "--class-path", input.resolve("lib") + java.io.File.separator + "*"));
        args.add(input.resolve(MAIN_JAR).toString());
        try (Stream<Path> jars = Files.list(input.resolve("lib"))) {
            jars.sorted().forEach(j -> args.add(j.toString()));
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int rc = ToolProvider.findFirst("jdeps").orElseThrow()
                .run(new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new));
        if (rc == 0) {
            for (String m : out.toString().trim().split(",")) {
                if (!m.isBlank() && !m.trim().equals("jdk.localedata")) {
                    modules.add(m.trim());
                }
            }
            log("jdeps found: " + out.toString().trim());
        } else {
            log("WARNING jdeps failed (rc " + rc + "), linking the base module list only: " + err.toString().trim());
        }
        return new ArrayList<>(modules);
    }

    private List<String> types() {
        String wanted = System.getProperty("installer.types", "");
        if (!wanted.isBlank()) {
            return Arrays.asList(wanted.split(","));
        }
        return switch (os) {
            case LINUX -> onPath("rpmbuild") ? List.of("deb", "rpm") : List.of("deb");
            case WINDOWS -> List.of("msi");
            case MAC -> List.of("dmg");
        };
    }

    /**
     * installer/&lt;os&gt; plus the launcher icon under the name jpackage looks for: when a package is made from an
     * app image, jpackage takes the menu icon from the resource dir, else it ships its default Java icon.
     */
    private Path resources() throws IOException {
        Path res = work.resolve("resources");
        deleteTree(res);
        Files.createDirectories(res);
        try (Stream<Path> files = Files.list(base.resolve("installer").resolve(os.dir))) {
            for (Path f : files.toList()) {
                Files.copy(f, res.resolve(f.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        String ext = icon().getFileName().toString().replaceAll(".*\\.", ".");
        Files.copy(icon(), res.resolve(os.mainLauncher + ext), StandardCopyOption.REPLACE_EXISTING);
        return res;
    }

    private List<String> packageArgs(String type, Path appImage) throws IOException {
        Path res = resources();
        List<String> a = new ArrayList<>(List.of("--type", type, "--dest", work.toString(), "--app-image",
                appImage.toString(), "--name", os.mainLauncher, "--app-version", version,
                "--vendor", VENDOR, "--description", DESCRIPTION, "--resource-dir", res.toString(),
                "--icon", icon().toString(),
                "--about-url", "https://github.com/ssosetup/sso-setup-console"));
        switch (os) {
            case LINUX -> a.addAll(List.of("--linux-package-name", PACKAGE, "--install-dir", "/opt",
                    "--linux-shortcut", "--linux-menu-group", "System;Settings;",
                    "--linux-app-category", "admin", "--linux-app-release", "1",
                    "--linux-deb-maintainer", "maintainers@ssosetup.dev",
                    "--linux-rpm-license-type", "ASL 2.0",
                    // glass loads GTK 3 with dlopen, so jpackage's own library scan cannot see these
                    "--linux-package-deps", "libgtk-3-0 | libgtk-3-0t64, libgl1, libxxf86vm1"));
            case WINDOWS -> a.addAll(List.of("--win-per-user-install", "--win-menu", "--win-menu-group", APP_NAME,
                    "--win-shortcut", "--win-shortcut-prompt", "--win-dir-chooser", "--win-upgrade-uuid", WIN_UPGRADE_UUID));
            case MAC -> {
                a.addAll(List.of("--mac-package-identifier", MAC_BUNDLE_ID, "--mac-package-name", APP_NAME));
                signing(a);
            }
        }
        return a;
    }

    /** macOS signing plugs in here: -Dinstaller.mac.signing=true -Dinstaller.mac.signingKeyUserName="Team (ID)". */
    private static void signing(List<String> args) {
        if (Boolean.parseBoolean(System.getProperty("installer.mac.signing", "false"))) {
            args.add("--mac-sign");
            String user = System.getProperty("installer.mac.signingKeyUserName", "");
            if (!user.isBlank()) {
                args.addAll(List.of("--mac-signing-key-user-name", user));
            }
            String keychain = System.getProperty("installer.mac.keychain", "");
            if (!keychain.isBlank()) {
                args.addAll(List.of("--mac-signing-keychain", keychain));
            }
        }
    }

    private Path icon() {
        return base.resolve("icons").resolve(switch (os) {
            case LINUX -> "sso-setup-console-256.png";
            case WINDOWS -> "sso-setup-console.ico";
            case MAC -> "sso-setup-console.icns";
        });
    }

    private static Path appImage(Path images) throws IOException {
        try (Stream<Path> s = Files.list(images)) {
            return s.findFirst().orElseThrow(() -> new Failure("jpackage made no app image in " + images));
        }
    }

    static void tool(String name, String... args) {
        ToolProvider tool = ToolProvider.findFirst(name)
                .orElseThrow(() -> new Failure(name + " is not in this JDK: build with a full JDK 25"));
        int rc = tool.run(System.out, System.err, args);
        if (rc != 0) {
            throw new Failure(name + " exited with " + rc + " (arguments: " + String.join(" ", args) + ")");
        }
    }

    static boolean onPath(String command) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .anyMatch(d -> !d.isEmpty() && Files.isExecutable(Path.of(d, command)));
    }

    static void log(String message) {
        System.out.println("[installer] " + message);
    }

    private static String size(Path p) {
        try {
            return String.format(Locale.ROOT, "%.1f MB", Files.size(p) / 1_000_000.0);
        } catch (IOException e) {
            return "?";
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    /** The operating system decides the icon format, the package types and the resource folder. */
    enum Os {
        LINUX("linux", LAUNCHER), WINDOWS("windows", APP_NAME), MAC("macos", APP_NAME);

        final String dir;
        /** The launcher that the menu / Start menu / Dock entry starts; {@code sso-setup} exists on every OS. */
        final String mainLauncher;

        Os(String dir, String mainLauncher) {
            this.dir = dir;
            this.mainLauncher = mainLauncher;
        }

        static Os current() {
            String name = System.getProperty("os.name").toLowerCase(Locale.ROOT);
            return name.contains("win") ? WINDOWS : name.contains("mac") ? MAC : LINUX;
        }
    }

    /**
     * One training run of the packaged app writes the JDK 25 AOT cache into the image; the launcher then uses it.
     *
     * <p>The run uses the image's own launcher and class path, so the cache matches what operators start. The
     * training run ends by itself: with {@code -Dsso.setup.aotTraining=true} the app runs its CLI commands
     * in-process, shows its first frame, preloads the other step views and exits (app.AotTraining); a run that
     * hangs is ended by a normal termination signal, which still writes the cache. On Linux without a display a private Xvfb is started.
     */
    /** 2000-01-01T00:00:00Z: the fixed time of the class-path jars (see installer/linux/postinst). */
    static final long JAR_EPOCH = 946684800L;

    static final class AotTraining {
        private final Path image;
        private final Os os;

        AotTraining(Path image, Os os) {
            this.image = image;
            this.os = os;
        }

        void train() throws IOException, InterruptedException {
            List<Path> cfgs = configs();
            Path cfg = cfgs.stream().filter(p -> p.getFileName().toString().equals(os.mainLauncher + ".cfg"))
                    .findFirst().orElseThrow(() -> new Failure("no " + os.mainLauncher + ".cfg in " + image));
            Path appDir = cfg.getParent();
            Path cache = appDir.resolve("app.aot");
            pinJarTimes(appDir);
            String original = Files.readString(cfg, StandardCharsets.UTF_8);
            // the training run also runs the CLI commands in-process before the window (app.AotTraining), so that
            // the one cache covers both: the GUI to its first frame and the step views it preloads, and the CLI
            Files.writeString(cfg, withOption(withOption(original, "-XX:AOTCacheOutput=$APPDIR/app.aot"),
                    "-Dsso.setup.aotTraining=true"), StandardCharsets.UTF_8);
            Process xvfb = null;
            try {
                ProcessBuilder pb = new ProcessBuilder(launcher().toString())
                        .redirectErrorStream(true)
                        .redirectOutput(image.getParent().getParent().resolve("aot-training.log").toFile());
                if (os == Os.LINUX && (System.getenv("DISPLAY") == null || Boolean.getBoolean("installer.xvfb"))) {
                    if (!onPath("Xvfb")) {
                        throw new Failure("the AOT training run needs a display: install Xvfb (apt-get install xvfb) "
                                + "or build with -Dinstaller.aot=false");
                    }
                    String display = ":" + (500 + (int) (ProcessHandle.current().pid() % 400));
                    xvfb = new ProcessBuilder("Xvfb", display, "-screen", "0", "1280x860x24", "-nolisten", "tcp")
                            .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                    Thread.sleep(1000);
                    pb.environment().put("DISPLAY", display);
                }
                pb.environment().put("SSO_SETUP_STARTUP_PROBE", "exit");
                log("AOT training run: " + pb.command());
                Process app = pb.start();
                boolean shown = waitForWindow(app, pb.environment().get("DISPLAY"));
                // the app leaves by itself once its step views are preloaded (app.StartupProbe in training mode)
                if (shown && !app.waitFor(90, TimeUnit.SECONDS)) {
                    app.destroy(); // SIGTERM: the JVM exits normally and assembles the cache
                }
                if (!app.waitFor(180, TimeUnit.SECONDS)) {
                    app.destroyForcibly();
                    throw new Failure("the AOT training run did not finish within 3 minutes");
                }
                if (!shown) {
                    throw new Failure("the training run never showed the window; see target/installer/aot-training.log");
                }
            } finally {
                if (xvfb != null) {
                    xvfb.destroy();
                }
                Files.writeString(cfg, original, StandardCharsets.UTF_8);
            }
            if (!Files.isRegularFile(cache)) {
                throw new Failure("the AOT training run wrote no cache; see target/installer/aot-training.log");
            }
            for (Path each : cfgs) { // every launcher of the image uses the cache
                String text = Files.readString(each, StandardCharsets.UTF_8);
                Files.writeString(each, withOption(text, "-XX:AOTCache=$APPDIR/app.aot"), StandardCharsets.UTF_8);
            }
            log("AOT cache " + cache + " (" + size(cache) + ")");
        }

        /**
         * The AOT cache records the modification time of every class-path jar and is refused when one differs.
         * jpackage's .deb/.rpm copies the image with new times, so the jars get one fixed time here, before training,
         * and the package's postinst sets the same time again after install ({@link #JAR_EPOCH}).
         */
        private static void pinJarTimes(Path appDir) throws IOException {
            java.nio.file.attribute.FileTime fixed = java.nio.file.attribute.FileTime.from(JAR_EPOCH,
                    TimeUnit.SECONDS);
            try (var files = Files.walk(appDir)) {
                for (Path jar : files.filter(f -> f.toString().endsWith(".jar")).toList()) {
                    Files.setLastModifiedTime(jar, fixed);
                }
            }
        }

        private boolean waitForWindow(Process app, String display) throws InterruptedException, IOException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (System.nanoTime() < deadline && app.isAlive()) {
                if (display != null && onPath("xwininfo")) {
                    ProcessBuilder query = new ProcessBuilder("xwininfo", "-root", "-tree").redirectErrorStream(true);
                    query.environment().put("DISPLAY", display);
                    Process p = query.start();
                    p.getOutputStream().close();
                    String tree = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                    p.waitFor();
                    if (tree.contains("\"" + APP_NAME + "\"")) {
                        return true;
                    }
                } else if (display == null) {
                    // no X to ask (macOS, Windows): give the window time to appear
                    Thread.sleep(15_000);
                    return true;
                }
                Thread.sleep(250);
            }
            return !app.isAlive() && app.exitValue() == 0; // exited by itself after the first frame
        }

        private List<Path> configs() throws IOException {
            try (Stream<Path> s = Files.walk(image)) {
                return s.filter(p -> p.getFileName().toString().endsWith(".cfg")
                        && p.getParent().getFileName().toString().equals("app")).toList();
            }
        }

        private Path launcher() {
            return switch (os) {
                case LINUX -> image.resolve("bin").resolve(os.mainLauncher);
                case WINDOWS -> image.resolve(os.mainLauncher + ".exe");
                case MAC -> image.resolve("Contents/MacOS").resolve(os.mainLauncher);
            };
        }

        /** Adds one java-options line to the [JavaOptions] section of a jpackage launcher config. */
        static String withOption(String cfg, String option) {
            String marker = "[JavaOptions]";
            int at = cfg.indexOf(marker);
            if (at < 0) {
                return cfg + System.lineSeparator() + marker + System.lineSeparator() + "java-options=" + option
                        + System.lineSeparator();
            }
            int lineEnd = cfg.indexOf('\n', at);
            return cfg.substring(0, lineEnd + 1) + "java-options=" + option + System.lineSeparator()
                    + cfg.substring(lineEnd + 1);
        }
    }

    /** A build failure with a message that says what to do; printed without a stack trace. */
    static final class Failure extends RuntimeException {
        Failure(String message) {
            super(message);
        }
    }
}
