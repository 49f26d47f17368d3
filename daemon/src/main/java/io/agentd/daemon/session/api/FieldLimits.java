package io.agentd.daemon.session.api;

import io.agentd.daemon.error.AgentdException;

import java.nio.charset.StandardCharsets;
import java.util.Collection;

/**
 * The size limits of every client-supplied session field, in one place (documented in docs/protocol.md and
 * docs/faults.md). They are far above real use and keep one request from making every later answer huge.
 * A value beyond its limit, or holding a NUL byte (which no argv element, path or log line can carry), is
 * refused with -32602 naming the field, before anything is stored.
 */
public final class FieldLimits {
    /** A query is passed on Claude's stdin when large, so only memory and the store bound it. */
    public static final int QUERY_BYTES = 4 * 1024 * 1024;
    /** System prompts go through a file when large (the CLI's {@code --system-prompt-file}). */
    public static final int SYSTEM_PROMPT_BYTES = 1024 * 1024;
    public static final int CUSTOM_INSTRUCTIONS_BYTES = 1024 * 1024;
    public static final int TITLE_BYTES = 1024;
    public static final int MODEL_BYTES = 100;
    public static final int PATH_BYTES = 4096;
    public static final int TOOL_NAME_BYTES = 512;
    public static final int LIST_ITEMS = 256;
    public static final int PERMISSION_TOOL_BYTES = 512;

    private FieldLimits() {
    }

    /** Checks one optional string field. */
    public static void check(String field, String value, int maxBytes) {
        if (value == null) {
            return;
        }
        if (value.indexOf('\0') >= 0) {
            throw AgentdException.invalidParams(field + " must not contain NUL bytes");
        }
        // UTF-8 is at most 3 bytes per UTF-16 unit: skip the encoding when it cannot be over.
        if ((long) value.length() * 3 > maxBytes && value.getBytes(StandardCharsets.UTF_8).length > maxBytes) {
            throw AgentdException.invalidParams(field + " is longer than " + maxBytes + " bytes");
        }
    }

    /** Checks an optional list field: its length and every element. */
    public static void check(String field, Collection<String> values, int maxBytesEach) {
        if (values == null) {
            return;
        }
        if (values.size() > LIST_ITEMS) {
            throw AgentdException.invalidParams(field + " has more than " + LIST_ITEMS + " entries");
        }
        int i = 0;
        for (String v : values) {
            if (v == null) {
                throw AgentdException.invalidParams(field + "[" + i + "] must not be null");
            }
            check(field + "[" + i + "]", v, maxBytesEach);
            i++;
        }
    }
}
