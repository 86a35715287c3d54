package dev.ec2inventory.dataapi.jooq;

/** What runs inside one Data API transaction. */
@FunctionalInterface
public interface TransactionWork<T> {

    /** Throwing anything rolls the transaction back. */
    T run(DataApiTransaction transaction);
}
