package org.stockbridge.format.generic;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.stockbridge.format.ShopOperation;

/**
 * A generic shop mapping as loaded: JSON calls over HTTP ({@code stock}, {@code prices}, {@code headers},
 * {@code answer}) or one file layout (csv, xml). Exactly one of the two halves is set.
 *
 * @param stock   null when the mapping sends no stock (or is a file mapping)
 * @param prices  null when the mapping sends no prices (or is a file mapping)
 * @param headers header name → value template; {@code ${name}} stands for a connection setting
 * @param answer  null: an answer is all-or-nothing by HTTP status
 * @param file    null for a json mapping
 */
record GenericMapping(String source, Layout layout, JsonCall stock, JsonCall prices, Map<String, String> headers,
        AnswerRule answer, FileLayout file) {

    /** {@code ${apiKey}} in a header value; {@code ${base64:username:password}} is what {@code basicAuth} adds. */
    static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Za-z][A-Za-z0-9]*)}");
    static final Pattern BASIC_REFERENCE = Pattern.compile("\\$\\{base64:([A-Za-z][A-Za-z0-9]*):([A-Za-z][A-Za-z0-9]*)}");

    enum Layout {
        JSON, CSV, XML
    }

    GenericMapping {
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    boolean writesFiles() {
        return layout != Layout.JSON;
    }

    /** The call for an operation; null when the mapping does not send it. */
    JsonCall call(ShopOperation operation) {
        return operation == ShopOperation.STOCK ? stock : prices;
    }

    /** The connection settings the headers name. */
    Set<String> referencedSettings() {
        Set<String> names = new TreeSet<>();
        headers.values().forEach(value -> names.addAll(references(value)));
        return names;
    }

    static Set<String> references(String template) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = REFERENCE.matcher(template);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        Matcher basic = BASIC_REFERENCE.matcher(template);
        while (basic.find()) {
            names.add(basic.group(1));
            names.add(basic.group(2));
        }
        return names;
    }
}
