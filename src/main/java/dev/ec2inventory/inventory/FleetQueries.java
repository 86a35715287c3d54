package dev.ec2inventory.inventory;

import static dev.ec2inventory.inventory.schema.Tables.EC2;
import static dev.ec2inventory.inventory.schema.Tables.EC2_PACKAGE;
import static dev.ec2inventory.inventory.schema.Tables.PACKAGE;
import static org.jooq.impl.DSL.nvl;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.octetLength;
import static org.jooq.impl.DSL.rowNumber;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectOne;
import static org.jooq.impl.DSL.sum;
import static org.jooq.impl.DSL.with;

import dev.ec2inventory.dataapi.jooq.StatementTemplate;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import org.jooq.CommonTableExpression;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Record2;
import org.jooq.Record4;
import org.jooq.Record8;
import org.jooq.ResultQuery;
import org.jooq.Table;

/**
 * The statements that read across instances: a page of the fleet, and the versions of one package. A page prices
 * each candidate instance in result bytes (its texts plus fixed row costs) and keeps those within
 * {@link #PAGE_BUDGET_BYTES}, so it fits the Data API's 1 MiB response; the first is kept whatever it costs.
 */
final class FleetQueries {

    static final int INSTANCE_ROW_BYTES = 64;
    static final int PACKAGE_ROW_BYTES = 16;
    static final long PAGE_BUDGET_BYTES = 1024 * 1024 - 64 * 1024;

    private static final Field<String> PACKAGE_NAME = field(name("package_name"), String.class);
    private static final Field<String> PACKAGE_VERSION = field(name("package_version"), String.class);
    private static final Field<Integer> ORDINAL = field(name("ordinal"), Integer.class);
    private static final Field<Integer> CANDIDATES = field(name("candidates"), Integer.class);
    private static final Field<BigDecimal> COST = field(name("cost"), BigDecimal.class);
    private static final Field<BigDecimal> RUNNING_COST = field(name("running_cost"), BigDecimal.class);

    /** One row past {@link PackageUsage#MAX_VERSIONS} at most: the extra row only says there are more. */
    static final StatementTemplate<String, ResultQuery<Record2<String, Integer>>> VERSIONS_OF = StatementTemplate.of(
            PACKAGE.PACKAGE_NAME.getDataType(), packageName ->
                    select(PACKAGE.PACKAGE_VERSION, count(EC2_PACKAGE.AWS_INSTANCE_ID))
                            .from(PACKAGE)
                            .leftJoin(EC2_PACKAGE).on(EC2_PACKAGE.PACKAGE_NAME.eq(PACKAGE.PACKAGE_NAME)
                                    .and(EC2_PACKAGE.PACKAGE_VERSION.eq(PACKAGE.PACKAGE_VERSION)))
                            .where(PACKAGE.PACKAGE_NAME.eq(packageName))
                            .groupBy(PACKAGE.PACKAGE_VERSION)
                            .orderBy(PACKAGE.PACKAGE_VERSION)
                            .limit(inline(PackageUsage.MAX_VERSIONS + 1)));

    private FleetQueries() {
    }

    /**
     * One row per instance (package columns NULL; its ordinal, and the candidates considered), each followed by its
     * package rows in code-point order. More instances follow the page when the candidates outnumber those returned.
     */
    static ResultQuery<Record8<Integer, String, String, String, LocalDateTime, Integer, String, String>> page(
            FleetQuery query) {
        Table<Record4<String, String, String, LocalDateTime>> candidate =
                select(EC2.AWS_INSTANCE_ID, EC2.AWS_REGION, EC2.AWS_ACCOUNT, EC2.CREATION_DATE_UTC)
                        .from(EC2)
                        .where(matching(query))
                        .orderBy(EC2.AWS_INSTANCE_ID)
                        .limit(inline(query.limit() + 1))
                        .asTable("candidate");
        Field<String> candidateId = candidate.field(EC2.AWS_INSTANCE_ID);
        Field<BigDecimal> packageRowsCost = select(sum(octetLength(EC2_PACKAGE.PACKAGE_NAME)
                .plus(octetLength(EC2_PACKAGE.PACKAGE_VERSION)).plus(inline(PACKAGE_ROW_BYTES))))
                .from(EC2_PACKAGE)
                .where(EC2_PACKAGE.AWS_INSTANCE_ID.eq(candidateId))
                .asField();
        Field<BigDecimal> packagesCost = nvl(packageRowsCost, inline(BigDecimal.ZERO));
        Table<?> costed = select(candidate.fields())
                .select(octetLength(candidateId).plus(octetLength(candidate.field(EC2.AWS_REGION)))
                        .plus(octetLength(candidate.field(EC2.AWS_ACCOUNT))).plus(inline(INSTANCE_ROW_BYTES))
                        .cast(BigDecimal.class).plus(packagesCost).as(COST))
                .from(candidate)
                .asTable("costed");
        Field<String> costedId = costed.field(EC2.AWS_INSTANCE_ID);
        CommonTableExpression<?> page = name("page").as(select(costed.fields(EC2.AWS_INSTANCE_ID, EC2.AWS_REGION,
                EC2.AWS_ACCOUNT, EC2.CREATION_DATE_UTC))
                .select(rowNumber().over().orderBy(costedId).as(ORDINAL),
                        count().over().as(CANDIDATES),
                        sum(costed.field(COST)).over().orderBy(costedId).as(RUNNING_COST))
                .from(costed));
        Condition kept = page.field(ORDINAL).le(inline(query.limit()))
                .and(page.field(ORDINAL).eq(inline(1)).or(page.field(RUNNING_COST).le(inline(
                        BigDecimal.valueOf(PAGE_BUDGET_BYTES)))));
        return with(page)
                .select(page.field(ORDINAL), page.field(EC2.AWS_INSTANCE_ID), page.field(EC2.AWS_REGION),
                        page.field(EC2.AWS_ACCOUNT), page.field(EC2.CREATION_DATE_UTC), page.field(CANDIDATES),
                        inline(null, EC2_PACKAGE.PACKAGE_NAME).as(PACKAGE_NAME),
                        inline(null, EC2_PACKAGE.PACKAGE_VERSION).as(PACKAGE_VERSION))
                .from(page)
                .where(kept)
                .unionAll(select(page.field(ORDINAL), inline(null, EC2.AWS_INSTANCE_ID), inline(null, EC2.AWS_REGION),
                        inline(null, EC2.AWS_ACCOUNT), inline(null, EC2.CREATION_DATE_UTC), inline(null, CANDIDATES),
                        EC2_PACKAGE.PACKAGE_NAME, EC2_PACKAGE.PACKAGE_VERSION)
                        .from(page)
                        .join(EC2_PACKAGE).on(EC2_PACKAGE.AWS_INSTANCE_ID.eq(page.field(EC2.AWS_INSTANCE_ID)))
                        .where(kept))
                .orderBy(ORDINAL, PACKAGE_NAME, PACKAGE_VERSION);
    }

    private static Condition matching(FleetQuery query) {
        FleetFilter filter = query.filter();
        Condition condition = query.afterInstanceId().map(EC2.AWS_INSTANCE_ID::gt).orElse(noCondition());
        condition = condition.and(filter.awsAccount().map(EC2.AWS_ACCOUNT::eq).orElse(noCondition()));
        condition = condition.and(filter.awsRegion().map(EC2.AWS_REGION::eq).orElse(noCondition()));
        if (filter.packageName().isPresent()) {
            condition = condition.andExists(selectOne().from(EC2_PACKAGE)
                    .where(EC2_PACKAGE.AWS_INSTANCE_ID.eq(EC2.AWS_INSTANCE_ID))
                    .and(EC2_PACKAGE.PACKAGE_NAME.eq(filter.packageName().get()))
                    .and(filter.packageVersion().map(EC2_PACKAGE.PACKAGE_VERSION::eq).orElse(noCondition())));
        }
        return condition;
    }
}
