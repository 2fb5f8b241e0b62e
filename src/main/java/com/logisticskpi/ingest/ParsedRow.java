package com.logisticskpi.ingest;

import java.util.List;

/**
 * A parsed, valid row, ready for the stored table.
 *
 * @param values  one value per {@link ExportKind#columns()} column, in that order (Instant for timestamps)
 * @param answers surveys only: the answered items as (item, score)
 */
record ParsedRow(Object[] values, List<SurveyAnswer> answers) {

    record SurveyAnswer(String item, int score) {
    }

    ParsedRow(Object... values) {
        this(values, List.of());
    }
}
