package dev.ssosetup.app;

/**
 * The first window size on the operator's screen: the wizard's preferred size, never larger than the screen's visual
 * bounds (a 900x620 laptop panel or a scaled display must not open the window with its title bar or its buttons
 * off-screen), and a minimum size that fits the screen too.
 *
 * @param width        the window width to open with
 * @param height       the window height to open with
 * @param minWidth     the minimum width (the wizard's, or the screen's if that is smaller)
 * @param minHeight    the minimum height (likewise)
 * @param clamped      whether the preferred size did not fit and the window is placed at the screen's top-left
 */
record WindowFit(double width, double height, double minWidth, double minHeight, boolean clamped) {
    static final double MIN_WIDTH = 900;
    static final double MIN_HEIGHT = 620;

    static WindowFit of(double screenWidth, double screenHeight, double prefWidth, double prefHeight) {
        double minW = Math.min(MIN_WIDTH, screenWidth);
        double minH = Math.min(MIN_HEIGHT, screenHeight);
        double w = Math.max(minW, Math.min(prefWidth, screenWidth));
        double h = Math.max(minH, Math.min(prefHeight, screenHeight));
        boolean clamped = prefWidth > screenWidth || prefHeight > screenHeight;
        return new WindowFit(w, h, minW, minH, clamped);
    }
}
