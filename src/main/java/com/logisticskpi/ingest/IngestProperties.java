package com.logisticskpi.ingest;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code kpi.ingest.*}: how the four exports are found and read. Every kind has its own file glob, delimiter,
 * encoding and header aliases; the reject limit applies per file (a kind may override it).
 *
 * @param rejectLimit highest share of a file's data rows that may be rejected before the whole file fails
 *                    (default 0.01 = 1 %)
 * @param orders      settings for orders_*.csv
 * @param shipments   settings for shipments_*.csv
 * @param returns     settings for returns_*.csv (also the reason-code aliases)
 * @param surveys     settings for surveys_*.csv (item columns and scale come from {@code kpi.survey.*})
 * @param tickets     settings for the optional tickets_*.csv (also the type and category aliases)
 */
@ConfigurationProperties("kpi.ingest")
public record IngestProperties(Double rejectLimit, KindSettings orders, KindSettings shipments,
                               KindSettings returns, KindSettings surveys, KindSettings tickets) {

    public IngestProperties {
        if (rejectLimit == null) {
            rejectLimit = 0.01;
        }
        if (rejectLimit < 0 || rejectLimit > 1) {
            throw new IllegalArgumentException("kpi.ingest.reject-limit must be between 0 and 1, was " + rejectLimit);
        }
        orders = orders == null ? KindSettings.empty() : orders;
        shipments = shipments == null ? KindSettings.empty() : shipments;
        returns = returns == null ? KindSettings.empty() : returns;
        surveys = surveys == null ? KindSettings.empty() : surveys;
        tickets = tickets == null ? KindSettings.empty() : tickets;
    }

    /** Defaults for every kind (what application.yml also says). */
    public static IngestProperties defaults() {
        return new IngestProperties(null, null, null, null, null, null);
    }

    public KindSettings settings(ExportKind kind) {
        return switch (kind) {
            case ORDERS -> orders;
            case SHIPMENTS -> shipments;
            case RETURNS -> returns;
            case SURVEYS -> surveys;
            case TICKETS -> tickets;
        };
    }

    public String glob(ExportKind kind) {
        String g = settings(kind).glob();
        return g == null || g.isBlank() ? kind.fileName() + "_*.csv" : g;
    }

    public double rejectLimit(ExportKind kind) {
        Double own = settings(kind).rejectLimit();
        return own != null ? own : rejectLimit;
    }

    /**
     * One kind's settings.
     *
     * @param glob              file-name glob in the inbox (default {@code <kind>_*.csv})
     * @param delimiter         {@code ,} (default), {@code ;}, {@code |}, or a tab written {@code \t} or {@code tab}
     * @param encoding          UTF-8 (default, with or without BOM), GBK, GB18030 ...
     * @param headerAliases     canonical column -> other header names that mean it (e.g. order_id: [订单号])
     * @param reasonCodeAliases returns only: canonical reason code -> other spellings (e.g. DAMAGED: [破损])
     * @param rejectLimit       optional override of the global reject limit for this kind
     * @param typeAliases       tickets only: canonical ticket type -> other spellings (e.g. COMPLAINT: [投诉])
     * @param categoryAliases   tickets only: canonical category -> other spellings (e.g. LATE: [延误, 物流慢])
     */
    public record KindSettings(String glob, String delimiter, String encoding,
                               Map<String, List<String>> headerAliases,
                               Map<String, List<String>> reasonCodeAliases, Double rejectLimit,
                               Map<String, List<String>> typeAliases, Map<String, List<String>> categoryAliases) {

        @org.springframework.boot.context.properties.bind.ConstructorBinding
        public KindSettings {
            headerAliases = headerAliases == null ? Map.of() : new LinkedHashMap<>(headerAliases);
            reasonCodeAliases = reasonCodeAliases == null ? Map.of() : new LinkedHashMap<>(reasonCodeAliases);
            typeAliases = typeAliases == null ? Map.of() : new LinkedHashMap<>(typeAliases);
            categoryAliases = categoryAliases == null ? Map.of() : new LinkedHashMap<>(categoryAliases);
            if (rejectLimit != null && (rejectLimit < 0 || rejectLimit > 1)) {
                throw new IllegalArgumentException("kpi.ingest.<kind>.reject-limit must be between 0 and 1, was " + rejectLimit);
            }
        }

        /** The settings of the four original kinds (no ticket type or category aliases). */
        public KindSettings(String glob, String delimiter, String encoding, Map<String, List<String>> headerAliases,
                            Map<String, List<String>> reasonCodeAliases, Double rejectLimit) {
            this(glob, delimiter, encoding, headerAliases, reasonCodeAliases, rejectLimit, null, null);
        }

        static KindSettings empty() {
            return new KindSettings(null, null, null, null, null, null, null, null);
        }

        public char delimiterChar() {
            if (delimiter == null || delimiter.isEmpty()) {
                return ',';
            }
            String d = delimiter.trim().toLowerCase(Locale.ROOT);
            if (delimiter.equals("\t") || d.equals("\\t") || d.equals("tab")) {
                return '\t';
            }
            return switch (d) {
                case ",", ";", "|" -> d.charAt(0);
                default -> throw new IllegalArgumentException(
                        "kpi.ingest delimiter must be ',', ';', '|' or tab, was '" + delimiter + "'");
            };
        }

        public Charset charset() {
            if (encoding == null || encoding.isBlank()) {
                return java.nio.charset.StandardCharsets.UTF_8;
            }
            try {
                return Charset.forName(encoding.trim());
            } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                throw new IllegalArgumentException("kpi.ingest encoding '" + encoding + "' is not supported", e);
            }
        }
    }
}
