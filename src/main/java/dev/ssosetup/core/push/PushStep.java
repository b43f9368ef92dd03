package dev.ssosetup.core.push;

/** The steps of a push, in order: the plan (connect to validate), then the apply (guard to verification). */
public enum PushStep {
    CONNECT("Connect"),
    READ("Read live configuration"),
    DIFF("Diff"),
    VALIDATE("Validate"),
    SERVER_VERDICT("Server's verdict (validate-token)"),
    GUARD("Lock-out guard"),
    BACKUP("Back up live configuration"),
    APPLY("Apply (PUT)"),
    VERIFY_READ_BACK("Verify: read back"),
    VERIFY_PROVIDER("Verify: live provider"),
    VERIFY_KEYS("Verify: public keys"),
    VERIFY_KEY_IDS("Verify: served JWT key ids");

    private final String title;

    PushStep(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
