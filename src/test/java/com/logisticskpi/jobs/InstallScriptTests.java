package com.logisticskpi.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The install steps of docs/operations.md ({@code jobs/install.sh}) run in a scratch root (issue 15, item 9; users and
 * systemctl aside): the layout, the secrets file's mode, the units with OnFailure=, a launcher that runs the installed
 * jar and never builds, and a second run that keeps the data, the env file and edited job files.
 */
class InstallScriptTests {

    @TempDir
    Path tmp;

    @Test
    void installsIntoAScratchRootAndTheLauncherNeverBuilds() throws Exception {
        Path jar = Files.writeString(tmp.resolve("fake.jar"), "jar bytes");
        Path root = tmp.resolve("root");

        Run first = run(List.of("bash", "jobs/install.sh", "--root", root.toString(), "--jar", jar.toString()), Map.of());
        assertThat(first.code).as(first.out).isZero();
        Path home = root.resolve("opt/logistics-kpi");
        assertThat(home.resolve("lib/logistics-kpi.jar")).hasContent("jar bytes");
        assertThat(home.resolve("kpi")).isExecutable();
        for (String f : List.of("jobs/nightly.yml", "jobs/weekly.yml", "jobs/monthly.yml", "jobs/crontab.example",
                "jobs/systemd/kpi-failure@.service", "docs/operations.md", "README.md")) {
            assertThat(home.resolve(f)).as(f).isRegularFile();
        }
        for (String d : List.of("data/logs", "data/locks", "data/rejects", "data/out", "data/archive", "inbox")) {
            assertThat(home.resolve(d)).as(d).isDirectory();
        }
        Path env = root.resolve("etc/logistics-kpi/env");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(env))).isEqualTo("rw-------");
        assertThat(Files.readString(env)).contains("# KPI_SMTP_PASSWORD=");
        Path units = root.resolve("etc/systemd/system");
        for (String u : List.of("kpi-nightly.service", "kpi-nightly.timer", "kpi-weekly.timer", "kpi-monthly.timer",
                "kpi-failure@.service")) {
            assertThat(units.resolve(u)).as(u).isRegularFile();
        }
        for (String u : List.of("kpi-nightly.service", "kpi-weekly.service", "kpi-monthly.service")) {
            assertThat(Files.readString(units.resolve(u))).contains("OnFailure=kpi-failure@%n.service",
                    "SuccessExitStatus=3");
        }
        assertThat(first.out).contains("created " + env + " (mode 600)");

        // the installed launcher runs lib/logistics-kpi.jar; no Maven, no target/ (KPI_JAVA=echo shows the command)
        Run launcher = run(List.of(home.resolve("kpi").toString(), "history"), Map.of("KPI_JAVA", "echo"));
        assertThat(launcher.code).isZero();
        assertThat(launcher.out.strip()).isEqualTo("-Xmx1g -jar " + home.resolve("lib/logistics-kpi.jar") + " history");
        assertThat(home.resolve("target")).doesNotExist();

        // a second run: data, env and an edited job file are kept
        Files.writeString(home.resolve("data/logs/kpi.log"), "history\n");
        Files.writeString(env, "KPI_SMTP_PASSWORD=secret\n");
        Files.writeString(home.resolve("jobs/nightly.yml"), "# mine\n", java.nio.file.StandardOpenOption.APPEND);
        Run second = run(List.of("bash", "jobs/install.sh", "--root", root.toString(), "--jar", jar.toString()), Map.of());
        assertThat(second.code).as(second.out).isZero();
        assertThat(home.resolve("data/logs/kpi.log")).hasContent("history");
        assertThat(env).hasContent("KPI_SMTP_PASSWORD=secret");
        assertThat(Files.readString(home.resolve("jobs/nightly.yml"))).endsWith("# mine\n");
        assertThat(home.resolve("jobs/nightly.yml.new")).hasSameTextualContentAs(Path.of("jobs/nightly.yml"));
        assertThat(second.out).contains("kept your jobs/nightly.yml", "kept " + env);

        Run noJar = run(List.of("bash", "jobs/install.sh", "--root", root.toString(), "--jar", tmp.resolve("nope").toString()),
                Map.of());
        assertThat(noJar.code).isEqualTo(1);
        assertThat(noJar.out.strip()).isEqualTo("install.sh: no jar at " + tmp.resolve("nope")
                + ": build it first with 'mvn -B -DskipTests package' (or pass --jar FILE)");
    }

    @Test
    void aSourceCheckoutLauncherWithBuildsOffNamesTheMissingJar() throws Exception {
        Path checkout = Files.createDirectories(tmp.resolve("checkout"));
        Files.copy(Path.of("kpi"), checkout.resolve("kpi"));
        Files.writeString(checkout.resolve("pom.xml"), "<project/>");
        Run r = run(List.of("bash", checkout.resolve("kpi").toString(), "history"), Map.of("KPI_NO_BUILD", "1"));
        assertThat(r.code).isEqualTo(1);
        assertThat(r.out.strip()).isEqualTo("kpi: no jar at " + checkout.resolve("target/logistics-kpi.jar")
                + " (build it with 'mvn -B -DskipTests package', or install with jobs/install.sh)");
    }

    private record Run(int code, String out) {
    }

    private static Run run(List<String> cmd, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), out);
    }
}
