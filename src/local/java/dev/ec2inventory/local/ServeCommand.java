package dev.ec2inventory.local;

import dev.ec2inventory.local.dataapi.AutoPause;
import dev.ec2inventory.local.dataapi.LocalCluster;
import dev.ec2inventory.local.docs.ApiDocsPages;
import dev.ec2inventory.local.stack.LocalStack;
import dev.ec2inventory.local.stack.LocalStackOptions;
import dev.ec2inventory.local.stack.LocalStackOptions.Scope;
import java.net.URI;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Serves the API on 127.0.0.1 until Ctrl-C. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the API locally (the default): embedded MariaDB or LOCAL_DB_URL, the Data API "
                + "emulator, and every function of template.yaml behind API Gateway's REST proxy.")
final class ServeCommand implements Runnable {

    private static final String EXAMPLE_INSTANCE = "i-01aaae43feb712345";

    @Mixin
    LocalOptions options;

    @Mixin
    AutoPauseOptions autoPause;

    @Option(names = "--port", defaultValue = "${env:PORT:-3000}", description = "API port (env PORT, default 3000)")
    int port;

    @Override
    public void run() {
        Optional<AutoPause> pausing = autoPause.settings();
        LocalStack stack = LocalStack.start(new LocalStackOptions(options.template, options.database(), port,
                options.dataApiPort, Scope.API, Console::line, pausing));
        printBanner(stack, pausing);
        Console.runUntilCtrlC(stack);
    }

    private void printBanner(LocalStack stack, Optional<AutoPause> pausing) {
        URI api = stack.apiEndpoint().orElseThrow();
        Console.line("");
        Console.line("ec2-inventory is running locally");
        Console.line("  API        " + api + "   (stage " + stack.stage() + ")");
        stack.functions().forEach(function -> function.definition().routes().forEach(route -> Console.line(
                String.format("  %-10s %-6s %s -> %s (%s)", "", route.method(), route.pathTemplate(),
                        function.definition().logicalId(), function.definition().handler()))));
        ApiDocsPages.pageOf(options.template, api).ifPresent(docs -> Console.line("  Docs       " + docs
                + "   (Swagger UI over " + api + ApiDocsPages.DOCUMENT_PATH + ": try every route here)"));
        Console.line("  Data API   " + stack.dataApiEndpoint());
        Console.line("    resourceArn " + LocalCluster.RESOURCE_ARN);
        Console.line("    secretArn   " + LocalCluster.SECRET_ARN + "   (master user: the migration's)");
        Console.line("                " + LocalCluster.APP_SECRET_ARN + "   (application user: the functions')");
        Console.line("    database    " + stack.databaseName());
        AutoPauseOptions.describe(pausing).ifPresent(line -> Console.line("    " + line));
        Console.line("  Database   " + stack.databaseDescription());
        Console.line("");
        Console.line("Try it:");
        Console.line("  curl -s -X POST " + api + "/ec2/" + EXAMPLE_INSTANCE + " \\");
        Console.line("    -H 'Content-Type: application/json' \\");
        Console.line("    -d '{\"aws_region\": \"us-east-1\", \"aws_account\": \"123456789012\", \"packages\": "
                + "[{\"package_name\": \"package-1\", \"package_version\": \"v1\"}]}'");
        Console.line("  curl -s " + api + "/ec2/" + EXAMPLE_INSTANCE);
        Console.line("");
        Console.line("Press Ctrl-C to stop.");
    }
}
