package dev.ec2inventory.local.stack;

import dev.ec2inventory.local.dataapi.AutoPause;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * How to start a {@link LocalStack}.
 *
 * @param apiPort     the API's port (0 = any free port)
 * @param dataApiPort the Data API emulator's port (0 = any free port)
 * @param scope       how much of the stack to start
 * @param console     where progress and function logs go
 * @param autoPause   the emulator's auto-pause simulation, when wanted
 */
public record LocalStackOptions(Path template, DatabaseSource database, int apiPort, int dataApiPort, Scope scope,
                                Consumer<String> console, Optional<AutoPause> autoPause) {

    /** Without the auto-pause simulation. */
    public LocalStackOptions(Path template, DatabaseSource database, int apiPort, int dataApiPort, Scope scope,
            Consumer<String> console) {
        this(template, database, apiPort, dataApiPort, scope, console, Optional.empty());
    }

    /** Each scope includes the ones before it. */
    public enum Scope {
        /** The database and the Data API emulator, for other tools. */
        DATA_API,
        /** Plus the template's functions, for one-off invocations. */
        FUNCTIONS,
        /** Plus API Gateway's REST proxy in front of the functions. */
        API
    }
}
