package com.logisticskpi.report;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The report's labels from {@code i18n/report_<locale>.properties} (UTF-8). English and Simplified Chinese ship;
 * any other locale falls back to English (never to the JVM's default locale, so a run is reproducible).
 */
public final class Messages {

    public static final String BUNDLE = "i18n.report";

    private final ResourceBundle bundle;
    private final Locale locale;

    public Messages(Locale locale) {
        Locale wanted = locale == null ? Locale.ENGLISH : locale;
        ResourceBundle.Control noFallback = ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
        ResourceBundle b;
        try {
            b = ResourceBundle.getBundle(BUNDLE, wanted, noFallback);
            if (b.getLocale().getLanguage().isEmpty()) {
                b = ResourceBundle.getBundle(BUNDLE, Locale.ENGLISH, noFallback);
            }
        } catch (MissingResourceException e) {
            b = ResourceBundle.getBundle(BUNDLE, Locale.ENGLISH, noFallback);
        }
        this.bundle = b;
        this.locale = b.getLocale();
    }

    /** The locale of the bundle actually used (en or zh_CN). */
    public Locale locale() {
        return locale;
    }

    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    /** The text of {@code key}, formatted with {@link MessageFormat} when arguments are given. */
    public String get(String key, Object... args) {
        String text = bundle.getString(key);
        if (args.length == 0) {
            return text;
        }
        return new MessageFormat(text, locale).format(args);
    }

    /** The display name of a KPI id; for ids like {@code dim_score.timeliness} the dimension is named too. */
    public String kpiName(String kpi) {
        if (has("kpi." + kpi + ".name")) {
            return get("kpi." + kpi + ".name");
        }
        int dot = kpi.indexOf('.');
        if (dot > 0 && has("kpi." + kpi.substring(0, dot) + ".name")) {
            String part = kpi.substring(dot + 1);
            String partName = has("dimension." + part) ? get("dimension." + part)
                    : has("reason." + part) ? get("reason." + part) : part;
            return get("kpi." + kpi.substring(0, dot) + ".name") + " – " + partName;
        }
        return kpi;
    }
}
