package dev.ec2inventory.dataapi.jooq;

import dev.ec2inventory.dataapi.DataApiValues;
import dev.ec2inventory.dataapi.StatementResult;
import java.util.List;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSON;
import org.jooq.Record;
import org.jooq.Result;
import org.jooq.ResultQuery;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.TableRecord;
import org.jooq.impl.DSL;

/**
 * Turns the Data API's rows of value unions into the records the query itself would have fetched over JDBC: the same
 * record type, each value of its field's Java type.
 */
final class ResultRecords {

    private static final DSLContext MYSQL = DSL.using(SQLDialect.MYSQL);

    private ResultRecords() {
    }

    static <R extends Record> Result<R> of(ResultQuery<R> query, StatementResult response) {
        // Asked once: a query works its fields out anew on each call.
        return of(query, query.fields(), response);
    }

    static <R extends Record> Result<R> of(ResultQuery<R> query, Field<?>[] fields, StatementResult response) {
        // No columns: none were asked for, and a result always has at least one.
        if (!response.columns().isEmpty() && response.columns().size() != fields.length) {
            throw new IllegalStateException("the query selects " + fields.length + " columns but the Data API returned "
                    + response.columns().size());
        }
        RecordType<R> recordType = RecordType.of(query, fields);
        Result<R> result = recordType.emptyResults().get();
        for (List<Object> row : response.rows()) {
            Object[] values = new Object[fields.length];
            for (int i = 0; i < fields.length; i++) {
                values[i] = javaValue(row.get(i), fields[i]);
            }
            R record = recordType.newRecords().get();
            record.fromArray(values);
            record.changed(false);
            result.add(record);
        }
        return result;
    }

    private static Object javaValue(Object value, Field<?> field) {
        Class<?> type = field.getType();
        if (type == JSON.class) {
            return value == null ? null : JSON.valueOf(DataApiValues.text(value, JSON.class));
        }
        if (DataApiValues.reads(type)) {
            return DataApiValues.value(value, type);
        }
        // Types the value mapping does not know (enums, converted user types) get jOOQ's own conversion.
        return field.getDataType().convert(value);
    }

    /**
     * {@code selectFrom(EC2)} fetches generated {@code Ec2Record}s, which know their table; any other query fetches
     * jOOQ's generic records of its selected fields.
     */
    private record RecordType<R extends Record>(Supplier<Result<R>> emptyResults, Supplier<R> newRecords) {

        @SuppressWarnings("unchecked")
        static <R extends Record> RecordType<R> of(ResultQuery<R> query, Field<?>[] fields) {
            Class<? extends R> type = query.getRecordType();
            if (TableRecord.class.isAssignableFrom(type)) {
                Table<R> table = tableOf(type);
                return new RecordType<>(() -> MYSQL.newResult(table), () -> MYSQL.newRecord(table));
            }
            return new RecordType<>(() -> (Result<R>) MYSQL.newResult(fields), () -> (R) MYSQL.newRecord(fields));
        }

        @SuppressWarnings("unchecked")
        private static <R extends Record> Table<R> tableOf(Class<? extends R> tableRecordType) {
            try {
                TableRecord<?> prototype = (TableRecord<?>) tableRecordType.getDeclaredConstructor().newInstance();
                return (Table<R>) prototype.getTable();
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot create a " + tableRecordType.getName(), e);
            }
        }
    }
}
