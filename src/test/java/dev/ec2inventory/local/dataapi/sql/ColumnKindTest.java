package dev.ec2inventory.local.dataapi.sql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ColumnKindTest {

    @ParameterizedTest
    @CsvSource({
            "2024-02-03 04:05:06, 2024-02-03 04:05:06",
            "2024-02-03 04:05:06.000000, 2024-02-03 04:05:06",
            "2024-02-03 04:05:06.120000, 2024-02-03 04:05:06.12",
            "2024-02-03 04:05:06.123456, 2024-02-03 04:05:06.123456",
            "2024-02-03 04:05:06.0, 2024-02-03 04:05:06",
            "01:02:03.500, 01:02:03.5",
            "838:59:59, 838:59:59",
            "-01:00:00.000, -01:00:00"})
    void showsAFractionOnlyWhenItIsNotZeroAndWithoutTrailingZeros(String serverText, String expected) {
        assertThat(ColumnKind.withoutZeroFraction(serverText)).isEqualTo(expected);
    }
}
