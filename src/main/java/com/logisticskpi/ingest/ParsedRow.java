package com.logisticskpi.ingest;

import java.util.List;

/**
 * A parsed, valid row, ready for the stored table (the name is from the former staging design).
 *
 * @param values  one value per {@link ExportKind#columns()} column, in that order (Instant for timestamps)
 * @param answers surveys only: the answered items as (item, score)
 */
record StagedRow(Object[] values, List<SurveyAnswer> answers) {

    record SurveyAnswer(String item, int score) {
    }

    StagedRow(Object... values) {
        this(values, List.of());
    }
}
