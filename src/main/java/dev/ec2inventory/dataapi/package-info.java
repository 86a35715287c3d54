/**
 * The Data API core the translator ({@code dataapi.jooq}) and the driver ({@code dataapi.jdbc}) share: the one SDK
 * client wrapper ({@link dev.ec2inventory.dataapi.DataApiClient}), tracing, errors, retries and value mapping. It
 * depends on the JDK and AWS SDKs only, so no SDK type leaves it and no library of its users enters it.
 */
package dev.ec2inventory.dataapi;
