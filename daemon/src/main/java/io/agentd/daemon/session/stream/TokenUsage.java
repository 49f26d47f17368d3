package io.agentd.daemon.session.stream;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * Token accounting of a session, derived as hld does: the usage of each root assistant event
 * <em>overwrites</em> the session's counts (the result's usage is cumulative and not used).
 */
public final class TokenUsage {
    private TokenUsage() {
    }

    /**
     * The usage to record for this event: only assistant events with role {@code assistant}, a usage
     * and no {@code parent_tool_use_id} (sub-agent turns do not fill the session's context).
     * Unlike hld, the CLI's synthetic API-error message is skipped too: its all-zero usage would
     * reset the context gauge although the context did not change.
     */
    public static Optional<Usage> rootUsage(StreamEvent event) {
        if (event instanceof StreamEvent.Assistant a
                && a.role().equals("assistant")
                && !a.isSubAgent()
                && !a.apiErrorMessage()) {
            return a.usage();
        }
        return Optional.empty();
    }

    /** The context the last call used: input, output and both cache counts. */
    public static long effectiveContextTokens(Usage usage) {
        return usage.inputTokens() + usage.outputTokens()
                + usage.cacheCreationInputTokens() + usage.cacheReadInputTokens();
    }

    /** The largest context window in the result's {@code modelUsage}, if any is reported. */
    public static OptionalLong contextWindow(StreamEvent.Result result) {
        return result.modelUsage().values().stream()
                .mapToLong(ModelUsage::contextWindow)
                .filter(window -> window > 0)
                .max();
    }

    /** The context window of {@code mainModel} (e.g. from {@code system/init}), else the largest one. */
    public static OptionalLong contextWindow(StreamEvent.Result result, String mainModel) {
        ModelUsage main = result.modelUsage().get(mainModel);
        if (main != null && main.contextWindow() > 0) {
            return OptionalLong.of(main.contextWindow());
        }
        return contextWindow(result);
    }
}
