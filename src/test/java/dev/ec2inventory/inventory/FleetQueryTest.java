package dev.ec2inventory.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FleetQueryTest {

    private static final FleetFilter OPENSSL = new FleetFilter(Optional.empty(), Optional.empty(),
            Optional.of("openssl"), Optional.empty());
    private static final FleetFilter OPENSSL_3 = new FleetFilter(Optional.empty(), Optional.empty(),
            Optional.of("openssl"), Optional.of("3.0.2"));

    @Test
    void aTokenLeadsToThePositionAfterTheLastInstanceForTheSameFilters() {
        String token = new FleetQuery(OPENSSL, 10, Optional.empty()).tokenAfter("i-\uD83D\uDE80 last");

        FleetQuery next = FleetQuery.of(OPENSSL, 50, Optional.of(token));

        assertThat(next.afterInstanceId()).contains("i-\uD83D\uDE80 last");
        assertThat(next.limit()).as("the limit may change between pages").isEqualTo(50);
        assertThat(token).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void theFirstPageHasNoPosition() {
        assertThat(FleetQuery.of(FleetFilter.NONE, 100, Optional.empty()).afterInstanceId()).isEmpty();
    }

    @Test
    void aTokenOfOtherFiltersIsRefusedNamingNextToken() {
        String token = new FleetQuery(OPENSSL, 10, Optional.empty()).tokenAfter("i-1");

        for (FleetFilter other : new FleetFilter[] {OPENSSL_3, FleetFilter.NONE, new FleetFilter(
                Optional.of("openssl"), Optional.empty(), Optional.empty(), Optional.empty())}) {
            assertThatThrownBy(() -> FleetQuery.of(other, 10, Optional.of(token)))
                    .isInstanceOf(InvalidFieldException.class)
                    .hasMessageStartingWith("next_token belongs to a listing with other filters");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "garbage", "!!!!", "AQ", "aS0x"})
    void aGarbledTokenIsRefusedNamingNextToken(String garbled) {
        assertThatThrownBy(() -> FleetQuery.of(FleetFilter.NONE, 10, Optional.of(garbled)))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessageStartingWith("next_token is not a token this API issued");
    }

    @Test
    void anyChangedCharacterGarblesAToken() {
        String token = new FleetQuery(FleetFilter.NONE, 10, Optional.empty()).tokenAfter("i-01aaae43feb712345");
        for (int i = 0; i < token.length(); i++) {
            char changed = token.charAt(i) == 'A' ? 'B' : 'A';
            String tampered = token.substring(0, i) + changed + token.substring(i + 1);
            assertThatThrownBy(() -> FleetQuery.of(FleetFilter.NONE, 10, Optional.of(tampered)))
                    .as("character %d", i)
                    .isInstanceOf(InvalidFieldException.class)
                    .hasMessageStartingWith("next_token ");
        }
        assertThatThrownBy(() -> FleetQuery.of(FleetFilter.NONE, 10, Optional.of(token.substring(1))))
                .hasMessageStartingWith("next_token is not a token this API issued");
    }

    @Test
    void aTokenWhoseIdIsNotUtf8IsGarbled() {
        byte[] notUtf8 = Base64.getUrlDecoder().decode(
                new FleetQuery(FleetFilter.NONE, 10, Optional.empty()).tokenAfter("i-1"));
        notUtf8[notUtf8.length - 1] = (byte) 0xFF;

        assertThatThrownBy(() -> FleetQuery.of(FleetFilter.NONE, 10,
                Optional.of(Base64.getUrlEncoder().encodeToString(notUtf8))))
                .hasMessageStartingWith("next_token is not a token this API issued");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 1001, Integer.MAX_VALUE})
    void aLimitOutsideOneToAThousandIsRefused(int limit) {
        assertThatThrownBy(() -> FleetQuery.of(FleetFilter.NONE, limit, Optional.empty()))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessage("limit must be between 1 and 1000");
    }

    @Test
    void aVersionNeedsAName() {
        assertThatThrownBy(() -> new FleetFilter(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of("1.0")))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessage("package_version needs package_name: a version belongs to a package");
    }

    @Test
    void filtersFollowTheRulesOfTheValuesTheyMatch() {
        assertThatThrownBy(() -> new FleetFilter(Optional.of(" 1"), Optional.empty(), Optional.empty(),
                Optional.empty())).hasMessage("aws_account must not begin or end with whitespace");
        assertThatThrownBy(() -> new FleetFilter(Optional.empty(), Optional.of("r".repeat(31)), Optional.empty(),
                Optional.empty())).hasMessage("aws_region must be at most 30 characters");
    }

    /** Length-prefixed: moving text between filters, or a filter's absence, never yields the same bytes. */
    @Test
    void filtersThatDifferHaveDifferentCanonicalBytes() {
        FleetFilter accountAb = new FleetFilter(Optional.of("ab"), Optional.empty(), Optional.empty(),
                Optional.empty());
        FleetFilter regionAb = new FleetFilter(Optional.empty(), Optional.of("ab"), Optional.empty(),
                Optional.empty());
        FleetFilter split = new FleetFilter(Optional.of("a"), Optional.of("b"), Optional.empty(), Optional.empty());

        assertThat(accountAb.canonicalBytes()).isNotEqualTo(regionAb.canonicalBytes())
                .isNotEqualTo(split.canonicalBytes());
        assertThat(FleetFilter.NONE.canonicalBytes()).isNotEqualTo(accountAb.canonicalBytes());
    }
}
