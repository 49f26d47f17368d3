package io.agentd.testkit.fakeclaude;

/** How the fake claude finishes after its steps. */
sealed interface Ending {
    /** Exits with the code. */
    record Exit(int code) implements Ending {
        public Exit {
            if (code < 0 || code > 255) {
                throw new IllegalArgumentException("exit codes are 0..255: " + code);
            }
        }
    }

    /**
     * Never exits by itself: sleeps until a signal ends it, as a real process would.
     *
     * @param ignoreSigint whether SIGINT is ignored, so only SIGTERM or SIGKILL end it
     */
    record Hang(boolean ignoreSigint) implements Ending {
    }
}
