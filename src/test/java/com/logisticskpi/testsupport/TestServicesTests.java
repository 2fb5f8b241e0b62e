package com.logisticskpi.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;

/**
 * The test set-up of a fresh machine (issue 15, item 1): a MariaDB test user that does not exist yet is created through
 * the local root socket, and a service that cannot be reached is named in one line with the command that fixes it.
 */
class TestServicesTests {

    @Test
    void aMissingTestUserIsCreatedThroughTheLocalRootSocket() throws Exception {
        String url = "jdbc:mysql://127.0.0.1:3306";
        String user = "kpi_fresh_" + ProcessHandle.current().pid();
        String password = "pw'" + System.nanoTime();                 // a quote: the SQL is escaped
        assertThat(connects(url, user, password)).as("user %s must not exist yet", user).isFalse();
        try {
            assertThat(TestServices.prepareMysql(url, user, password)).isNull();
            assertThat(connects(url, user, password)).isTrue();
            assertThat(TestServices.prepareMysql(url, user, password)).as("second time: nothing to do").isNull();
        } finally {
            try (Connection c = DriverManager.getConnection(url + "/", user, password); Statement s = c.createStatement()) {
                s.execute("DROP USER '" + user + "'@'%'");
                s.execute("DROP USER '" + user + "'@'localhost'");
            }
        }
        assertThat(connects(url, user, password)).isFalse();
    }

    @Test
    void anUnreachableServerIsOneLineNamingTheFix() {
        String problem = TestServices.prepareMysql("jdbc:mysql://127.0.0.1:1", "kpi", "kpi");
        assertThat(problem).startsWith("MariaDB/MySQL test server not reachable at 127.0.0.1:1 as kpi")
                .contains("sudo systemctl start mariadb", ".ci/run").doesNotContain("\n");
        String rabbit = TestServices.prepareRabbit("192.0.2.1", 5672);   // TEST-NET: never answers, not local
        assertThat(rabbit).isEqualTo("RabbitMQ not answering at 192.0.2.1:5672: start the broker there (or unset "
                + "KPI_RABBIT_HOST)");
    }

    @Test
    void theCreateStatementsMatchCiRun() {
        assertThat(TestServices.createUserSql("kpi", "kpi")).isEqualTo("""
                CREATE USER IF NOT EXISTS 'kpi'@'%' IDENTIFIED BY 'kpi';
                CREATE USER IF NOT EXISTS 'kpi'@'localhost' IDENTIFIED BY 'kpi';
                GRANT ALL ON *.* TO 'kpi'@'%' WITH GRANT OPTION;
                GRANT ALL ON *.* TO 'kpi'@'localhost' WITH GRANT OPTION;
                FLUSH PRIVILEGES;
                """);
        assertThat(TestServices.createUserSql("a'b", "c\\d")).contains("'a''b'@'%' IDENTIFIED BY 'c\\\\d'");
        assertThat(TestServices.hostPort("jdbc:mysql://db.example:3307")).isEqualTo("db.example:3307");
    }

    private static boolean connects(String url, String user, String password) {
        try (Connection c = DriverManager.getConnection(url + "/", user, password)) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }
}
