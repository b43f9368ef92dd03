package dev.ssosetup.core.config;

/** The wizard's step ids, used to link a review item or a problem to the step that owns (and fixes) it. */
public final class StepIds {
    public static final String PROVIDER = "provider";
    public static final String LOGIN = "login";
    public static final String KEYS = "keys";
    public static final String REVIEW = "review";
    public static final String PUSH = "push";

    private StepIds() {
    }
}
