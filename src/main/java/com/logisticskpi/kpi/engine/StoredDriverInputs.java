package com.logisticskpi.kpi.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import com.logisticskpi.base.db.Jdbc;
import com.logisticskpi.kpi.KpiValue;
import com.logisticskpi.kpi.Slice;
import com.logisticskpi.kpi.drivers.DriverKpis;

/**
 * The driver inputs (kpis.md section 8: the per-slice shares of the driver KPIs) of periods a nightly run does not
 * compute, read from the figures the store's last run stored for them. A period whose days hold no changed outcome,
 * return, survey response or ticket has the same figures as in the last run, so its stored shares are exactly what
 * computing it again would give, and the period after it can be compared with it without reading its orders. The
 * segment slice is never read: its figures used the last run's segments (the periods before the report periods,
 * whose segment drivers are written, are always computed).
 */
final class StoredDriverInputs {

    private static final String SELECT = "SELECT slice_name, slice_value, kpi, numerator, denominator, kpi_val"
            + " FROM kpi_value WHERE run_id = ? AND period_type = ? AND period_label = ? AND denominator IS NOT NULL"
            + " AND slice_name <> ? AND slice_name <> ?";

    private StoredDriverInputs() {
    }

    static List<KpiValue> read(Connection work, long lastRunId, List<StoreCopy.GroupKeyPeriod> periods)
            throws SQLException {
        List<KpiValue> out = new ArrayList<>();
        try (PreparedStatement ps = work.prepareStatement(SELECT)) {
            for (StoreCopy.GroupKeyPeriod p : periods) {
                ps.setLong(1, lastRunId);
                ps.setString(2, p.type().label());
                ps.setString(3, p.period());
                ps.setString(4, Slice.ALL.label());
                ps.setString(5, Slice.SEGMENT.label());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String kpi = rs.getString(3);
                        if (DriverKpis.isDriver(kpi)) {
                            out.add(new KpiValue(p.type(), p.period(), rs.getString(1), rs.getString(2), kpi,
                                    Jdbc.getDouble(rs, "numerator"), Jdbc.getLong(rs, "denominator"), rs.getDouble(6)));
                        }
                    }
                }
            }
        }
        return out;
    }
}
