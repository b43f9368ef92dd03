package dev.ssosetup.core.task;

import dev.ssosetup.core.text.Text;

enum NoTaskContext implements TaskContext {
    INSTANCE;

    @Override
    public void progress(double fraction, Text step) {
        // nobody is watching
    }

    @Override
    public boolean isCancelled() {
        return false;
    }
}
