/** Persistence for agentd: SQLite schema, migrations and typed repositories. */
package io.agentd.store;
