package dev.ec2inventory.local.dataapi.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Every error body: {@code {"__type": "...", "message": "..."}}. {@code StatementTimeoutException} adds the model's
 * {@code dbConnectionId}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorResponse(@JsonProperty("__type") String type, String message, Long dbConnectionId) {
}
