package io.agentd.store;

import java.sql.Connection;
import java.sql.SQLException;

/** Work run on a read-only connection, in its own implicit read transaction. */
@FunctionalInterface
public interface ReadWork<T> {
    T run(Connection connection) throws SQLException;
}
