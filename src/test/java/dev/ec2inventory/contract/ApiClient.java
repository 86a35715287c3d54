package dev.ec2inventory.contract;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.InstanceProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;

/**
 * Calls the API over HTTP, signing each request with SigV4 for {@code execute-api} when the API uses IAM
 * authorization. The signing credentials come from the caller's environment or profile: the build puts placeholder
 * keys in every test JVM's system properties (for the emulator), so the SDK's default chain cannot be used here.
 */
final class ApiClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final URI base;
    private final Optional<Signing> signing;

    private ApiClient(URI base, Optional<Signing> signing) {
        this.base = base;
        this.signing = signing;
    }

    static ApiClient unsigned(URI base) {
        return new ApiClient(base, Optional.empty());
    }

    static ApiClient signedFor(URI base, String region) {
        AwsCredentialsProvider callerCredentials = AwsCredentialsProviderChain.of(
                EnvironmentVariableCredentialsProvider.create(), ProfileCredentialsProvider.create(),
                ContainerCredentialsProvider.create(), InstanceProfileCredentialsProvider.create());
        return new ApiClient(base, Optional.of(new Signing(callerCredentials, region)));
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send("GET", path, null);
    }

    HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return send("POST", path, body);
    }

    HttpResponse<String> put(String path, String body) throws IOException, InterruptedException {
        return send("PUT", path, body);
    }

    HttpResponse<String> delete(String path) throws IOException, InterruptedException {
        return send("DELETE", path, null);
    }

    private HttpResponse<String> send(String method, String path, String body) throws IOException, InterruptedException {
        URI uri = URI.create(base.toString().replaceAll("/$", "") + path);
        byte[] payload = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(TIMEOUT)
                .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofByteArray(payload));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        signing.ifPresent(sign -> sign.headers(method, uri, payload).forEach(request::header));
        return http.send(request.build(), BodyHandlers.ofString());
    }

    private record Signing(AwsCredentialsProvider credentials, String region) {

        /** The SigV4 headers for a request; Host is left to the HTTP client, which sets the same value. */
        Map<String, String> headers(String method, URI uri, byte[] payload) {
            SdkHttpFullRequest unsigned = SdkHttpFullRequest.builder()
                    .method(SdkHttpMethod.fromValue(method))
                    .uri(uri)
                    .putHeader("Content-Type", "application/json")
                    .build();
            SignedRequest signed = AwsV4HttpSigner.create().sign(request -> request
                    .identity(credentials.resolveCredentials())
                    .request(unsigned)
                    .payload(() -> new ByteArrayInputStream(payload))
                    .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "execute-api")
                    .putProperty(AwsV4HttpSigner.REGION_NAME, region));
            Map<String, String> headers = new LinkedHashMap<>();
            signed.request().headers().forEach((name, values) -> {
                if (!name.equalsIgnoreCase("Host") && !name.equalsIgnoreCase("Content-Type")) {
                    headers.put(name, String.join(",", values));
                }
            });
            return headers;
        }
    }
}
