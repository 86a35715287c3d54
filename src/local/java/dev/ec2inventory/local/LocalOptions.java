package dev.ec2inventory.local;

import dev.ec2inventory.local.stack.DatabaseSource;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options every command that starts the local stack shares; environment variables give their defaults. */
final class LocalOptions {

    @Option(names = "--template", defaultValue = "template.yaml", description = "SAM template (default: ${DEFAULT-VALUE})")
    Path template;

    @Option(names = "--data-api-port", defaultValue = "${env:DATA_API_PORT:-8080}",
            description = "Data API emulator port, 0 for any (env DATA_API_PORT, default 8080)")
    int dataApiPort;

    @Option(names = "--local-dir", defaultValue = ".local", hidden = true)
    Path localDirectory;

    DatabaseSource database() {
        return DatabaseSource.from(System.getenv("LOCAL_DB_URL"), localDirectory);
    }
}
