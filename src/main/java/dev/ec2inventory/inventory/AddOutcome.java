package dev.ec2inventory.inventory;

/** What adding an instance did. */
public enum AddOutcome {

    /** The instance and its packages are stored. */
    ADDED,

    /** An instance with the same id is already stored; nothing was written. */
    DUPLICATE_INSTANCE
}
