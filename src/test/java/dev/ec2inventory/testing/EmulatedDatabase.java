package dev.ec2inventory.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The test class gets a database of its own on the run's test server, behind the run's one Data API emulator: a
 * {@code EmulatedCluster} or {@code TestDatabase} parameter of a {@code @BeforeAll}, constructor or test method. See
 * {@link EmulatedDatabaseExtension}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(EmulatedDatabaseExtension.class)
public @interface EmulatedDatabase {

    /**
     * With the inventory schema (Flyway's scripts, over JDBC), emptied of inventory rows after each test; when false,
     * an empty database whose tables the class creates and cleans itself.
     */
    boolean migrated() default true;
}
