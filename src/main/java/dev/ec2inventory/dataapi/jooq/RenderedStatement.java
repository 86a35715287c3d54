package dev.ec2inventory.dataapi.jooq;

import dev.ec2inventory.dataapi.DataApiParameter;
import dev.ec2inventory.dataapi.DataApiValues;
import dev.ec2inventory.dataapi.SqlStatement;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.JSON;
import org.jooq.Query;
import org.jooq.SQLDialect;
import org.jooq.conf.ParamType;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

/**
 * A jOOQ query as the Data API receives it: MySQL SQL with placeholders {@code :p1, :p2, ...}, named by jOOQ after
 * their position in {@link Query#getBindValues()}. A user-named {@code DSL.param} would break that; ArchitectureTest
 * forbids it, so no request pays for checking.
 */
public final class RenderedStatement {

    static {
        // jOOQ prints a banner and a "tip of the day" on first use: noise in every cold start's log.
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
    }

    private static final DSLContext MYSQL = DSL.using(SQLDialect.MYSQL, new Settings()
            .withParamType(ParamType.NAMED)
            .withRenderNamedParamPrefix(":" + DataApiParameter.PREFIX));

    // Both are read to size a statement for the limits and again to send it: computed once.
    private final SqlStatement statement;
    private final int sqlBytes;

    private RenderedStatement(SqlStatement statement) {
        this.statement = statement;
        this.sqlBytes = statement.sql().getBytes(StandardCharsets.UTF_8).length;
    }

    public static RenderedStatement render(Query query) {
        List<Object> values = query.getBindValues();
        List<DataApiParameter> parameters = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            parameters.add(parameter(i + 1, values.get(i)));
        }
        return of(sqlOf(query), parameters);
    }

    /** The parameter at 1-based {@code position}: jOOQ's {@link JSON} is mapped here, as the core knows no jOOQ. */
    static DataApiParameter parameter(int position, Object value) {
        String name = DataApiParameter.positional(position);
        return value instanceof JSON json
                ? new DataApiParameter(name, json.data(), DataApiParameter.Hint.JSON)
                : DataApiValues.parameter(name, value);
    }

    static RenderedStatement of(String sql, List<DataApiParameter> parameters) {
        return new RenderedStatement(new SqlStatement(sql, parameters));
    }

    /** The query's SQL text, its bound values as named placeholders. */
    static String sqlOf(Query query) {
        return MYSQL.renderNamedParams(query);
    }

    public String sql() {
        return statement.sql();
    }

    public List<DataApiParameter> parameters() {
        return statement.parameters();
    }

    /** The size the Data API limits: the SQL text in UTF-8. */
    public int sqlBytes() {
        return sqlBytes;
    }

    public SqlStatement statement() {
        return statement;
    }

    @Override
    public String toString() {
        return statement.toString();
    }
}
