package dev.ssosetup.app;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WindowFitTest {

    @Test
    void aWizardLargerThanTheScreenOpensAtTheScreensSize() {
        WindowFit fit = WindowFit.of(900, 620, 1040, 760);
        assertEquals(900, fit.width());
        assertEquals(620, fit.height());
        assertTrue(fit.clamped(), "placed at the screen's top-left so the title bar and buttons are on it");
    }

    @Test
    void onALargeScreenTheWizardKeepsItsPreferredSize() {
        WindowFit fit = WindowFit.of(1920, 1040, 1040, 760);
        assertEquals(1040, fit.width());
        assertEquals(760, fit.height());
        assertEquals(900, fit.minWidth());
        assertEquals(620, fit.minHeight());
        assertFalse(fit.clamped());
    }

    @Test
    void aScreenSmallerThanTheMinimumLowersTheMinimumToIt() {
        WindowFit fit = WindowFit.of(800, 560, 1040, 760);
        assertEquals(800, fit.width());
        assertEquals(560, fit.height());
        assertEquals(800, fit.minWidth());
        assertEquals(560, fit.minHeight());
    }

    @Test
    void aSmallPreferredSizeGrowsToTheMinimum() {
        WindowFit fit = WindowFit.of(1920, 1040, 700, 500);
        assertEquals(900, fit.width());
        assertEquals(620, fit.height());
        assertFalse(fit.clamped());
    }
}
