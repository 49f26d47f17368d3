package io.agentd.daemon.session.stream;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * One line of {@code claude --output-format stream-json} stdout, decoded.
 *
 * <p>Absent strings are {@code ""} and absent numbers {@code 0}, as in the Go structs hld decodes
 * into, so the values can be stored as hld stores them. Every kind that came from valid JSON keeps
 * its {@code raw} tree for the raw event log; absent JSON values are a {@code MissingNode}, never
 * {@code null}.
 */
public sealed interface StreamEvent {

    /** The top-level {@code session_id}, or {@code ""} when the line has none. */
    String sessionId();

    /** {@code system/init}: the first line of every run (repeated per turn in stream-json input mode). */
    record SystemInit(
            String sessionId,
            String model,
            String cwd,
            String permissionMode,
            String claudeCodeVersion,
            JsonNode raw) implements StreamEvent {
        public SystemInit {
            requireNonNull(sessionId, "sessionId is null");
            requireNonNull(model, "model is null");
            requireNonNull(cwd, "cwd is null");
            requireNonNull(permissionMode, "permissionMode is null");
            requireNonNull(claudeCodeVersion, "claudeCodeVersion is null");
            requireNonNull(raw, "raw is null");
        }
    }

    /**
     * Any other {@code system} subtype: {@code api_retry}, {@code thinking_tokens},
     * {@code permission_denied}, {@code status}, ... Details stay in {@code raw}.
     */
    record SystemOther(String subtype, String sessionId, JsonNode raw) implements StreamEvent {
        public SystemOther {
            requireNonNull(subtype, "subtype is null");
            requireNonNull(sessionId, "sessionId is null");
            requireNonNull(raw, "raw is null");
        }
    }

    /**
     * An assistant message. The CLI emits one event per content block, each repeating the message
     * id and usage. {@code apiErrorMessage} marks the synthetic message (model {@code <synthetic>},
     * zero usage) the CLI emits to carry an API error text.
     */
    record Assistant(
            String sessionId,
            String parentToolUseId,
            String messageId,
            String role,
            String model,
            List<ContentBlock> content,
            Optional<Usage> usage,
            boolean apiErrorMessage,
            JsonNode raw) implements StreamEvent {
        public Assistant {
            requireNonNull(sessionId, "sessionId is null");
            requireNonNull(parentToolUseId, "parentToolUseId is null");
            requireNonNull(messageId, "messageId is null");
            requireNonNull(role, "role is null");
            requireNonNull(model, "model is null");
            content = List.copyOf(content);
            requireNonNull(usage, "usage is null");
            requireNonNull(raw, "raw is null");
        }

        /** True for events of a sub-agent (a Task tool run), whose usage is not the session's. */
        public boolean isSubAgent() {
            return !parentToolUseId.isEmpty();
        }
    }

    /**
     * A user message: tool results, or text (a plain-string {@code content} becomes one
     * {@link ContentBlock.Text}). {@code toolUseResult} is the CLI's tool-specific detail (an object,
     * or a string such as {@code "Error: ..."} for refused tools).
     */
    record User(
            String sessionId,
            String parentToolUseId,
            List<ContentBlock> content,
            JsonNode toolUseResult,
            JsonNode raw) implements StreamEvent {
        public User {
            requireNonNull(sessionId, "sessionId is null");
            requireNonNull(parentToolUseId, "parentToolUseId is null");
            content = List.copyOf(content);
            requireNonNull(toolUseResult, "toolUseResult is null");
            requireNonNull(raw, "raw is null");
        }
    }

    /**
     * The last event of a turn. API failures report {@code subtype "success"} with
     * {@code isError}, {@code terminalReason "api_error"}, {@code apiErrorStatus} and the error text
     * in {@code resultText}; {@code errors} carries the messages of {@code error_*} subtypes.
     * {@code usage} is cumulative over the run.
     */
    record Result(
            String sessionId,
            String subtype,
            boolean isError,
            String terminalReason,
            String resultText,
            int numTurns,
            long durationMs,
            long durationApiMs,
            double totalCostUsd,
            Optional<Usage> usage,
            Map<String, ModelUsage> modelUsage,
            List<PermissionDenial> permissionDenials,
            int apiErrorStatus,
            String apiErrorType,
            List<String> errors,
            JsonNode raw) implements StreamEvent {
        /** The stream-json {@code type} of a result line. */
        public static final String TYPE = "result";

        public Result {
            requireNonNull(sessionId, "sessionId is null");
            requireNonNull(subtype, "subtype is null");
            requireNonNull(terminalReason, "terminalReason is null");
            requireNonNull(resultText, "resultText is null");
            requireNonNull(usage, "usage is null");
            // Insertion order kept: the first entry is the main model in every observed run.
            modelUsage = Collections.unmodifiableMap(new LinkedHashMap<>(modelUsage));
            permissionDenials = List.copyOf(permissionDenials);
            requireNonNull(apiErrorType, "apiErrorType is null");
            errors = List.copyOf(errors);
            requireNonNull(raw, "raw is null");
        }
    }

    /** A JSON object of a type not modelled here ({@code stream_event}, {@code control_response}, ...). */
    record Unknown(String type, String sessionId, JsonNode raw) implements StreamEvent {
        public Unknown {
            requireNonNull(type, "type is null");
            requireNonNull(sessionId, "sessionId is null");
            requireNonNull(raw, "raw is null");
        }
    }

    /** A line that is not a JSON object; {@code error} says why. */
    record Malformed(String line, String error) implements StreamEvent {
        public Malformed {
            requireNonNull(line, "line is null");
            requireNonNull(error, "error is null");
        }

        @Override
        public String sessionId() {
            return "";
        }
    }
}
