package dev.ec2inventory.api;

import dev.ec2inventory.inventory.PackageUsage;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code {"package_name": "...", "versions": [{"package_version", "instance_count", "instances_link"}],
 * "truncated": false}}. The link is the {@code GET /ec2} page of the instances that have that version, as a reference
 * relative to this request's URL ({@code ../ec2?...}), so that it resolves under a stage's path as on the local
 * server; its values are percent-encoded as a query string needs.
 */
record GetPackageResponse(String packageName, List<Version> versions, boolean truncated) {

    record Version(String packageVersion, long instanceCount, String instancesLink) {
    }

    static GetPackageResponse of(PackageUsage usage) {
        return new GetPackageResponse(usage.packageName(), usage.versions().stream()
                .map(version -> new Version(version.packageVersion(), version.instanceCount(),
                        instancesLink(usage.packageName(), version.packageVersion())))
                .toList(), usage.truncated());
    }

    static String instancesLink(String packageName, String packageVersion) {
        return "../ec2?" + ListEc2InfoCommand.PACKAGE_NAME + "=" + queryValue(packageName) + "&"
                + ListEc2InfoCommand.PACKAGE_VERSION + "=" + queryValue(packageVersion);
    }

    /** Form encoding writes a space as '+'; %20 means a space to every decoder, form or not. */
    private static String queryValue(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
