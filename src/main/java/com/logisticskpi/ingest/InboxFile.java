package com.logisticskpi.ingest;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One export file found in the inbox.
 *
 * @param kind         which export
 * @param path         where it is
 * @param fileName     its plain name
 * @param businessDate the first {@code yyyyMMdd} date in the name, or null when the name has none
 */
public record InboxFile(ExportKind kind, Path path, String fileName, LocalDate businessDate) {

    private static final Pattern DATE_IN_NAME = Pattern.compile("(?<!\\d)(\\d{8})(?!\\d)");
    private static final DateTimeFormatter BASIC = DateTimeFormatter.ofPattern("uuuuMMdd")
            .withResolverStyle(ResolverStyle.STRICT);

    static InboxFile of(ExportKind kind, Path path) {
        String name = path.getFileName().toString();
        return new InboxFile(kind, path, name, dateInName(name));
    }

    static LocalDate dateInName(String name) {
        Matcher m = DATE_IN_NAME.matcher(name);
        while (m.find()) {
            try {
                return LocalDate.parse(m.group(1), BASIC);
            } catch (DateTimeParseException e) {
                // not a date: look further
            }
        }
        return null;
    }

    /**
     * The file's place in snapshot order: business date, then name ({@code 20261112/orders_20261112.csv}). Stored
     * as src_order on every row it loads; a row only replaces a stored row whose src_order is not greater.
     */
    public String sourceOrder() {
        return (businessDate == null ? "00000000" : BASIC.format(businessDate)) + "/" + fileName;
    }

    /** True for a name without any directory part (safe to build the reject-file name from). */
    public static boolean isPlainFileName(String name) {
        return name != null && !name.isEmpty() && !name.equals(".") && !name.equals("..")
                && name.indexOf('/') < 0 && name.indexOf('\\') < 0 && name.indexOf('\0') < 0
                && name.indexOf(':') < 0;
    }
}
