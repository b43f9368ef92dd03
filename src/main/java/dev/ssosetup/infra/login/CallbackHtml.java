package dev.ssosetup.infra.login;

import dev.ssosetup.core.login.CallbackPage;

/** The small page the browser tab shows after the redirect. Everything inserted is HTML-escaped. */
final class CallbackHtml {
    private CallbackHtml() {
    }

    static String render(CallbackPage page) {
        String color = page.success() ? "#1b7f3b" : "#b3261e";
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + escape(page.title()) + " - SSO Setup Console</title>"
                + "<style>body{font-family:system-ui,sans-serif;background:#f7f8fa;color:#1d2430;margin:0}"
                + "main{max-width:36rem;margin:4rem auto;padding:2rem;background:#fff;border-radius:8px;"
                + "border-top:6px solid " + color + ";box-shadow:0 1px 4px rgba(0,0,0,.15)}"
                + "h1{font-size:1.4rem;color:" + color + "}p{line-height:1.5}small{color:#5b6472}</style>"
                + "</head><body><main><h1>" + escape(page.title()) + "</h1><p>" + escape(page.detail())
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
