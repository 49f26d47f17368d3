package io.agentd.daemon.session.stream;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A human-readable reason for a failed Claude run, for {@code sessions.error_message}.
 *
 * <p>API failures end with {@code subtype "success"}, {@code is_error true},
 * {@code terminal_reason "api_error"} and the CLI's message in {@code result}
 * ({@code "API Error: 529 Overloaded ..."}), so the subtype alone says nothing. In order:
 * the API error text; the result's {@code errors}; {@code error_max_turns}; a
 * {@code terminal_reason} other than {@code completed}; the tail of stderr; the other
 * {@code error_*} subtypes; the exit code.
 */
public final class FailureReasons {
    /** Enough stderr to show a stack trace's message without flooding the session list. */
    static final int STDERR_TAIL_LINES = 5;
    static final int STDERR_TAIL_CHARS = 1000;

    private FailureReasons() {
    }

    /** Reason for a run that ended with a result event. */
    public static String of(StreamEvent.Result result, String stderr, int exitCode) {
        String resultText = result.resultText().strip();
        if (isApiError(result) && !resultText.isEmpty()) {
            return resultText;
        }
        if (!result.errors().isEmpty()) {
            return String.join("; ", result.errors());
        }
        if (result.subtype().equals("error_max_turns")) {
            return result.numTurns() > 0 ? "max turns reached (" + result.numTurns() + " turns)" : "max turns reached";
        }
        String terminal = terminalReason(result.terminalReason());
        if (!terminal.isEmpty()) {
            return terminal;
        }
        String tail = stderrTail(stderr);
        if (!tail.isEmpty()) {
            return "claude error: " + tail;
        }
        if (result.subtype().startsWith("error_")) {
            return result.subtype().substring("error_".length()).replace('_', ' ');
        }
        return exitReason(exitCode);
    }

    /**
     * Reason for a run that ended without a result event (crash, bad flags, SIGTERM). A clean exit without
     * a result says so: "exited with code 0" reads like success, and stderr then is more likely noise.
     */
    public static String of(String stderr, int exitCode) {
        String tail = stderrTail(stderr);
        if (exitCode == 0) {
            return "claude exited without a result (exit code 0)" + (tail.isEmpty() ? "" : ": " + tail);
        }
        return tail.isEmpty() ? exitReason(exitCode) : "claude error: " + tail;
    }

    /** The last few non-blank lines of stderr, at most {@value #STDERR_TAIL_CHARS} characters. */
    static String stderrTail(String stderr) {
        if (stderr == null || stderr.isBlank()) {
            return "";
        }
        List<String> lines = new ArrayList<>();
        List<String> all = stderr.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
        for (int i = all.size() - 1; i >= 0 && lines.size() < STDERR_TAIL_LINES; i--) {
            lines.add(all.get(i));
        }
        Collections.reverse(lines);
        String tail = String.join("\n", lines);
        return tail.length() <= STDERR_TAIL_CHARS ? tail : "..." + tail.substring(tail.length() - STDERR_TAIL_CHARS);
    }

    private static boolean isApiError(StreamEvent.Result result) {
        return result.apiErrorStatus() > 0
                || result.terminalReason().equals("api_error")
                || result.resultText().startsWith("API Error");
    }

    private static String terminalReason(String reason) {
        return switch (reason) {
            case "", "completed" -> "";
            case "aborted_streaming", "aborted_tools" -> "interrupted (" + reason + ")";
            case "max_turns" -> "max turns reached";
            default -> "claude stopped: " + reason.replace('_', ' ');
        };
    }

    private static String exitReason(int exitCode) {
        if (exitCode > 128) {
            return "claude exited with code " + exitCode + " (signal " + (exitCode - 128) + ")";
        }
        return "claude exited with code " + exitCode;
    }
}
