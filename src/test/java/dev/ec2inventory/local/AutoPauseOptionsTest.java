package dev.ec2inventory.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.ec2inventory.local.dataapi.AutoPause;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

class AutoPauseOptionsTest {

    @Test
    void offUnlessAskedFor() {
        DataApiCommand command = parse(new DataApiCommand());

        assertThat(command.autoPause.settings()).isEmpty();
    }

    @Test
    void dataApiTakesBothDurations() {
        DataApiCommand command = parse(new DataApiCommand(), "--auto-pause-after", "300s", "--resume-takes", "15s");

        assertThat(command.autoPause.settings())
                .contains(new AutoPause(Duration.ofSeconds(300), Duration.ofSeconds(15)));
    }

    @Test
    void serveResumesInAuroraTimeUnlessToldOtherwise() {
        ServeCommand command = parse(new ServeCommand(), "--auto-pause-after", "30s");

        assertThat(command.autoPause.settings()).contains(new AutoPause(Duration.ofSeconds(30), Duration.ofSeconds(15)));
    }

    @Test
    void aResumeTimeAloneIsAUsageError() {
        DataApiCommand command = parse(new DataApiCommand(), "--resume-takes", "15s");

        assertThat(catchThrowableOfType(command.autoPause::settings, ParameterException.class))
                .hasMessage("--resume-takes needs --auto-pause-after");
    }

    @Test
    void zeroIsAUsageError() {
        DataApiCommand command = parse(new DataApiCommand(), "--auto-pause-after", "0s");

        assertThat(catchThrowableOfType(command.autoPause::settings, ParameterException.class))
                .hasMessageContaining("longer than zero");
    }

    @Test
    void anUnreadableDurationIsAUsageError() {
        int exit = new CommandLine(new DataApiCommand()).execute("--auto-pause-after", "five minutes");

        assertThat(exit).isEqualTo(CommandLine.ExitCode.USAGE);
    }

    @ParameterizedTest
    @CsvSource({"500ms, PT0.5S", "15s, PT15S", "5m, PT5M", "1h, PT1H", "PT2M30S, PT2M30S"})
    void durationsReadWithAUnitOrInIso8601(String written, String expected) {
        assertThat(new DurationConverter().convert(written)).isEqualTo(Duration.parse(expected));
    }

    @Test
    void helpOfBothCommandsShowsTheOptions() {
        for (Object command : new Object[] {new ServeCommand(), new DataApiCommand()}) {
            assertThat(new CommandLine(command).getUsageMessage())
                    .contains("--auto-pause-after=<duration>", "--resume-takes=<duration>", "DatabaseResumingException");
        }
    }

    @Test
    void theBannerLineSaysWhatIsSimulated() {
        assertThat(AutoPauseOptions.describe(Optional.of(new AutoPause(Duration.ofMinutes(5), Duration.ofSeconds(15)))))
                .contains("auto-pause simulated: pauses after 5m without calls, resumes in 15s");
    }

    private static <T> T parse(T command, String... args) {
        new CommandLine(command).parseArgs(args);
        return command;
    }
}
