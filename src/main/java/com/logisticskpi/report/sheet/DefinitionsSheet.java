package com.logisticskpi.report.sheet;

import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;

import com.logisticskpi.kpi.KpiTarget;
import com.logisticskpi.kpi.catalog.Unit;
import com.logisticskpi.report.KpiCatalog;
import com.logisticskpi.report.template.TemplateNames;

/** Definitions: every KPI's id, name, unit, formula in plain words and target. */
public final class DefinitionsSheet {

    public void write(SheetContext ctx) {
        CellWriter cells = ctx.cells();
        KpiView kpis = ctx.kpis();
        var m = ctx.msg();
        Sheet s = ctx.template().sheet("definitions");
        cells.titleAndNote("definitions", m.get("definitions.title"), m.get("definitions.note"));
        CellReference t = ctx.template().cellRef(TemplateNames.DEFINITIONS_TABLE);
        int row = t.getRow();
        int col = t.getCol();
        int header = row;
        cells.header(s, row++, col, List.of(m.get("col.kpi_id"), m.get("col.kpi"), m.get("col.unit"), m.get("col.definition"),
                m.get("col.target")));
        for (String kpi : KpiCatalog.DEFINED) {
            cells.text(s, row, col, kpi, "text");
            cells.text(s, row, col + 1, m.get("kpi." + kpi + ".name"), "text");
            cells.text(s, row, col + 2, kpi.equals("control_chart") ? "" : m.get("unit." + KpiCatalog.unit(kpi).name().toLowerCase(Locale.ROOT)), "text");
            var d = cells.text(s, row, col + 3, m.get("kpi." + kpi + ".definition"), "text");
            d.setCellStyle(cells.wrapText());
            KpiTarget target = kpis.target(kpi);
            cells.text(s, row, col + 4, target == null ? "" : targetText(ctx, kpi, target), "text");
            int len = m.get("kpi." + kpi + ".definition").length();
            int perLine = ctx.msg().locale().getLanguage().equals("zh") ? 45 : 95;
            s.getRow(row).setHeightInPoints(Math.max(1, (len + perLine - 1) / perLine) * 13.5f + 3);
            row++;
        }
        s.createFreezePane(0, header + 1);
        s.setRepeatingRows(new CellRangeAddress(header, header, -1, -1));
    }

    static String targetText(SheetContext ctx, String kpi, KpiTarget t) {
        boolean share = KpiCatalog.unit(kpi) == Unit.SHARE;
        String v = share ? String.format(Locale.ROOT, "%.1f %%", t.target() * 100) : String.format(Locale.ROOT, "%.2f", t.target());
        String b = share ? ctx.msg().get("definitions.points", String.format(Locale.ROOT, "%.1f", t.band() * 100))
                : String.format(Locale.ROOT, "%.2f", t.band());
        return ctx.msg().get(t.higherIsBetter() ? "definitions.target_higher" : "definitions.target_lower", v, b);
    }
}
