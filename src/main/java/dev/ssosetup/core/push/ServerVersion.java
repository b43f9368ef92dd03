package dev.ssosetup.core.push;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The version {@code GET /api/v1/system/version} reports. The runtime security-configuration API exists from 1.10 on;
 * older servers are configured through files only.
 */
public record ServerVersion(String raw, int major, int minor) {
    private static final Pattern VERSION = Pattern.compile("^\\s*v?(\\d+)\\.(\\d+)");

    /** Parses {@code 1.10.4}, {@code 1.11.0-SNAPSHOT}; unknown shapes give major/minor -1. */
    public static ServerVersion parse(String raw) {
        String r = raw == null ? "" : raw.strip();
        Matcher m = VERSION.matcher(r);
        if (!m.find()) {
            return new ServerVersion(r, -1, -1);
        }
        try {
            return new ServerVersion(r, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        } catch (NumberFormatException e) { // digits beyond int: not a version any server has
            return new ServerVersion(r, -1, -1);
        }
    }

    public boolean known() {
        return major >= 0;
    }

    /** True from 1.10 on, when {@code /api/v1/system/security/*} exists. */
    public boolean hasSecurityConfigApi() {
        return major > 1 || major == 1 && minor >= 10;
    }
}
