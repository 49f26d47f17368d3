package io.agentd.store.testing;

import io.agentd.store.Database;
import io.agentd.store.DatabaseOptions;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Hands a test method a fresh, migrated, WAL-mode {@link Database} in a temporary file, and removes
 * it afterwards. Use with {@code @ExtendWith(TempDatabaseExtension.class)} and a {@code Database}
 * parameter.
 */
public final class TempDatabaseExtension implements ParameterResolver, AfterEachCallback {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(TempDatabaseExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Database.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        try {
            Path dir = Files.createTempDirectory("agentd-db-");
            Database db = Database.open(DatabaseOptions.defaults(dir.resolve("agentd.db")));
            context.getStore(NS).put("dir", dir);
            context.getStore(NS).put("db", db);
            return db;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        Database db = context.getStore(NS).remove("db", Database.class);
        if (db != null) {
            db.close();
        }
        Path dir = context.getStore(NS).remove("dir", Path.class);
        if (dir != null) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
