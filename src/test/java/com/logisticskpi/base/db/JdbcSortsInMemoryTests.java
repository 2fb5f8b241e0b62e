package com.logisticskpi.base.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;

/** {@link Jdbc#sortsInMemory}: H2's MAX_MEMORY_ROWS raised for a block of reads, and put back afterwards. */
class JdbcSortsInMemoryTests {

    private static String listed(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'MAX_MEMORY_ROWS'")) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    @Test
    void raisesTheLimitForTheBlockAndRestoresH2sDefault() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:sorts1;MODE=MySQL", "sa", "")) {
            assertNull(listed(c), "nothing set on a new database");
            try (Jdbc.LazyReads sorts = Jdbc.sortsInMemory(c, 400_000)) {
                assertEquals("400000", listed(c));
            }
            int h2Default = Class.forName("org.h2.engine.SysProperties").getField("MAX_MEMORY_ROWS").getInt(null);
            assertEquals(String.valueOf(h2Default), listed(c));
        }
    }

    @Test
    void restoresALowerValueSetBeforeAndKeepsAHigherOne() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:sorts2;MODE=MySQL", "sa", "");
             Statement st = c.createStatement()) {
            st.execute("SET MAX_MEMORY_ROWS 1000");
            try (Jdbc.LazyReads sorts = Jdbc.sortsInMemory(c, 400_000)) {
                assertEquals("400000", listed(c));
            }
            assertEquals("1000", listed(c));
            st.execute("SET MAX_MEMORY_ROWS 900000");
            try (Jdbc.LazyReads sorts = Jdbc.sortsInMemory(c, 400_000)) {
                assertEquals("900000", listed(c));
            }
            assertEquals("900000", listed(c));
        }
    }
}
