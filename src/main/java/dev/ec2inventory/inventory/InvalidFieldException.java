package dev.ec2inventory.inventory;

/** A value the inventory cannot store, named by its request path: {@code packages[2].package_name is required}. */
public final class InvalidFieldException extends IllegalArgumentException {

    private final String path;
    private final String problem;

    public InvalidFieldException(String path, String problem) {
        super(path + " " + problem);
        this.path = path;
        this.problem = problem;
    }

    /** The same failure, of the value at {@code prefix + path}: {@code packages[2].} for an item's fields. */
    public InvalidFieldException under(String prefix) {
        return new InvalidFieldException(prefix + path, problem);
    }

    /** What is wrong, without the path: {@code must not be blank}. */
    public String problem() {
        return problem;
    }
}
