package io.agentd.daemon.app;

import picocli.CommandLine;

/** The daemon's version, reported by {@code --version} and the {@code health} method. */
public final class Versions implements CommandLine.IVersionProvider {
    /** The Maven project version from the jar manifest; "dev" when running from class folders. */
    public static final String VERSION = version();

    private static String version() {
        String v = Versions.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"agentd " + VERSION};
    }
}
