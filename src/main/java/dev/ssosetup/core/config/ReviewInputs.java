package dev.ssosetup.core.config;

import dev.ssosetup.core.common.Finding;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What other steps contribute to the review besides the configuration: their open findings per step id and their
 * verdict notes. Generic on purpose so that features can be plugged in without the review knowing their types.
 */
public record ReviewInputs(Map<String, List<Finding>> findingsByStep, List<StepNote> notes) {
    public ReviewInputs {
        Map<String, List<Finding>> copy = new LinkedHashMap<>();
        findingsByStep.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        findingsByStep = java.util.Collections.unmodifiableMap(copy);
        notes = List.copyOf(notes);
    }

    public static ReviewInputs none() {
        return new ReviewInputs(Map.of(), List.of());
    }
}
