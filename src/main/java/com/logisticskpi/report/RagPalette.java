package com.logisticskpi.report;

import java.awt.Color;
import java.util.Locale;

import com.logisticskpi.kpi.Rag;

/**
 * The report's one mapping of a red / amber / green status to colours and cell styles. A chart draws a status in
 * its strong colour (points, bars, quadrant labels); a cell shows it with the template's {@code rag_*} style, built
 * from Excel's own "good / neutral / bad" font and fill (readable when printed in grey too, as the text differs as
 * well). Both come from here, so a status has the same hue on a chart and in the table beside it.
 */
public enum RagPalette {

    GREEN(Rag.GREEN, new Color(0x2E, 0x7D, 0x32), "006100", "C6EFCE"),
    AMBER(Rag.AMBER, new Color(0xE6, 0x9A, 0x00), "9C5700", "FFEB9C"),
    RED(Rag.RED, new Color(0xC0, 0x1C, 0x28), "9C0006", "FFC7CE");

    /** The template style of a value without a status (no target, no value). */
    public static final String NO_STATUS_STYLE = "rag_none";

    private final Rag rag;
    private final Color chart;
    private final String cellFont;
    private final String cellFill;

    RagPalette(Rag rag, Color chart, String cellFont, String cellFill) {
        this.rag = rag;
        this.chart = chart;
        this.cellFont = cellFont;
        this.cellFill = cellFill;
    }

    public static RagPalette of(Rag rag) {
        return valueOf(rag.name());
    }

    /** The status colour on a chart, or {@code none} for a value without a status. */
    public static Color chartColour(Rag rag, Color none) {
        return rag == null ? none : of(rag).chart;
    }

    /** The template's cell style of a status: {@code rag_green}, {@code rag_amber}, {@code rag_red}, else {@code rag_none}. */
    public static String styleKey(Rag rag) {
        return rag == null ? NO_STATUS_STYLE : of(rag).styleKey();
    }

    public Rag rag() {
        return rag;
    }

    /** The strong colour charts draw the status in. */
    public Color chart() {
        return chart;
    }

    /** The font colour of the status cell style, RRGGBB. */
    public String cellFont() {
        return cellFont;
    }

    /** The fill of the status cell style, RRGGBB. */
    public String cellFill() {
        return cellFill;
    }

    public String styleKey() {
        return "rag_" + name().toLowerCase(Locale.ROOT);
    }
}
