package dev.ssosetup.core.config;

import java.util.Arrays;
import java.util.Optional;

/** The deployment formats the console renders, with their CLI name and the file name they are saved under. */
public enum OutputFormat {
    JSON("json", "security-config.json"),
    YAML("yaml", "openmetadata-sso.yaml"),
    ENV("env", "openmetadata-sso.env"),
    HELM("helm", "values-sso.yaml"),
    COLLATE("collate", "collate-handoff.md");

    private final String cliName;
    private final String fileName;

    OutputFormat(String cliName, String fileName) {
        this.cliName = cliName;
        this.fileName = fileName;
    }

    public String cliName() {
        return cliName;
    }

    public String fileName() {
        return fileName;
    }

    public static Optional<OutputFormat> fromCliName(String name) {
        return Arrays.stream(values()).filter(f -> f.cliName.equalsIgnoreCase(name)).findFirst();
    }
}
