package com.logisticskpi.testsupport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Prepares the services the tests need, so that {@code mvn -B test} passes on a fresh machine where MariaDB and
 * RabbitMQ run with their defaults and nobody created anything by hand (the README's test command, also what
 * {@code .ci/run} runs):
 * <ul>
 * <li>MariaDB/MySQL: when connecting as the test user ({@code KPI_TEST_MYSQL_USER}, default {@code kpi}) is refused
 * with "Access denied", the user is created through the local root socket ({@code mariadb -uroot}, else
 * {@code mysql -uroot}) with the same statements as {@code .ci/run};</li>
 * <li>RabbitMQ: when nothing answers on the AMQP port and {@code rabbitmq-server} is installed, it is started with
 * {@code rabbitmq-server -detached} and awaited (up to 120 s).</li>
 * </ul>
 * When that is not possible, the failure is one line naming the service and the command that fixes it. Each check runs
 * once per test JVM; its failure is remembered and repeated (same line) by every later test.
 */
public final class TestServices {

    private static volatile String mysqlProblem;
    private static volatile boolean mysqlChecked;
    private static volatile String rabbitProblem;
    private static volatile boolean rabbitChecked;

    private TestServices() {
    }

    /** Makes sure the test user can connect to the MySQL/MariaDB test server; throws with one line otherwise. */
    public static synchronized void ensureMysql(String serverUrl, String user, String password) {
        if (!mysqlChecked) {
            mysqlProblem = prepareMysql(serverUrl, user, password);
            mysqlChecked = true;
        }
        if (mysqlProblem != null) {
            throw new IllegalStateException(mysqlProblem);
        }
    }

    /** Makes sure a RabbitMQ broker answers on host:port; throws with one line otherwise. */
    public static synchronized void ensureRabbit(String host, int port) {
        if (!rabbitChecked) {
            rabbitProblem = prepareRabbit(host, port);
            rabbitChecked = true;
        }
        if (rabbitProblem != null) {
            throw new IllegalStateException(rabbitProblem);
        }
    }

    static String prepareMysql(String serverUrl, String user, String password) {
        SQLException first = tryConnect(serverUrl, user, password);
        if (first == null) {
            return null;
        }
        String where = hostPort(serverUrl);
        if (!isAccessDenied(first)) {
            return "MariaDB/MySQL test server not reachable at " + where + " as " + user + " (" + oneLine(first.getMessage())
                    + "): start it (sudo systemctl start mariadb) or run sudo .ci/run, which installs and starts it";
        }
        if (!isLocal(where)) {
            return "MariaDB/MySQL at " + where + " refuses the test user " + user + ": create it there (see .ci/run, "
                    + "create_test_user) or set KPI_TEST_MYSQL_USER / KPI_TEST_MYSQL_PASSWORD";
        }
        String created = createUserThroughRootSocket(user, password);
        if (created != null) {
            return "MariaDB/MySQL at " + where + " refuses the test user " + user + " and it could not be created through "
                    + "the local root socket (" + created + "): run sudo .ci/run, or create it with: mariadb -uroot -e \""
                    + createUserSql(user, password).replace('\n', ' ') + "\"";
        }
        SQLException again = tryConnect(serverUrl, user, password);
        if (again != null) {
            return "MariaDB/MySQL at " + where + " still refuses the test user " + user + " after creating it ("
                    + oneLine(again.getMessage()) + "): run sudo .ci/run";
        }
        System.err.println("[test setup] created the MariaDB test user " + user + " through the local root socket");
        return null;
    }

    static String createUserSql(String user, String password) {
        String u = sqlString(user);
        String p = sqlString(password);
        return """
                CREATE USER IF NOT EXISTS %1$s@'%%' IDENTIFIED BY %2$s;
                CREATE USER IF NOT EXISTS %1$s@'localhost' IDENTIFIED BY %2$s;
                GRANT ALL ON *.* TO %1$s@'%%' WITH GRANT OPTION;
                GRANT ALL ON *.* TO %1$s@'localhost' WITH GRANT OPTION;
                FLUSH PRIVILEGES;
                """.formatted(u, p);
    }

    private static String sqlString(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "''") + "'";
    }

    /** Null when done, else why not. */
    private static String createUserThroughRootSocket(String user, String password) {
        List<String> tried = new ArrayList<>();
        for (String client : List.of("mariadb", "mysql")) {
            try {
                Process p = new ProcessBuilder(client, "-uroot").redirectErrorStream(true).start();
                p.getOutputStream().write(createUserSql(user, password).getBytes(StandardCharsets.UTF_8));
                p.getOutputStream().close();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!p.waitFor(60, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    tried.add(client + " -uroot: no answer within 60 s");
                } else if (p.exitValue() == 0) {
                    return null;
                } else {
                    tried.add(client + " -uroot: exit " + p.exitValue() + ": " + oneLine(out));
                }
            } catch (IOException e) {
                tried.add(client + ": not installed");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "interrupted";
            }
        }
        return String.join("; ", tried);
    }

    private static SQLException tryConnect(String serverUrl, String user, String password) {
        try (Connection c = DriverManager.getConnection(serverUrl + "/", user, password)) {
            c.isValid(5);
            return null;
        } catch (SQLException e) {
            return e;
        }
    }

    static boolean isAccessDenied(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && (s.getErrorCode() == 1045 || "28000".equals(s.getSQLState()))) {
                return true;
            }
            if (t.getMessage() != null && t.getMessage().contains("Access denied")) {
                return true;
            }
        }
        return false;
    }

    static String hostPort(String serverUrl) {
        try {
            URI u = URI.create(serverUrl.replaceFirst("^jdbc:", ""));
            return (u.getHost() == null ? "localhost" : u.getHost()) + ":" + (u.getPort() < 0 ? 3306 : u.getPort());
        } catch (IllegalArgumentException e) {
            return serverUrl;
        }
    }

    private static boolean isLocal(String hostPort) {
        String host = hostPort.substring(0, hostPort.lastIndexOf(':'));
        return host.equals("127.0.0.1") || host.equals("localhost") || host.equals("::1");
    }

    static String prepareRabbit(String host, int port) {
        if (answers(host, port)) {
            return null;
        }
        boolean local = host.equals("127.0.0.1") || host.equals("localhost");
        if (!local) {
            return "RabbitMQ not answering at " + host + ":" + port + ": start the broker there (or unset KPI_RABBIT_HOST)";
        }
        try {
            Process p = new ProcessBuilder("rabbitmq-server", "-detached").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            p.waitFor(60, TimeUnit.SECONDS);
        } catch (IOException e) {
            return "RabbitMQ not answering at " + host + ":" + port + " and not installed (RemotePartitioningTests needs "
                    + "it): sudo apt-get install rabbitmq-server, or run sudo .ci/run";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while starting RabbitMQ";
        }
        System.err.println("[test setup] RabbitMQ was down: started it with rabbitmq-server -detached");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (answers(host, port)) {
                return null;
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "interrupted while waiting for RabbitMQ";
            }
        }
        return "RabbitMQ started with rabbitmq-server -detached but " + host + ":" + port + " did not answer within 120 s: "
                + "see /var/log/rabbitmq/, or run sudo .ci/run";
    }

    private static boolean answers(String host, int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), 3000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").trim();
    }
}
