package io.agentd.store;

import java.sql.SQLException;

/** Work run inside the single writer's transaction. */
@FunctionalInterface
public interface WriteWork<T> {
    T run(Tx tx) throws SQLException;
}
