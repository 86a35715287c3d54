package dev.ec2inventory.local.dataapi.engine;

import dev.ec2inventory.local.dataapi.ClusterBinding;
import dev.ec2inventory.local.dataapi.DataApiErrorType;
import dev.ec2inventory.local.dataapi.DataApiException;
import java.util.List;

/**
 * The served (cluster, secret) pairs, and which error a call naming others gets.
 *
 * <table>
 *   <caption>Resource errors</caption>
 *   <tr><th>the call names</th><th>error</th><th>why</th></tr>
 *   <tr><td>a resourceArn no pair has</td><td>{@code HttpEndpointNotEnabledException} (400) "HttpEndpoint is not
 *       enabled for resource &lt;arn&gt;"</td><td>what the service answers for a cluster that does not exist or has
 *       no Data API, reported by Serverless v2 users with exactly this message</td></tr>
 *   <tr><td>a secretArn no pair has</td><td>{@code SecretsErrorException} (400)</td><td>the model lists "the secret
 *       provided wasn't found" as one of its causes</td></tr>
 *   <tr><td>a secretArn paired with other clusters only</td><td>{@code InvalidSecretException} (400)</td><td>the
 *       secret exists but "isn't valid" for this cluster: its credentials are another server's</td></tr>
 * </table>
 * The cluster ARN is echoed because the service echoes it; it is the caller's own input.
 */
public final class Clusters implements AutoCloseable {

    private final List<Cluster> clusters;

    public Clusters(List<ClusterBinding> bindings) {
        this.clusters = bindings.stream().map(Cluster::new).toList();
    }

    public List<Cluster> all() {
        return clusters;
    }

    Cluster resolve(String resourceArn, String secretArn) {
        List<Cluster> ofResource = clusters.stream()
                .filter(cluster -> cluster.binding().resourceArn().equals(resourceArn))
                .toList();
        if (ofResource.isEmpty()) {
            throw DataApiException.of(DataApiErrorType.HTTP_ENDPOINT_NOT_ENABLED,
                    "HttpEndpoint is not enabled for resource " + resourceArn);
        }
        return ofResource.stream()
                .filter(cluster -> cluster.binding().secretArn().equals(secretArn))
                .findFirst()
                .orElseThrow(() -> secretError(secretArn));
    }

    @Override
    public void close() {
        clusters.forEach(cluster -> cluster.connections().close());
    }

    private DataApiException secretError(String secretArn) {
        boolean knownElsewhere = clusters.stream().anyMatch(cluster -> cluster.binding().secretArn().equals(secretArn));
        return knownElsewhere
                ? DataApiException.of(DataApiErrorType.INVALID_SECRET,
                        "The secret is not valid for this cluster: its credentials are for another database")
                : DataApiException.of(DataApiErrorType.SECRETS_ERROR, "The secret provided was not found");
    }
}
