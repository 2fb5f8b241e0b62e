package com.logisticskpi.testsupport;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import com.logisticskpi.cli.CommonOptions;

import picocli.CommandLine;

/**
 * Databases for tests. H2 lives in a temp data dir. MySQL/MariaDB comes from KPI_TEST_MYSQL_URL (default
 * jdbc:mysql://127.0.0.1:3306) with KPI_TEST_MYSQL_USER/PASSWORD (default kpi/kpi, created on first use through the
 * local root socket when missing: {@link TestServices}); every
 * call gets a fresh database so tests never see each other's rows. The MySQL tests fail (never skip) when the
 * server is unreachable: CI must run them.
 */
public final class TestDatabases {

    private static final AtomicInteger SEQ = new AtomicInteger();

    private TestDatabases() {
    }

    public static CommonOptions h2Options(Path dataDir) {
        return options("--data-dir", dataDir.toString());
    }

    public static CommonOptions mysqlOptions(Path dataDir) {
        String db = freshMysqlDatabase();
        return options("--data-dir", dataDir.toString(), "--profile", "mysql",
                "--config", writeMysqlConfig(dataDir, db).toString());
    }

    /** The common options of an H2 data dir, as command-line arguments. */
    public static java.util.List<String> h2Args(Path dataDir) {
        return java.util.List.of("--data-dir", dataDir.toString());
    }

    /** A fresh MariaDB database for a data dir, as command-line arguments (profile mysql plus a config file). */
    public static java.util.List<String> mysqlArgs(Path dataDir) {
        String db = freshMysqlDatabase();
        return java.util.List.of("--data-dir", dataDir.toString(), "--profile", "mysql",
                "--config", writeMysqlConfig(dataDir, db).toString());
    }

    /** {@link #h2Args} for "h2", {@link #mysqlArgs} for "mysql" (parameterized tests name the store). */
    public static java.util.List<String> args(String store, Path dataDir) {
        return switch (store) {
            case "h2" -> h2Args(dataDir);
            case "mysql" -> mysqlArgs(dataDir);
            default -> throw new IllegalArgumentException("unknown store " + store);
        };
    }


    /**
     * The server URL (no database). The first call makes sure the test user can connect: on a fresh machine it is
     * created through the local root socket ({@link TestServices}); when that is impossible every MySQL test fails with
     * one line naming the fix.
     */
    public static String mysqlServerUrl() {
        String url = rawServerUrl();
        TestServices.ensureMysql(url, mysqlUser(), mysqlPassword());
        return url;
    }

    private static String rawServerUrl() {
        String url = System.getenv("KPI_TEST_MYSQL_URL");
        return url != null && !url.isBlank() ? url : "jdbc:mysql://127.0.0.1:3306";
    }

    public static String mysqlUser() {
        String u = System.getenv("KPI_TEST_MYSQL_USER");
        return u != null && !u.isBlank() ? u : "kpi";
    }

    public static String mysqlPassword() {
        String p = System.getenv("KPI_TEST_MYSQL_PASSWORD");
        return p != null ? p : "kpi";
    }

    /** Creates an empty utf8mb4 database and returns its name. */
    public static String freshMysqlDatabase() {
        String name = "kpit_" + ProcessHandle.current().pid() + "_" + SEQ.incrementAndGet();
        String url = mysqlServerUrl();
        try (Connection c = DriverManager.getConnection(url + "/", mysqlUser(), mysqlPassword());
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name);
            s.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        } catch (SQLException e) {
            throw new IllegalStateException("MySQL/MariaDB test server unreachable at " + url
                    + " as " + mysqlUser() + " (run .ci/run, or start MariaDB): " + e.getMessage(), e);
        }
        return name;
    }

    private static Path writeMysqlConfig(Path dataDir, String db) {
        try {
            java.nio.file.Files.createDirectories(dataDir);
            Path f = dataDir.resolve("mysql-test.yml");
            java.nio.file.Files.writeString(f, """
                    spring:
                      datasource:
                        url: %s/%s
                        username: %s
                        password: "%s"
                    """.formatted(mysqlServerUrl(), db, mysqlUser(), mysqlPassword()));
            return f;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static CommonOptions options(java.util.List<String> args) {
        return options(args.toArray(String[]::new));
    }

    private static CommonOptions options(String... args) {
        CommonOptions o = new CommonOptions();
        new CommandLine(o).parseArgs(args);
        return o;
    }
}
