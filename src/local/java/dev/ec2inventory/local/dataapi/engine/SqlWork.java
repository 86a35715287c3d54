package dev.ec2inventory.local.dataapi.engine;

import java.sql.SQLException;

/** What one call does with its session; it registers its statement with {@code running} so a timeout can cancel it. */
@FunctionalInterface
interface SqlWork<T> {

    T run(DatabaseSession session, RunningStatement running) throws SQLException;
}
