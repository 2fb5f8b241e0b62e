package com.logisticskpi.ingest;

import java.util.List;

/** Turns one record of a kind into a parsed row ({@link ParsedRow}), or rejects it. */
interface RowParser {

    /** The kind's canonical columns (the header is matched against them). */
    List<CsvColumn> columns();

    ParsedRow parse(Row row) throws RowRejectedException;
}
