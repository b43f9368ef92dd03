package dev.ssosetup.core.task;

enum NoTaskContext implements TaskContext {
    INSTANCE;

    @Override
    public void progress(double fraction, String message) {
        // nobody is watching
    }

    @Override
    public boolean isCancelled() {
        return false;
    }
}
