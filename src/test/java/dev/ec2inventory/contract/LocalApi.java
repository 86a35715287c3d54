package dev.ec2inventory.contract;

import dev.ec2inventory.local.db.JdbcLocation;
import dev.ec2inventory.local.stack.DatabaseSource;
import dev.ec2inventory.local.stack.LocalStack;
import dev.ec2inventory.local.stack.LocalStackOptions;
import dev.ec2inventory.local.stack.LocalStackOptions.Scope;
import dev.ec2inventory.testing.TestDatabase;
import java.net.URI;
import java.nio.file.Path;

/**
 * The whole local API of template.yaml on random ports, over a database of its own, for tests that call it over
 * HTTP; closing it stops the stack and drops the database.
 */
public record LocalApi(TestDatabase database, LocalStack stack) implements AutoCloseable {

    /** @param purpose names the test database ({@code it_<purpose>_<random>}) */
    public static LocalApi start(String purpose) {
        TestDatabase database = TestDatabase.empty(purpose);
        try {
            DatabaseSource source = new DatabaseSource.External(new JdbcLocation(database.server(), database.name()));
            return new LocalApi(database, LocalStack.start(new LocalStackOptions(Path.of("template.yaml"), source, 0,
                    0, Scope.API, line -> { })));
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    public URI endpoint() {
        return stack.apiEndpoint().orElseThrow();
    }

    @Override
    public void close() {
        try {
            stack.close();
        } finally {
            database.close();
        }
    }
}
