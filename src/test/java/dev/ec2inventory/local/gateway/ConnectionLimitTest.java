package dev.ec2inventory.local.gateway;

import static dev.ec2inventory.local.gateway.GatewayErrors.assertGatewayError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ec2inventory.testing.RawHttp;
import dev.ec2inventory.testing.RawHttp.Response;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Each open connection holds a thread, so the gateway serves a bounded number at once and refuses the next. */
class ConnectionLimitTest {

    private static final int LIMIT = 2;
    private static final int MAX_ATTEMPTS = 200;
    private static final byte[] REQUEST = "GET /items/1 HTTP/1.1\r\nConnection: close\r\n\r\n"
            .getBytes(StandardCharsets.US_ASCII);

    private final List<String> console = new ArrayList<>();
    private ApiGatewayServer server;

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aConnectionOverTheLimitIsToldToSlowDownInJsonAndAFreedSlotIsServedAgain() throws Exception {
        server = EchoGateway.start(EchoGateway.FIXTURE, console, LIMIT);
        List<Socket> idle = new ArrayList<>();
        for (int i = 0; i < LIMIT; i++) {
            idle.add(new Socket("127.0.0.1", server.endpoint().getPort()));
        }
        // The accept loop takes connections in order, so once this one answers the idle ones hold both slots.
        Response refused = sendUntil(429);

        assertGatewayError(refused, 429, "Too Many Requests");
        for (Socket socket : idle) {
            socket.close();
        }
        assertThat(sendUntil(200).json().get("event").get("pathParameters").get("item_id").asText()).isEqualTo("1");
    }

    /** The server notices a slot taken or freed a moment after the socket changes; a bounded number of tries. */
    private Response sendUntil(int status) throws IOException, InterruptedException {
        Response answer = RawHttp.exchangeUntilClosed(server.endpoint(), REQUEST);
        for (int attempt = 1; attempt < MAX_ATTEMPTS && answer.status() != status; attempt++) {
            Thread.sleep(10);
            answer = RawHttp.exchangeUntilClosed(server.endpoint(), REQUEST);
        }
        return answer;
    }
}
