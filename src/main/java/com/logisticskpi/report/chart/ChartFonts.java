package com.logisticskpi.report.chart;

import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Picks the chart font by family from a fallback list, preferring fonts with Simplified Chinese glyphs so that
 * region and category names render as characters, not boxes. On Debian the first choice comes from the package
 * {@code fonts-wqy-zenhei} (WenQuanYi Zen Hei); {@code fonts-noto-cjk} (Noto Sans CJK SC) works as well.
 */
public final class ChartFonts {

    /** Families tried in order; the first installed one that can display {@link #PROBE} wins. */
    public static final List<String> FAMILIES = List.of(
            "WenQuanYi Zen Hei", "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Source Han Sans CN",
            "WenQuanYi Micro Hei", "Microsoft YaHei", "SimHei", "PingFang SC", "Droid Sans Fallback");

    /** Chinese text every chosen family must be able to draw (区域 华东 准时率). */
    public static final String PROBE = "\u533a\u57df \u534e\u4e1c \u51c6\u65f6\u7387";

    private static volatile String family;

    private ChartFonts() {
    }

    /** The family used for every chart: the first CJK-capable family installed, else the logical font SansSerif. */
    public static String family() {
        String f = family;
        if (f == null) {
            f = choose();
            family = f;
        }
        return f;
    }

    /** True when the chosen font can draw Chinese text. */
    public static boolean canDrawChinese() {
        return new Font(family(), Font.PLAIN, 12).canDisplayUpTo(PROBE) == -1;
    }

    public static Font font(int style, float size) {
        return new Font(family(), style, Math.round(size));
    }

    private static String choose() {
        System.setProperty("java.awt.headless", System.getProperty("java.awt.headless", "true"));
        Set<String> installed = Arrays.stream(GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames())
                .collect(Collectors.toSet());
        for (String f : FAMILIES) {
            if (installed.contains(f) && new Font(f, Font.PLAIN, 12).canDisplayUpTo(PROBE) == -1) {
                return f;
            }
        }
        return Font.SANS_SERIF;
    }
}
