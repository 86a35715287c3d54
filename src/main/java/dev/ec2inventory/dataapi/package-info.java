/**
 * The Data API session core: everything that talks to the RDS Data API, used by the jOOQ translator
 * ({@code dataapi.jooq}) and the JDBC driver ({@code dataapi.jdbc}) alike.
 *
 * <ul>
 *   <li>{@link dev.ec2inventory.dataapi.DataApiClient}: the one wrapper of the SDK's client (begin, execute, commit,
 *       rollback), every call traced
 *       ({@link dev.ec2inventory.dataapi.XRayTracing}) and every failure classified
 *       ({@link dev.ec2inventory.dataapi.DataApiException#from});</li>
 *   <li>its own statement and result types ({@link dev.ec2inventory.dataapi.SqlStatement},
 *       {@link dev.ec2inventory.dataapi.StatementResult}), and the value mapping both ways
 *       ({@link dev.ec2inventory.dataapi.DataApiValues}), so that no SDK type leaves this package;</li>
 *   <li>client construction with a retry budget ({@link dev.ec2inventory.dataapi.DataApiClients},
 *       {@link dev.ec2inventory.dataapi.RetryBudget}, which also holds the one rule for work that loses a lock
 *       conflict) and the service's size limits
 *       ({@link dev.ec2inventory.dataapi.DataApiLimits}).</li>
 * </ul>
 */
package dev.ec2inventory.dataapi;
