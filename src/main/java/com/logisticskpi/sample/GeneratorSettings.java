package com.logisticskpi.sample;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * What to generate.
 *
 * @param out           the inbox directory the files are written to
 * @param startDate     the first business date
 * @param days          number of business dates (one file per kind and date)
 * @param ordersPerDay  orders placed per business date
 * @param seed          random seed: the same settings and seed give byte-identical files
 * @param zone          the business time zone local times are written in
 * @param charset       file encoding (UTF-8 by default; GBK or GB18030 to exercise those configurations)
 */
public record GeneratorSettings(Path out, LocalDate startDate, int days, int ordersPerDay, long seed, ZoneId zone,
                                Charset charset) {

    public GeneratorSettings {
        if (days < 1) {
            throw new IllegalArgumentException("--days must be at least 1");
        }
        if (ordersPerDay < 1) {
            throw new IllegalArgumentException("--orders-per-day must be at least 1");
        }
    }

    public LocalDate endDate() {
        return startDate.plusDays(days - 1L);
    }

    public boolean isUtf8() {
        return charset.name().equalsIgnoreCase("UTF-8");
    }
}
