package dev.ssosetup.ui.wizard;

import dev.ssosetup.core.text.Messages;
import javafx.scene.Node;

/** Test access to the Finish page, which the wizard shows only after a completed last step. */
public final class FinishPageAccess {
    private FinishPageAccess() {
    }

    public static Node build(FinishSummary summary, Messages messages) {
        return FinishPage.build(summary, messages);
    }
}
