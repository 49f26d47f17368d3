package io.agentd.cli.format;

import io.agentd.protocol.session.SessionState;
import java.util.List;

/**
 * The tools Claude refused in a session, one line each ({@code Write /path (toolu_…)}), for {@code show} and
 * {@code --wait}: a session can end {@code completed} having done less than asked, and this says what.
 */
public final class Denials {
    private Denials() {
    }

    /** One line per denial; null when there were none, so a field list leaves the field out. */
    public static String lines(List<SessionState.PermissionDenial> denials) {
        if (denials == null || denials.isEmpty()) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (SessionState.PermissionDenial d : denials) {
            String summary = ApprovalTable.summary(d.toolInput());
            out.append(d.toolName() == null ? "?" : d.toolName())
                    .append(summary.isEmpty() ? "" : " " + TextTable.truncate(summary.replaceAll("\\s+", " "), 100))
                    .append(d.toolUseId() == null || d.toolUseId().isEmpty() ? "" : " (" + d.toolUseId() + ")")
                    .append('\n');
        }
        return out.toString();
    }
}
