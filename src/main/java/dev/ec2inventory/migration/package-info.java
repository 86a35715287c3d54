/**
 * The schema-migration custom resource: {@code sam deploy} runs Flyway through the Data API, one auto-committed call
 * per statement, before the API functions' new code serves. docs/migrations.md gives the failure model.
 */
package dev.ec2inventory.migration;
