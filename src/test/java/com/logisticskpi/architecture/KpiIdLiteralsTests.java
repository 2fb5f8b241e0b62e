package com.logisticskpi.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.logisticskpi.kpi.catalog.Kpi;
import com.logisticskpi.kpi.catalog.KpiId;

/**
 * Issue 12: the KPI catalogue ({@link Kpi}) is the only place that spells a KPI id. The main sources, read as text,
 * hold no string literal that is a catalogue id ({@code "on_time_rate"}, {@code "dim_score.accuracy"}) or a family's
 * prefix ({@code "dim_score."}) outside package {@code kpi.catalog}; the engine, the sheets, the charts, the mail and
 * the terminal summary name {@code Kpi.ON_TIME_RATE.id()} instead.
 */
class KpiIdLiteralsTests {

    private static final Path MAIN = Path.of("src/main/java");
    private static final Path CATALOGUE = MAIN.resolve("com/logisticskpi/kpi/catalog");

    /** A Java string literal on one line (escapes included); text blocks hold no ids. */
    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");

    @Test
    void noMainSourceOutsideTheCatalogueSpellsAKpiId() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            files.filter(f -> f.toString().endsWith(".java")).filter(f -> !f.startsWith(CATALOGUE))
                    .sorted().forEach(f -> found.addAll(idLiterals(MAIN.relativize(f).toString(), read(f))));
        }
        assertThat(found).as("KPI ids spelled outside kpi.catalog (use Kpi.X.id())").isEmpty();
    }

    @Test
    void theScanFindsIdsFamiliesAndPrefixesButNotOtherText() {
        String source = """
                class X {
                    String a = "on_time_rate";
                    String b = "kpi.on_time_rate.name" + "cycle_" + "control_chart";
                    String c = f("dim_score.accuracy", "return_reason_share.");
                    String d = "he said \\"nps\\"";
                }
                """;
        assertThat(idLiterals("X.java", source))
                .containsExactly("X.java:2 \"on_time_rate\"", "X.java:4 \"dim_score.accuracy\"",
                        "X.java:4 \"return_reason_share.\"");
    }

    /** The literals of {@code source} that are a catalogue id or a family's prefix, as {@code file:line "literal"}. */
    static List<String> idLiterals(String file, String source) {
        List<String> out = new ArrayList<>();
        String[] lines = source.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = LITERAL.matcher(lines[i]);
            while (m.find()) {
                if (isKpiId(m.group(1))) {
                    out.add(file + ":" + (i + 1) + " \"" + m.group(1) + "\"");
                }
            }
        }
        return out;
    }

    private static boolean isKpiId(String text) {
        if (KpiId.parse(text).isPresent() || Kpi.byId(text).isPresent()) {
            return true;
        }
        return text.endsWith(".") && Kpi.byId(text.substring(0, text.length() - 1)).filter(Kpi::isFamily).isPresent();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
