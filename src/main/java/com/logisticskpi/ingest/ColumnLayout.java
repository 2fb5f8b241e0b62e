package com.logisticskpi.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where each canonical column sits in one file's header. Header names match case-insensitively after trimming
 * (and after removing a byte-order mark); a canonical column also matches its configured aliases. Column order
 * is free; header names that match nothing are extra columns (ignored, reported once per file).
 */
final class ColumnLayout {

    private final Map<String, Integer> indexByColumn;
    private final List<String> extraColumns;
    private final int headerSize;

    private ColumnLayout(Map<String, Integer> indexByColumn, List<String> extraColumns, int headerSize) {
        this.indexByColumn = indexByColumn;
        this.extraColumns = extraColumns;
        this.headerSize = headerSize;
    }

    /**
     * @param header  the file's header fields
     * @param columns the kind's canonical columns
     * @param aliases configured aliases: canonical column -> other names (keys compared loosely, since Spring may
     *                drop the underscore of a map key)
     * @throws IngestException (message without the file name) for a missing required column, a column given
     *                         twice, or an alias for an unknown column
     */
    static ColumnLayout of(List<String> header, List<CsvColumn> columns, Map<String, List<String>> aliases) {
        Map<String, String> canonicalByName = new HashMap<>();
        Map<String, CsvColumn> byLooseKey = new HashMap<>();
        for (CsvColumn c : columns) {
            canonicalByName.put(normalize(c.name()), c.name());
            byLooseKey.put(looseKey(c.name()), c);
        }
        for (Map.Entry<String, List<String>> e : aliases.entrySet()) {
            CsvColumn target = byLooseKey.get(looseKey(e.getKey()));
            if (target == null) {
                throw new IngestException("header alias configured for unknown column '" + e.getKey() + "'");
            }
            for (String alias : e.getValue() == null ? List.<String>of() : e.getValue()) {
                canonicalByName.put(normalize(alias), target.name());
            }
        }
        Map<String, Integer> index = new LinkedHashMap<>();
        List<String> extras = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String raw = header.get(i);
            String canonical = canonicalByName.get(normalize(raw));
            if (canonical == null) {
                extras.add(raw == null ? "" : raw.trim());
                continue;
            }
            Integer previous = index.putIfAbsent(canonical, i);
            if (previous != null) {
                throw new IngestException("column " + canonical + " appears twice in the header ('"
                        + header.get(previous).trim() + "' and '" + raw.trim() + "')");
            }
        }
        List<String> missing = columns.stream().filter(CsvColumn::required)
                .map(CsvColumn::name).filter(n -> !index.containsKey(n)).toList();
        if (!missing.isEmpty()) {
            throw new IngestException("missing required column" + (missing.size() > 1 ? "s " : " ")
                    + String.join(", ", missing));
        }
        return new ColumnLayout(index, List.copyOf(extras), header.size());
    }

    static String normalize(String headerName) {
        if (headerName == null) {
            return "";
        }
        return headerName.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT);
    }

    private static String looseKey(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
    }

    /** Index of the column in the record, or -1 when the file does not have it. */
    int indexOf(String column) {
        Integer i = indexByColumn.get(column);
        return i == null ? -1 : i;
    }

    List<String> extraColumns() {
        return extraColumns;
    }

    int headerSize() {
        return headerSize;
    }
}
