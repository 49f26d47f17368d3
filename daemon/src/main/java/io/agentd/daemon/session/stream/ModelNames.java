package io.agentd.daemon.session.stream;

import java.util.Locale;
import java.util.Optional;

/** Maps a full model id ({@code claude-opus-5-5}) to the short name hld stores in {@code sessions.model}. */
public final class ModelNames {
    private static final String[] FAMILIES = {"opus", "sonnet", "haiku"};

    private ModelNames() {
    }

    /** {@code opus}, {@code sonnet} or {@code haiku} by case-insensitive substring, checked in that order. */
    public static Optional<String> shortName(String modelId) {
        if (modelId == null) {
            return Optional.empty();
        }
        String lower = modelId.toLowerCase(Locale.ROOT);
        for (String family : FAMILIES) {
            if (lower.contains(family)) {
                return Optional.of(family);
            }
        }
        return Optional.empty();
    }
}
