/**
 * The Data API core the translator ({@code dataapi.jooq}) and the driver ({@code dataapi.jdbc}) share. It depends on
 * the JDK and AWS SDKs only, so that no SDK type leaves it and no library of its users enters it.
 */
package dev.ec2inventory.dataapi;
