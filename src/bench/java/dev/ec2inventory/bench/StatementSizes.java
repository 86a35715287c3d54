package dev.ec2inventory.bench;

import dev.ec2inventory.dataapi.ScriptedRdsDataClient;
import dev.ec2inventory.inventory.Ec2Instance;
import dev.ec2inventory.inventory.InstalledPackage;
import dev.ec2inventory.inventory.InventoryLimits;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import software.amazon.awssdk.services.rdsdata.model.ExecuteStatementRequest;

/**
 * Figure 7: what POST sends to the Data API for 3, 1,000 and 10,000 packages, typical and longest: each statement's
 * SQL size, its parameter count, and how many calls the whole add costs, from the {@link RecordedStatements}: the
 * numbers are those of the real statements.
 */
final class StatementSizes {

    private StatementSizes() {
    }

    static void measure(Report report) {
        IntFunction<InstalledPackage> typical = i -> new InstalledPackage("package-" + i, "1.2." + i + "-1.amzn2023");
        IntFunction<InstalledPackage> longest = i -> new InstalledPackage(
                String.format("%0" + InventoryLimits.PACKAGE_NAME_LENGTH + "d", i),
                "v".repeat(InventoryLimits.PACKAGE_VERSION_LENGTH));
        for (int count : new int[] {3, 1_000, 10_000}) {
            report(report, count, "typical", new Ec2Instance("i-01aaae43feb712345", "us-east-1", "123456789012",
                    packages(count, typical)));
            report(report, count, "longest", new Ec2Instance("i-" + "0".repeat(InventoryLimits.AWS_INSTANCE_ID_LENGTH - 2),
                    "r".repeat(InventoryLimits.AWS_REGION_LENGTH), "1".repeat(InventoryLimits.AWS_ACCOUNT_LENGTH),
                    packages(count, longest)));
        }
    }

    private static void report(Report report, int count, String lengths, Ec2Instance instance) {
        ScriptedRdsDataClient client = RecordedStatements.of(inventory -> inventory.add(instance));
        String add = String.format("%,d packages, %s values", count, lengths);
        report.row("7 Statement sizes", add + ": Data API calls", client.requests.size() + " " + client.operations());
        for (ExecuteStatementRequest statement : client.statements()) {
            report.row("7 Statement sizes", add + ": " + statement.sql().substring(0,
                    Math.min(32, statement.sql().indexOf(" ("))), String.format("%,d bytes of SQL, %,d parameters",
                    statement.sql().getBytes(StandardCharsets.UTF_8).length, statement.parameters().size()));
        }
    }

    private static List<InstalledPackage> packages(int count, IntFunction<InstalledPackage> each) {
        return IntStream.range(0, count).mapToObj(each).toList();
    }
}
