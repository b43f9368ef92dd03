package dev.ssosetup.ui.wizard;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * WCAG AA contrast of both themes (issue 16), computed from the stylesheets' own variables: the light ones on
 * {@code .root} in wizard.css, the dark ones on {@code .wizard.dark} in theme-dark.css. Body text needs 4.5:1.
 */
class ThemeContrastTest {
    /** text variable, background variable: every pair the stylesheets put together. */
    private static final List<String[]> PAIRS = List.of(
            new String[]{"-ssc-text", "-ssc-bg"}, new String[]{"-ssc-text", "-ssc-surface"},
            new String[]{"-ssc-muted", "-ssc-bg"}, new String[]{"-ssc-muted", "-ssc-surface"},
            new String[]{"-ssc-error", "-ssc-surface"}, new String[]{"-ssc-warn", "-ssc-surface"},
            new String[]{"-ssc-ok", "-ssc-surface"}, new String[]{"-ssc-error", "-ssc-bg"},
            new String[]{"-ssc-warn", "-ssc-bg"}, new String[]{"-ssc-ok", "-ssc-bg"},
            new String[]{"-ssc-on-accent", "-ssc-accent"}, new String[]{"-ssc-rail-text", "-ssc-rail-bg"},
            new String[]{"-ssc-info-text", "-ssc-info-bg"}, new String[]{"-ssc-error-text", "-ssc-error-bg"},
            new String[]{"-ssc-warn-text", "-ssc-warn-bg"}, new String[]{"-ssc-ok", "-ssc-ok-bg"},
            new String[]{"-ssc-text", "-ssc-info-bg"}, new String[]{"-ssc-text", "-ssc-warn-bg"});

    @Test
    void lightThemeMeetsAa() throws IOException {
        assertAa("light", variables("wizard.css", ".root"));
    }

    @Test
    void darkThemeMeetsAa() throws IOException {
        Map<String, String> dark = new HashMap<>(variables("wizard.css", ".root"));
        dark.putAll(variables("theme-dark.css", ".wizard.dark"));
        assertAa("dark", dark);
    }

    @Test
    void theRatioIsComputedAsWcagDefinesIt() {
        assertEquals(21.0, contrast("#000000", "#ffffff"), 0.01);
        assertEquals(4.54, contrast("#767676", "#ffffff"), 0.01);
        assertEquals(1.0, contrast("#1b1f24", "#1b1f24"), 0.001);
    }

    private static void assertAa(String theme, Map<String, String> vars) {
        List<String> failing = new ArrayList<>();
        for (String[] pair : PAIRS) {
            String fg = resolve(vars, pair[0]);
            String bg = resolve(vars, pair[1]);
            double ratio = contrast(fg, bg);
            if (ratio < 4.5) {
                failing.add(String.format("%s on %s: %s on %s = %.2f:1", pair[0], pair[1], fg, bg, ratio));
            }
        }
        assertTrue(failing.isEmpty(), theme + " theme under 4.5:1: " + failing);
    }

    private static String resolve(Map<String, String> vars, String name) {
        String v = vars.get(name);
        assertTrue(v != null, "the stylesheet does not define " + name);
        return v.startsWith("-") ? resolve(vars, v) : v;
    }

    private static Map<String, String> variables(String file, String selector) throws IOException {
        String css;
        try (InputStream in = WizardController.class.getResourceAsStream(file)) {
            css = new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?s)/\\*.*?\\*/", "");
        }
        Matcher block = Pattern.compile("(?m)^" + Pattern.quote(selector) + "\\s*\\{([^}]*)}").matcher(css);
        assertTrue(block.find(), file + " has no " + selector + " block");
        Map<String, String> vars = new HashMap<>();
        Matcher decl = Pattern.compile("(-ssc-[a-z-]+)\\s*:\\s*([^;]+);").matcher(block.group(1));
        while (decl.find()) {
            String value = decl.group(2).strip();
            vars.put(decl.group(1), value.equals("white") ? "#ffffff" : value);
        }
        return vars;
    }

    static double contrast(String a, String b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(String hex) {
        String h = hex.substring(1);
        if (h.length() == 3) {
            h = "" + h.charAt(0) + h.charAt(0) + h.charAt(1) + h.charAt(1) + h.charAt(2) + h.charAt(2);
        }
        double[] c = new double[3];
        for (int i = 0; i < 3; i++) {
            double s = Integer.parseInt(h.substring(2 * i, 2 * i + 2), 16) / 255.0;
            c[i] = s <= 0.03928 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    }
}
