package dev.ssosetup.ui.login;

/** One row of the claims tables: the claim, its value as text, what it means, and the date for time claims. */
public record ClaimRow(String name, String value, String meaning) {
}
