package dev.ssosetup.core.config;

/**
 * One line of the review summary: the step the choice was made in, a stable key naming the choice (the UI looks up
 * {@code review.item.<key>} for its label) and the value as shown. Never a secret's value.
 */
public record ReviewItem(String stepId, String key, String value) {
}
