package com.logisticskpi.ingest;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A closed list of codes (ticket types, ticket categories) and the configured other spellings of each: looks a
 * field value up case-insensitively and answers the canonical code, or null for a value that is neither.
 */
final class CodeAliases {

    private final List<String> codes;
    private final Map<String, String> codeBySpelling = new HashMap<>();

    /**
     * @param setting the configuration key, named in the message of a bad alias key
     * @param codes   the canonical codes
     * @param aliases canonical code (Spring may have dropped its underscores) -> other spellings
     */
    CodeAliases(String setting, List<String> codes, Map<String, List<String>> aliases) {
        this.codes = codes;
        for (String code : codes) {
            codeBySpelling.put(code, code);
        }
        for (Map.Entry<String, List<String>> e : aliases.entrySet()) {
            String code = canonical(setting, e.getKey());
            for (String alias : e.getValue() == null ? List.<String>of() : e.getValue()) {
                codeBySpelling.put(alias.strip().toUpperCase(Locale.ROOT), code);
            }
        }
    }

    private String canonical(String setting, String key) {
        String loose = key.toUpperCase(Locale.ROOT).replaceAll("[^A-Z]", "");
        return codes.stream().filter(c -> c.replace("_", "").equals(loose)).findFirst()
                .orElseThrow(() -> new IngestException(setting + ": unknown code '" + key + "' (known: "
                        + String.join(", ", codes) + ")"));
    }

    /** The canonical code of a (trimmed) field value, or null when it is not a known spelling. */
    String codeOf(String value) {
        return codeBySpelling.get(value.toUpperCase(Locale.ROOT));
    }
}
