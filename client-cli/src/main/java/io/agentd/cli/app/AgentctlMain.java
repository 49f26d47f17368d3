package io.agentd.cli.app;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** Entry point of {@code agentctl}. */
public final class AgentctlMain {
    private AgentctlMain() {
    }

    public static void main(String[] args) {
        if (args.length == 1 && AotTraining.FLAG.equals(args[0])) {
            System.exit(AotTraining.run()); // hidden: bin/agentctl records its AOT cache with it
        }
        // UTF-8 regardless of locale: transcripts and the daemon's messages are UTF-8 text.
        PrintWriter out = new PrintWriter(new OutputStreamWriter(
                new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(
                new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8), true);
        int exitCode = Agentctl.commandLine(Agentctl.systemContext(), out, err, args).execute(args);
        out.flush();
        err.flush();
        System.exit(exitCode);
    }
}
