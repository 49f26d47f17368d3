package io.agentd.cli.command;

import picocli.CommandLine.IVersionProvider;

/** Reports the version from the jar manifest, when there is one. */
public final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = AgentctlCommand.class.getPackage().getImplementationVersion();
        return new String[] {"agentctl " + (version == null ? "(development build)" : version)};
    }
}
