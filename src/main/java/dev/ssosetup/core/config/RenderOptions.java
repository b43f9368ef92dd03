package dev.ssosetup.core.config;

/**
 * How to render. {@code includeSecret} is the operator's explicit request to put the real client secret into the
 * formats that need one (JSON body, openmetadata.yaml, .env). Without it those formats carry a placeholder that says
 * so; Helm values and the Collate sheet never carry it.
 */
public record RenderOptions(boolean includeSecret) {
    /** What the placeholder says where the secret was left out. */
    public static final String SECRET_PLACEHOLDER = "REPLACE-WITH-CLIENT-SECRET";

    public static RenderOptions withoutSecret() {
        return new RenderOptions(false);
    }

    public static RenderOptions withSecret() {
        return new RenderOptions(true);
    }
}
