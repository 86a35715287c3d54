package dev.ec2inventory.local;

import dev.ec2inventory.local.dataapi.AutoPause;
import dev.ec2inventory.local.dataapi.LocalCluster;
import dev.ec2inventory.local.stack.LocalStack;
import dev.ec2inventory.local.stack.LocalStackOptions;
import dev.ec2inventory.local.stack.LocalStackOptions.Scope;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Only the database and the Data API emulator, for tools other than this project's handlers. */
@Command(name = "data-api", mixinStandardHelpOptions = true,
        description = "Serve only the Data API emulator, with the migrated database behind it, until Ctrl-C.")
final class DataApiCommand implements Runnable {

    @Mixin
    LocalOptions options;

    @Mixin
    AutoPauseOptions autoPause;

    @Override
    public void run() {
        Optional<AutoPause> pausing = autoPause.settings();
        LocalStack stack = LocalStack.start(new LocalStackOptions(options.template, options.database(), 0,
                options.dataApiPort, Scope.DATA_API, Console::line, pausing));
        Console.line("Data API emulator on " + stack.dataApiEndpoint());
        AutoPauseOptions.describe(pausing).ifPresent(line -> Console.line("  " + line));
        Console.line("  resourceArn " + LocalCluster.RESOURCE_ARN);
        Console.line("  secretArn   " + LocalCluster.SECRET_ARN + "   (master user: the migration's)");
        Console.line("              " + LocalCluster.APP_SECRET_ARN + "   (application user: the functions')");
        Console.line("  database    " + stack.databaseName() + " (" + stack.databaseDescription() + ")");
        Console.line("  for example: aws rds-data execute-statement --endpoint-url " + stack.dataApiEndpoint()
                + " --resource-arn " + LocalCluster.RESOURCE_ARN + " --secret-arn " + LocalCluster.SECRET_ARN
                + " --database " + stack.databaseName() + " --sql 'SELECT 1'");
        Console.line("Press Ctrl-C to stop.");
        Console.runUntilCtrlC(stack);
    }
}
