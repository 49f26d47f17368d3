package io.agentd.daemon.rpc;

/** The params type of a method that takes none; any params object sent is ignored. */
public record NoParams() {
}
