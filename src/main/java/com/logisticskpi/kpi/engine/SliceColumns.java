package com.logisticskpi.kpi.engine;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.Map;

import com.logisticskpi.kpi.Slice;

/**
 * The slice values of a result-set row, read by the slice columns' labels ({@link Slice#column()}), resolved once per
 * result set.
 */
final class SliceColumns {

    private final Map<Slice, Integer> column = new EnumMap<>(Slice.class);

    SliceColumns(ResultSet rs) throws SQLException {
        for (Slice s : Slice.values()) {
            if (s != Slice.ALL) {
                column.put(s, rs.findColumn(s.column()));
            }
        }
    }

    /** The row's value of every slice, in slice order ({@code all} for {@link Slice#ALL}). */
    Map<Slice, String> read(ResultSet rs) throws SQLException {
        Map<Slice, String> values = new EnumMap<>(Slice.class);
        values.put(Slice.ALL, Slice.ALL.label());
        for (Map.Entry<Slice, Integer> c : column.entrySet()) {
            values.put(c.getKey(), rs.getString(c.getValue()));
        }
        return values;
    }
}
