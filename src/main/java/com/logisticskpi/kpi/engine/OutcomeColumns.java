package com.logisticskpi.kpi.engine;

import java.sql.ResultSet;
import java.sql.SQLException;

/** The positions of the order_outcome columns {@link OrderCohorts} counts, found by their labels once per result set. */
final class OutcomeColumns {

    final int dueDay;
    final int delDay;
    final int state;
    final int onTime;
    final int accurate;
    final int accurateLines;
    final int lines;
    final int damaged;
    final int documentsOk;
    final int perfect;
    final int split;
    final int withinTarget;

    OutcomeColumns(ResultSet rs) throws SQLException {
        dueDay = rs.findColumn("due_day");
        delDay = rs.findColumn("del_day");
        state = rs.findColumn("state");
        onTime = rs.findColumn("on_time");
        accurate = rs.findColumn("accurate");
        accurateLines = rs.findColumn("accurate_line_count");
        lines = rs.findColumn("line_count");
        damaged = rs.findColumn("damaged");
        documentsOk = rs.findColumn("documents_ok");
        perfect = rs.findColumn("perfect");
        split = rs.findColumn("is_split");
        withinTarget = rs.findColumn("within_target");
    }
}
