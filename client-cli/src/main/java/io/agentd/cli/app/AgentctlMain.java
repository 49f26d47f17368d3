package io.agentd.cli.app;

/** Entry point of agentctl (placeholder until the commands land). */
public final class AgentctlMain {
    private AgentctlMain() {
    }

    public static void main(String[] args) {
        System.err.println("agentctl: not wired yet");
    }
}
