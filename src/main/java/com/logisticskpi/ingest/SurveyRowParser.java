package com.logisticskpi.ingest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.logisticskpi.config.SurveyProperties;

/**
 * surveys: one row per response; key response_id. q_overall and q_recommend are stored on the response, every
 * answered dimension item (the configured items of {@code kpi.survey.dimensions}) becomes a survey_answer row.
 */
final class SurveyRowParser implements RowParser {

    static final CsvColumn RESPONSE_ID = CsvColumn.required("response_id", 100);
    static final CsvColumn ORDER_ID = CsvColumn.optional("order_id", 100);
    static final CsvColumn CUSTOMER_ID = CsvColumn.optional("customer_id", 100);
    static final CsvColumn RESPONSE_TIME = CsvColumn.required("response_time", 0);
    static final CsvColumn Q_OVERALL = CsvColumn.optional("q_overall", 0);
    static final CsvColumn Q_RECOMMEND = CsvColumn.optional("q_recommend", 0);
    static final CsvColumn COMMENT = CsvColumn.optional("comment", 4000);
    /** survey_answer.item is VARCHAR(64). */
    private static final int MAX_ITEM_NAME = 64;

    private final FieldParser fields;
    private final int scaleMin;
    private final int scaleMax;
    private final List<String> items;
    private final List<CsvColumn> columns;

    SurveyRowParser(FieldParser fields, SurveyProperties survey) {
        this.fields = fields;
        this.scaleMin = survey.scaleMin();
        this.scaleMax = survey.scaleMax();
        this.items = survey.allItems();
        List<CsvColumn> cols = new ArrayList<>(List.of(RESPONSE_ID, ORDER_ID, CUSTOMER_ID, RESPONSE_TIME, Q_OVERALL,
                Q_RECOMMEND, COMMENT));
        for (String item : items) {
            if (item.length() > MAX_ITEM_NAME) {
                throw new IngestException("kpi.survey item name longer than " + MAX_ITEM_NAME + " characters: " + item);
            }
            cols.add(CsvColumn.optional(item, 0));
        }
        this.columns = List.copyOf(cols);
    }

    @Override
    public List<CsvColumn> columns() {
        return columns;
    }

    @Override
    public ParsedRow parse(Row row) throws RowRejectedException {
        String responseId = row.text(RESPONSE_ID);
        String orderId = row.text(ORDER_ID);
        String customerId = row.text(CUSTOMER_ID);
        Instant responseTime = fields.timestamp(RESPONSE_TIME.name(), row.required(RESPONSE_TIME.name()));
        Integer overall = score(row, Q_OVERALL.name(), scaleMin, scaleMax);
        Integer recommend = score(row, Q_RECOMMEND.name(), 0, 10);
        List<ParsedRow.SurveyAnswer> answers = new ArrayList<>();
        for (String item : items) {
            Integer s = score(row, item, scaleMin, scaleMax);
            if (s != null) {
                answers.add(new ParsedRow.SurveyAnswer(item, s));
            }
        }
        String comment = row.freeText(COMMENT);
        return new ParsedRow(new Object[] {responseId, orderId, customerId, responseTime, overall, recommend, comment},
                List.copyOf(answers));
    }

    private static Integer score(Row row, String column, int min, int max) throws RowRejectedException {
        String v = row.value(column);
        return v == null ? null : FieldParser.score(column, v, min, max);
    }
}
