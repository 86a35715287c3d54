package dev.ec2inventory.local;

import dev.ec2inventory.local.dataapi.AutoPause;
import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The Data API emulator's opt-in simulation of Aurora Serverless v2 auto-pause, for the commands that serve it. */
final class AutoPauseOptions {

    private static final Duration AURORA_RESUME = AutoPause.AURORA_DEFAULTS.resumeTakes();

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(names = "--auto-pause-after", paramLabel = "<duration>", converter = DurationConverter.class,
            description = "simulate Aurora Serverless v2 auto-pause: after this long without a Data API call (and "
                    + "no open transaction) the database pauses, and calls answer DatabaseResumingException while it "
                    + "resumes; e.g. 300s (Aurora's default), 30s, 5m. Off unless given")
    Duration pauseAfterIdle;

    @Option(names = "--resume-takes", paramLabel = "<duration>", converter = DurationConverter.class,
            description = "with --auto-pause-after: how long a resume takes, from the call that wakes the database "
                    + "(default 15s, about what Aurora takes)")
    Duration resumeTakes;

    /** The simulation's settings, when {@code --auto-pause-after} was given. */
    Optional<AutoPause> settings() {
        if (pauseAfterIdle == null) {
            if (resumeTakes != null) {
                throw new ParameterException(command.commandLine(), "--resume-takes needs --auto-pause-after");
            }
            return Optional.empty();
        }
        try {
            return Optional.of(new AutoPause(pauseAfterIdle, resumeTakes == null ? AURORA_RESUME : resumeTakes));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(command.commandLine(),
                    "--auto-pause-after and --resume-takes must be longer than zero");
        }
    }

    /** One line for the banner, when the simulation is on. */
    static Optional<String> describe(Optional<AutoPause> settings) {
        return settings.map(on -> "auto-pause simulated: pauses after " + human(on.pauseAfterIdle())
                + " without calls, resumes in " + human(on.resumeTakes()));
    }

    private static String human(Duration duration) {
        return duration.toString().substring(2).toLowerCase();
    }
}
