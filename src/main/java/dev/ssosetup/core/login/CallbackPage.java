package dev.ssosetup.core.login;

import dev.ssosetup.core.common.Finding;
import dev.ssosetup.core.text.Text;

import java.util.Objects;

/**
 * What the browser tab shows after the redirect: success or failure, a title and one explanation, as message keys;
 * the listener renders them in the operator's language. Plain text.
 */
public record CallbackPage(boolean success, Text title, Text detail) {
    public CallbackPage {
        Objects.requireNonNull(title);
        detail = Objects.requireNonNullElse(detail, Finding.NO_HINT);
    }
}
