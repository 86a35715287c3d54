package dev.ec2inventory.dataapi.jooq;

import dev.ec2inventory.dataapi.DataApiValues;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Param;
import org.jooq.Query;
import org.jooq.SQLDialect;
import org.jooq.conf.ParamType;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import software.amazon.awssdk.services.rdsdata.model.SqlParameter;

/**
 * A jOOQ query as the Data API receives it: MySQL SQL with named placeholders {@code :p1, :p2, ...} and the value
 * behind each name.
 *
 * <p>jOOQ names an unnamed placeholder after its bind position, and {@link Query#getBindValues()} lists exactly the
 * values that render as placeholders, in that order; inlined values are part of the SQL text and skipped. Only the
 * prefix is ours: a bare {@code :1} is not a valid Data API parameter name.
 */
public final class RenderedStatement {

    /** One placeholder and its Java value; the value may be {@code null}. */
    public record BindValue(String name, Object value) {
    }

    static final String PARAMETER_PREFIX = "p";

    static {
        // jOOQ prints a banner and a "tip of the day" on first use: noise in every cold start's log.
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
    }

    private static final DSLContext MYSQL = DSL.using(SQLDialect.MYSQL, new Settings()
            .withParamType(ParamType.NAMED)
            .withRenderNamedParamPrefix(":" + PARAMETER_PREFIX));

    private final String sql;
    private final List<BindValue> bindValues;
    // Both are read more than once for one statement (to size it for the limits, then to send it), and at a thousand
    // rows they are thousands of parameters and tens of kilobytes of text: computed once, here.
    private final List<SqlParameter> sqlParameters;
    private final int sqlBytes;

    public RenderedStatement(String sql, List<BindValue> bindValues) {
        this.sql = sql;
        this.bindValues = List.copyOf(bindValues);
        this.sqlParameters = this.bindValues.stream()
                .map(bind -> DataApiValues.parameter(bind.name(), bind.value()))
                .toList();
        this.sqlBytes = sql.getBytes(StandardCharsets.UTF_8).length;
    }

    public static RenderedStatement render(Query query) {
        rejectNamedParameters(query);
        List<Object> values = query.getBindValues();
        List<BindValue> bindValues = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            bindValues.add(new BindValue(PARAMETER_PREFIX + (i + 1), values.get(i)));
        }
        return new RenderedStatement(MYSQL.renderNamedParams(query), bindValues);
    }

    public String sql() {
        return sql;
    }

    public List<BindValue> bindValues() {
        return bindValues;
    }

    public List<SqlParameter> sqlParameters() {
        return sqlParameters;
    }

    /** The size the Data API limits: the SQL text in UTF-8. */
    public int sqlBytes() {
        return sqlBytes;
    }

    @Override
    public String toString() {
        return sql + " " + bindValues;
    }

    /**
     * jOOQ renders a user-named parameter ({@code DSL.param("name", value)}) as {@code :p<name>}, once per use, which
     * breaks the position-to-name rule above. Nothing here needs them, so they are refused rather than guessed.
     */
    private static void rejectNamedParameters(Query query) {
        for (Param<?> param : query.getParams().values()) {
            if (!param.isInline() && param.getParamName() != null) {
                throw new IllegalArgumentException("named jOOQ parameters are not supported: " + param.getParamName());
            }
        }
    }
}
