package io.agentd.cli.command;

/** Exit codes of agentctl; scripts may rely on them. */
public final class ExitCodes {
    /** The command did what was asked. */
    public static final int OK = 0;
    /** No daemon, a daemon error, an unknown session, or an unhealthy daemon. */
    public static final int FAILURE = 1;
    /** Bad command line (picocli's own code for usage errors). */
    public static final int USAGE = 2;
    /** {@code launch --wait} or {@code continue --wait} saw the session end as failed or interrupted. */
    public static final int SESSION_NOT_COMPLETED = 3;

    private ExitCodes() {
    }
}
