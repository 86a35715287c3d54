package dev.ec2inventory.dataapi.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ServerVersionTest {

    @Test
    void auroraMySqlIsMySql() {
        ServerVersion version = ServerVersion.of("8.0.39");

        assertThat(version).isEqualTo(new ServerVersion("MySQL", "8.0.39", 8, 0));
    }

    @Test
    void mariaDbSaysSoInItsVersion() {
        ServerVersion version = ServerVersion.of("10.11.19-MariaDB-0+deb12u1");

        assertThat(version.productName()).isEqualTo("MariaDB");
        assertThat(version.major()).isEqualTo(10);
        assertThat(version.minor()).isEqualTo(11);
        assertThat(version.version()).isEqualTo("10.11.19-MariaDB-0+deb12u1");
    }

    @Test
    void refusesTextWithoutAVersionNumber() {
        assertThatThrownBy(() -> ServerVersion.of("unknown")).hasMessageContaining("'unknown'");
    }
}
