package dev.ec2inventory.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import dev.ec2inventory.inventory.FleetFilter;
import dev.ec2inventory.inventory.FleetQuery;
import dev.ec2inventory.inventory.InvalidFieldException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ListEc2InfoCommandTest {

    @Test
    void withoutParametersItIsTheFirstPageOfTheWholeFleet() {
        FleetQuery query = ListEc2InfoCommand.parse(new APIGatewayProxyRequestEvent()).query();

        assertThat(query).isEqualTo(new FleetQuery(FleetFilter.NONE, 100, Optional.empty()));
    }

    @Test
    void readsEveryFilterTheLimitAndTheToken() {
        FleetFilter filter = new FleetFilter(Optional.of("123456789012"), Optional.of("us-east-1"),
                Optional.of("openssl"), Optional.of("3.0.2"));
        String token = new FleetQuery(filter, 1, Optional.empty()).tokenAfter("i-1");

        FleetQuery query = ListEc2InfoCommand.parse(request(Map.of("aws_account", "123456789012", "aws_region",
                "us-east-1", "package_name", "openssl", "package_version", "3.0.2", "limit", "1000",
                "next_token", token))).query();

        assertThat(query).isEqualTo(new FleetQuery(filter, 1000, Optional.of("i-1")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ten", "1.5", "-1", "+5", " 5", "0x10", "99999999999"})
    void aLimitThatIsNotAWholeNumberIsRefused(String limit) {
        assertThatThrownBy(() -> ListEc2InfoCommand.parse(request(Map.of("limit", limit))))
                .isInstanceOf(BadRequestException.class)
                .hasMessage("limit must be a whole number between 1 and 1000");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "1001", "000", "123456789"})
    void aLimitOutsideTheRangeIsRefused(String limit) {
        assertThatThrownBy(() -> ListEc2InfoCommand.parse(request(Map.of("limit", limit))))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessage("limit must be between 1 and 1000");
    }

    @Test
    void aMisspeltParameterIsRefusedRatherThanIgnored() {
        assertThatThrownBy(() -> ListEc2InfoCommand.parse(request(Map.of("package", "openssl"))))
                .isInstanceOf(BadRequestException.class)
                .hasMessage("Unknown query parameter 'package': the known ones are aws_account, aws_region, limit, "
                        + "next_token, package_name, package_version");
    }

    @Test
    void aParameterGivenTwiceIsRefused() {
        APIGatewayProxyRequestEvent request = request(Map.of("aws_region", "eu-west-1"))
                .withMultiValueQueryStringParameters(Map.of("aws_region", List.of("us-east-1", "eu-west-1")));

        assertThatThrownBy(() -> ListEc2InfoCommand.parse(request))
                .isInstanceOf(BadRequestException.class)
                .hasMessage("aws_region must be given at most once");
    }

    @Test
    void aVersionWithoutANameIsRefused() {
        assertThatThrownBy(() -> ListEc2InfoCommand.parse(request(Map.of("package_version", "1.0"))))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessage("package_version needs package_name: a version belongs to a package");
    }

    @Test
    void aTokenOfOtherFiltersIsRefused() {
        String token = new FleetQuery(FleetFilter.NONE, 1, Optional.empty()).tokenAfter("i-1");

        assertThatThrownBy(() -> ListEc2InfoCommand.parse(request(Map.of("aws_region", "us-east-1",
                "next_token", token))))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessageStartingWith("next_token belongs to a listing with other filters");
    }

    @Test
    void theLinkOfAVersionEncodesWhatAQueryStringNeeds() {
        assertThat(Responses.PackageVersions.instancesLink("@scope/name", "1.0.0+build 7&x=y"))
                .isEqualTo("../ec2?package_name=%40scope%2Fname&package_version=1.0.0%2Bbuild%207%26x%3Dy");
        assertThat(Responses.PackageVersions.instancesLink("caf\u00e9", "\uD83D\uDE80"))
                .isEqualTo("../ec2?package_name=caf%C3%A9&package_version=%F0%9F%9A%80");
    }

    private static APIGatewayProxyRequestEvent request(Map<String, String> query) {
        return new APIGatewayProxyRequestEvent().withQueryStringParameters(query);
    }
}
