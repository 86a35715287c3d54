package dev.ec2inventory.inventory;

/** A value the inventory cannot store, named by its column: {@code aws_region must be at most 30 characters}. */
public final class InvalidFieldException extends IllegalArgumentException {

    private final String field;
    private final String problem;

    public InvalidFieldException(String field, String problem) {
        super(field + " " + problem);
        this.field = field;
        this.problem = problem;
    }

    public String field() {
        return field;
    }

    /** What is wrong, without the field's name: {@code must be at most 30 characters}. */
    public String problem() {
        return problem;
    }

    /** {@code value} itself, when it is present, not blank, and at most {@code maxLength} characters long. */
    static String requireText(String field, String value, int maxLength) {
        if (value == null) {
            throw new InvalidFieldException(field, "is required");
        }
        if (value.isBlank()) {
            throw new InvalidFieldException(field, "must not be blank");
        }
        // VARCHAR(n) counts characters, not UTF-16 units: an emoji is one character but two chars.
        if (value.codePointCount(0, value.length()) > maxLength) {
            throw new InvalidFieldException(field, "must be at most " + maxLength + " characters");
        }
        return value;
    }
}
