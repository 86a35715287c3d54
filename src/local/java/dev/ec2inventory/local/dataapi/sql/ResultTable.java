package dev.ec2inventory.local.dataapi.sql;

import dev.ec2inventory.local.dataapi.wire.ColumnMetadata;
import dev.ec2inventory.local.dataapi.wire.Field;
import java.util.List;

/** A query's result as the Data API returns it: column descriptions and records of {@link Field}s. */
public record ResultTable(List<ColumnMetadata> columns, List<List<Field>> records) {

    public ResultTable {
        columns = List.copyOf(columns);
        records = List.copyOf(records);
    }

    /** The records as {@code formatRecordsAs=JSON} returns them; see {@link FormattedRecords}. */
    public String formattedRecords() {
        return FormattedRecords.render(this);
    }
}
