-- Exact identity: instance ids, package names and versions compare byte for byte, as Java compares them.
-- Every text column becomes utf8mb4 with the binary collation utf8mb4_bin (on MySQL 8.0 / Aurora MySQL 3 and on
-- MariaDB 10.11). The default collations before (utf8mb4_0900_ai_ci, utf8mb4_general_ci) equate case and accent
-- variants, so "PyYAML" and "pyyaml" were one key and INSERT IGNORE dropped the second spelling silently.
--
-- utf8mb4_bin is PAD SPACE on both engines ('a' = 'a '): the API refuses any value that begins or ends with
-- whitespace, so padding never decides anything for new rows.
--
-- Rows that exist already cannot collide under the new rule: the old collations are looser (they equate everything
-- utf8mb4_bin equates, and more), so keys that were distinct stay distinct. The one exception is trailing spaces on
-- MySQL 8.0, whose utf8mb4_0900_ai_ci is NO PAD: there 'a' and 'a ' may both be stored (the API accepted trailing
-- spaces until this version), and the conversion then stops with a duplicate-key error (1062) naming the value.
-- MySQL cannot roll DDL back: the statements before it stay applied, so after merging such a pair by hand, finish
-- the remaining statements by hand and mark the migration with flyway repair. Before migrating a MySQL 8.0 database
-- that may hold such rows, this finds them (no rows: nothing can collide):
--   SELECT aws_instance_id FROM ec2 WHERE aws_instance_id LIKE '% ';
--   SELECT package_name, package_version FROM package WHERE package_name LIKE '% ' OR package_version LIKE '% ';
--
-- MySQL refuses to change the collation of a column a foreign key uses, so both foreign keys are dropped first and
-- added back, with their names, at the end.

ALTER TABLE ec2_package DROP FOREIGN KEY fk_ec2_package_ec2;
ALTER TABLE ec2_package DROP FOREIGN KEY fk_ec2_package_package;

ALTER TABLE ec2 MODIFY aws_instance_id VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL;
ALTER TABLE ec2 MODIFY aws_region VARCHAR(30) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL;
ALTER TABLE ec2 MODIFY aws_account VARCHAR(13) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL;
ALTER TABLE package MODIFY package_name VARCHAR(100) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL;
ALTER TABLE package MODIFY package_version VARCHAR(50) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL;
ALTER TABLE ec2_package MODIFY aws_instance_id VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL;
ALTER TABLE ec2_package MODIFY package_name VARCHAR(100) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL;
ALTER TABLE ec2_package MODIFY package_version VARCHAR(50) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL;

-- Under the old collation an instance could link "pyyaml" to the stored package "PyYAML". Binary comparison tells
-- them apart, so each such spelling becomes a package of its own before the foreign key checks it again.
INSERT INTO package (package_name, package_version)
SELECT DISTINCT linked.package_name, linked.package_version FROM ec2_package linked
WHERE NOT EXISTS (SELECT 1 FROM package known
                  WHERE known.package_name = linked.package_name AND known.package_version = linked.package_version);

ALTER TABLE ec2_package ADD CONSTRAINT fk_ec2_package_ec2 FOREIGN KEY (aws_instance_id)
    REFERENCES ec2 (aws_instance_id) ON DELETE CASCADE;
ALTER TABLE ec2_package ADD CONSTRAINT fk_ec2_package_package FOREIGN KEY (package_name, package_version)
    REFERENCES package (package_name, package_version);
