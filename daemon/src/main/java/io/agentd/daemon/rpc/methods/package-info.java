/**
 * The JSON-RPC method table: one binding class per feature maps a method name and its params record to a
 * service call. Nothing here decides anything about sessions or approvals; the rest of {@code rpc} (framing,
 * dispatch, params binding, errors) knows nothing about them at all.
 */
package io.agentd.daemon.rpc.methods;
