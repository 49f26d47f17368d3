package io.agentd.daemon.app;

/** Entry point of the agentd daemon (placeholder until the wiring lands). */
public final class AgentdMain {
    private AgentdMain() {
    }

    public static void main(String[] args) {
        System.err.println("agentd: not wired yet");
    }
}
