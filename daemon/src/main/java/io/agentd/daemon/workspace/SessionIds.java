package io.agentd.daemon.workspace;

import io.agentd.daemon.error.AgentdException;

import java.util.regex.Pattern;

/** Session ids become ref names and file names here, so only a safe alphabet is accepted. */
final class SessionIds {
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    private SessionIds() {
    }

    static String require(String id) {
        if (id == null || !SAFE.matcher(id).matches() || id.contains("..") || id.endsWith(".lock")) {
            throw AgentdException.invalidParams("session id not usable for a workspace: " + id);
        }
        return id;
    }

    /** The first 8 characters, for branch and directory names. */
    static String shortId(String id) {
        String safe = require(id);
        return safe.length() <= 8 ? safe : safe.substring(0, 8);
    }
}
