-- The EC2 inventory: instances, the packages known to any instance, and which instance has which package.
-- Indexes are separate CREATE INDEX statements so that jOOQ's DDL parser (code generation) reads them.
-- Primary keys are named for jOOQ's generated Keys class; MySQL itself always calls them PRIMARY
-- (and says so with warning 1280 while migrating).

CREATE TABLE ec2 (
    aws_instance_id   VARCHAR(255) NOT NULL,
    aws_region        VARCHAR(30)  NOT NULL,
    aws_account       VARCHAR(13)  NOT NULL,
    creation_date_utc DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT pk_ec2 PRIMARY KEY (aws_instance_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE INDEX ix_ec2_aws_region ON ec2 (aws_region);
CREATE INDEX ix_ec2_aws_account ON ec2 (aws_account);
CREATE INDEX ix_ec2_creation_date_utc ON ec2 (creation_date_utc);

CREATE TABLE package (
    package_name    VARCHAR(100) NOT NULL,
    package_version VARCHAR(50)  NOT NULL,
    CONSTRAINT pk_package PRIMARY KEY (package_name, package_version)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE ec2_package (
    aws_instance_id VARCHAR(255) NOT NULL,
    package_name    VARCHAR(100) NOT NULL,
    package_version VARCHAR(50)  NOT NULL,
    CONSTRAINT pk_ec2_package PRIMARY KEY (aws_instance_id, package_name, package_version),
    CONSTRAINT fk_ec2_package_ec2 FOREIGN KEY (aws_instance_id)
        REFERENCES ec2 (aws_instance_id) ON DELETE CASCADE,
    CONSTRAINT fk_ec2_package_package FOREIGN KEY (package_name, package_version)
        REFERENCES package (package_name, package_version)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE INDEX ix_ec2_package_package ON ec2_package (package_name, package_version);
