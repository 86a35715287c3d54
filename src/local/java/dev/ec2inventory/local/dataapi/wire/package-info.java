/**
 * The rds-data REST-JSON shapes (API 2018-08-01) as Java records, read and written with Jackson.
 * Member names are the service model's, so the records serialize to exactly what the AWS SDKs send and expect.
 */
package dev.ec2inventory.local.dataapi.wire;
