package dev.ssosetup.core.login;

import java.util.Objects;

/** What the browser tab shows after the redirect: success or failure, a title and one explanation. Plain text. */
public record CallbackPage(boolean success, String title, String detail) {
    public CallbackPage {
        title = Objects.requireNonNullElse(title, "");
        detail = Objects.requireNonNullElse(detail, "");
    }
}
