package dev.ec2inventory.local;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The local runner: {@code mvn -q -Plocal test-compile exec:java [-Dexec.args="<command> ..."]}. Without a command it
 * serves the whole API.
 */
@Command(name = "ec2-inventory-local", mixinStandardHelpOptions = true,
        description = "Runs ec2-inventory on this machine: database, Data API and API, with nothing deployed.",
        subcommands = {ServeCommand.class, InvokeCommand.class, DataApiCommand.class, MigrateCommand.class})
public final class LocalCli implements Runnable {

    public static void main(String[] args) {
        int exitCode = new CommandLine(new LocalCli()).execute(args);
        // Exit explicitly: the embedded database's process watchers would otherwise keep the JVM alive.
        System.exit(exitCode);
    }

    /** No command given: serve, with serve's own defaults. */
    @Override
    public void run() {
        new CommandLine(new ServeCommand()).execute();
    }
}
