package com.logisticskpi.kpi.engine;

import java.sql.Connection;
import java.sql.SQLException;

/** What the engine's stages share about their connections: a rollback that never hides the failure, one message. */
final class EngineSql {

    private EngineSql() {
    }

    static IllegalStateException failure(KpiRequest request, SQLException e) {
        return new IllegalStateException("KPI run " + request.from() + ".." + request.to() + " failed: " + e.getMessage(), e);
    }

    static void safeRollback(Connection c) {
        try {
            if (!c.getAutoCommit()) {
                c.rollback();
                c.setAutoCommit(true);
            }
        } catch (SQLException ignored) {
            // the original failure is what matters
        }
    }
}
