package dev.ec2inventory.dataapi;

/**
 * One column of a result as the Data API describes it ({@code includeResultMetadata}): the fields of JDBC's
 * {@code ResultSetMetaData}, {@code type} a {@link java.sql.Types}. A field the service leaves out is {@code null}.
 */
public record ResultColumn(String name, String label, Integer type, String typeName, String tableName,
        String schemaName, Integer precision, Integer scale, Integer nullable, Boolean autoIncrement, Boolean signed,
        Boolean caseSensitive, Boolean currency) {

    /** The {@code AS} name, or the column's name when the query gave none. */
    public String labelOrName() {
        return label != null ? label : name;
    }
}
