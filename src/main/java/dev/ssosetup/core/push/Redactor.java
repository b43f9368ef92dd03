package dev.ssosetup.core.push;

import dev.ssosetup.core.text.Text;

import dev.ssosetup.core.common.Secret;

import java.util.ArrayList;
import java.util.List;

/** Replaces known secret values in text that came from elsewhere (server messages) before it is shown. */
final class Redactor {
    private final List<String> values = new ArrayList<>();

    Redactor(List<Secret> secrets) {
        for (Secret s : secrets) {
            if (s != null && s.reveal().length() >= 4) {
                values.add(s.reveal());
            }
        }
    }

    /** {@code text} with every string argument (and nested text) cleaned. */
    Text clean(Text text) {
        return new Text(text.key(), text.args().stream().map(a -> a instanceof String s ? clean(s)
                : a instanceof Text t ? clean(t) : a).toList());
    }

    String clean(String text) {
        String out = text == null ? "" : text;
        for (String v : values) {
            out = out.replace(v, SecretFields.HIDDEN);
        }
        return out;
    }
}
