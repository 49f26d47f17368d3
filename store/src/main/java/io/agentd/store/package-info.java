/**
 * agentd's persistence: {@link io.agentd.store.Database} (one batching writer, read-only readers, file
 * inspection and migrations) and one repository per table in the feature packages. Knows nothing of
 * sockets or processes.
 */
package io.agentd.store;
