package dev.ec2inventory.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class Ec2StateChangeTest {

    @Test
    void readsTheInstanceAndItsNewState() {
        Ec2StateChange change = Ec2StateChange.of(StateChangeEvents.event("terminated"));

        assertThat(change).isEqualTo(new Ec2StateChange("i-01aaae43feb712345", "terminated"));
        assertThat(change.terminated()).isTrue();
        assertThat(Ec2StateChange.of(StateChangeEvents.event("shutting-down")).terminated()).isFalse();
    }

    @Test
    void refusesWhatIsNotAnEc2StateChangeNotification() {
        Map<String, Object> otherSource = StateChangeEvents.event("terminated");
        otherSource.put("source", "aws.autoscaling");
        Map<String, Object> otherType = StateChangeEvents.event("terminated");
        otherType.put("detail-type", "EC2 Spot Instance Interruption Warning");
        Map<String, Object> noDetail = StateChangeEvents.event("terminated");
        noDetail.remove("detail");
        Map<String, Object> numericState = StateChangeEvents.event("terminated");
        numericState.put("detail", Map.of("instance-id", "i-1", "state", 48));
        Map<String, Object> noInstance = StateChangeEvents.event("terminated");
        noInstance.put("detail", Map.of("state", "terminated"));

        assertThatThrownBy(() -> Ec2StateChange.of(otherSource)).hasMessage("source is not 'aws.ec2'");
        assertThatThrownBy(() -> Ec2StateChange.of(otherType))
                .hasMessage("detail-type is not 'EC2 Instance State-change Notification'");
        assertThatThrownBy(() -> Ec2StateChange.of(noDetail)).hasMessage("detail is not an object");
        assertThatThrownBy(() -> Ec2StateChange.of(numericState)).hasMessage("detail.state is not a non-blank string");
        assertThatThrownBy(() -> Ec2StateChange.of(noInstance))
                .hasMessage("detail.instance-id is not a non-blank string");
        Map<String, Object> longId = StateChangeEvents.event("terminated");
        longId.put("detail", Map.of("instance-id", "i-" + "0".repeat(300), "state", "terminated"));
        assertThatThrownBy(() -> Ec2StateChange.of(longId))
                .hasMessage("detail.instance-id must be at most 255 characters");
        assertThatThrownBy(() -> Ec2StateChange.of(null)).hasMessage("no event");
        assertThatThrownBy(() -> Ec2StateChange.of(Map.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
