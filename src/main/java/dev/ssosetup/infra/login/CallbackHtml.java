package dev.ssosetup.infra.login;

import dev.ssosetup.core.login.CallbackPage;
import dev.ssosetup.core.text.Messages;

/**
 * The small pages the browser tab shows after the redirect. Everything inserted is HTML-escaped.
 *
 * <p>{@link #RELAY} is the page for a sign-in response in the URL fragment (the implicit flow without
 * {@code form_post}): browsers never send the fragment to a server, so the page's one script reads it, removes it from
 * the address bar and history, and posts its parameters once to the same callback path as a form, whose answer is the
 * verdict page. The page is a constant: nothing from the request is written into it. Its policy
 * ({@link #RELAY_POLICY}) allows only that script (by hash), inline styles, and form posts to the listener itself.
 */
final class CallbackHtml {
    /** The relay page's script; the listener's policy names its SHA-256 hash. Never insert request data here. */
    static final String RELAY_SCRIPT = "(function(){"
            + "var h=window.location.hash;"
            + "var wait=document.getElementById('wait');"
            + "var none=document.getElementById('none');"
            + "if(!h||h.length<2){wait.hidden=true;none.hidden=false;return;}"
            + "history.replaceState(null,'',window.location.pathname+window.location.search);"
            + "var f=document.createElement('form');"
            + "f.method='post';f.action=window.location.pathname;"
            + "new URLSearchParams(h.substring(1)).forEach(function(v,k){"
            + "var i=document.createElement('input');i.type='hidden';i.name=k;i.value=v;f.appendChild(i);});"
            + "document.body.appendChild(f);f.submit();"
            + "})();";

    /** The Content-Security-Policy of the relay page. */
    static final String RELAY_POLICY = "default-src 'none'; script-src 'sha256-" + sha256(RELAY_SCRIPT) + "'; "
            + "style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    /** The relay page in the operator's language: static text from the bundle and the one script. */
    static String relay(Messages m) {
        return "<!DOCTYPE html>\n<html lang=\"" + m.locale().getLanguage() + "\"><head><meta charset=\"utf-8\">"
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            + "<meta name=\"referrer\" content=\"no-referrer\">"
            + "<title>" + escape(m.get("callback.relay.title")) + " - SSO Setup Console</title>"
            + "<style>body{font-family:system-ui,sans-serif;background:#f7f8fa;color:#1d2430;margin:0}"
            + "main{max-width:36rem;margin:4rem auto;padding:2rem;background:#fff;border-radius:8px;"
            + "border-top:6px solid #3a5bd9;box-shadow:0 1px 4px rgba(0,0,0,.15)}"
            + "h1{font-size:1.4rem}p{line-height:1.5}small{color:#5b6472}</style>"
            + "</head><body><main>"
            + "<div id=\"wait\"><h1>" + escape(m.get("callback.relay.title")) + "</h1><p>"
            + escape(m.get("callback.relay.wait")) + "</p></div>"
            + "<div id=\"none\" hidden><h1>" + escape(m.get("callback.noResponse")) + "</h1><p>"
            + escape(m.get("callback.noResponse.detail")) + "</p></div>"
            + "<noscript><p>" + escape(m.get("callback.relay.noScript")) + "</p></noscript>"
            + "<small>SSO Setup Console</small></main>"
            + "<script>" + RELAY_SCRIPT + "</script></body></html>\n";
    }

    private CallbackHtml() {
    }

    private static String sha256(String text) {
        try {
            return java.util.Base64.getEncoder().encodeToString(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A verdict page, its title and text in the operator's language. */
    static String render(CallbackPage page, Messages m) {
        String color = page.success() ? "#1b7f3b" : "#b3261e";
        String title = m.text(page.title());
        String detail = m.text(page.detail());
        return "<!DOCTYPE html>\n<html lang=\"" + m.locale().getLanguage() + "\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + escape(title) + " - SSO Setup Console</title>"
                + "<style>body{font-family:system-ui,sans-serif;background:#f7f8fa;color:#1d2430;margin:0}"
                + "main{max-width:36rem;margin:4rem auto;padding:2rem;background:#fff;border-radius:8px;"
                + "border-top:6px solid " + color + ";box-shadow:0 1px 4px rgba(0,0,0,.15)}"
                + "h1{font-size:1.4rem;color:" + color + "}p{line-height:1.5}small{color:#5b6472}</style>"
                + "</head><body><main><h1>" + escape(title) + "</h1><p>" + escape(detail)
                + "</p><small>SSO Setup Console</small></main></body></html>\n";
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
