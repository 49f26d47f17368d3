package io.agentd.cli.format;

import static java.util.Objects.requireNonNull;

import io.agentd.protocol.approval.Approval;

/**
 * What {@code launch --wait}, {@code continue --wait} and {@code tail} print about a session's approvals: that
 * Claude waits for one (with the exact commands that answer it), and later how it was decided and by whom.
 */
public final class ApprovalNotice {
    private ApprovalNotice() {
    }

    /** A pending approval: tool, a short summary of its input, its id and the two commands that decide it. */
    public static String pending(Approval a, int width) {
        requireNonNull(a, "a is null");
        String summary = ApprovalTable.summary(a.toolInput()).replaceAll("\\s+", " ").strip();
        String head = "approval needed: " + (a.toolName() == null ? "a tool" : a.toolName())
                + (summary.isEmpty() ? "" : " " + summary);
        return "\n" + TextTable.truncate(head, Math.max(width, 40)) + "\n"
                + "  id       " + a.id() + "\n"
                + "  approve  agentctl approve " + a.id() + "\n"
                + "  deny     agentctl deny " + a.id() + " --comment \"why\"\n"
                + "  (Claude waits until one of them is run)\n";
    }

    /** A decided approval: how, by whom (agentd's {@code decided_by}, when the daemon says), and the comment. */
    public static String decided(Approval a) {
        requireNonNull(a, "a is null");
        String status = a.status() == null ? "decided" : a.status();
        String by = a.decidedBy() == null || a.decidedBy().isBlank() ? "" : " by " + who(a.decidedBy());
        String comment = a.comment() == null || a.comment().isBlank() ? "" : ": " + a.comment().strip();
        return "approval " + ApprovalTable.shortId(a.id()) + " (" + (a.toolName() == null ? "tool" : a.toolName()) + ") "
                + status + by + comment + "\n";
    }

    private static String who(String decidedBy) {
        return switch (decidedBy) {
            case "human" -> "a person";
            case "auto_accept_edits" -> "auto-accept of edits";
            case "dangerously_skip_permissions", "bypass_enabled" -> "bypass permissions";
            case "session_ended" -> "the session ending first";
            default -> decidedBy;
        };
    }
}
