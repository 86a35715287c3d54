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

    @Option(names = "--db-url", defaultValue = "${env:LOCAL_DB_URL}", paramLabel = "<jdbc url>",
            description = "an existing MySQL-compatible server instead of the embedded MariaDB, e.g. "
                    + "jdbc:mariadb://127.0.0.1:3306/ec2_inventory_db?user=root&password= (env LOCAL_DB_URL)")
    String databaseUrl;

    @Option(names = "--local-dir", defaultValue = ".local", paramLabel = "<dir>",
            description = "where the embedded MariaDB keeps its binaries and data (default: ${DEFAULT-VALUE})")
    Path localDirectory;

    DatabaseSource database() {
        return DatabaseSource.from(databaseUrl, localDirectory);
    }
}
