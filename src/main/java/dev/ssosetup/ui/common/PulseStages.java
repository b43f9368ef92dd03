package dev.ssosetup.ui.common;

import javafx.animation.AnimationTimer;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Spreads one large change of the screen over consecutive pulses: each stage runs at the start of its own pulse, so
 * its CSS and layout work is done (and drawn) before the next stage adds more. Used where a background result fills
 * several tables at once; the JavaFX thread then never stalls for the whole change in one go.
 *
 * <p>Posting a stage while earlier ones wait simply queues it; stages read their data when they run, so a stage
 * always shows the latest state.
 */
public final class PulseStages {
    private final Deque<Runnable> pending = new ArrayDeque<>();
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            Runnable next = pending.poll();
            if (next != null) {
                next.run();
            }
            if (pending.isEmpty()) {
                stop();
            }
        }
    };

    /** Queues {@code stages}, one per pulse from the next one on. JavaFX thread only. */
    public void post(Runnable... stages) {
        for (Runnable stage : stages) {
            pending.add(stage);
        }
        timer.start();
    }
}
