/**
 * The schema-migration custom resource ({@code InventorySchema} in template.yaml): {@code sam deploy} runs Flyway
 * {@code migrate} inside AWS through the Data API, one auto-committed call per statement, before the API functions'
 * new code serves. Every outcome is an answer to CloudFormation; a failure's reason names how far its migration got,
 * and the next run sends again what is harmless twice ({@link dev.ec2inventory.migration.MigrationRecovery}) and
 * resumes a failed migration of an unchanged script ({@link dev.ec2inventory.migration.FailedMigration}).
 * docs/migrations.md gives the failure model in full.
 */
package dev.ec2inventory.migration;
