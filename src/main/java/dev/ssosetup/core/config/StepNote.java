package dev.ssosetup.core.config;

import dev.ssosetup.core.common.Severity;

/**
 * A verdict another step contributes to the review, kept generic so that any feature can feed one in: for example the
 * login test's verdict ({@code key} "loginVerdict") or OpenMetadata's preview. {@code severity} colours it.
 */
public record StepNote(String stepId, String key, Severity severity, String text) {
}
