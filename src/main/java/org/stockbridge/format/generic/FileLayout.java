package org.stockbridge.format.generic;

import java.nio.charset.Charset;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The file a csv or xml mapping writes per drain and operation.
 *
 * @param fileName     name template with {@code {operation}} (stock or prices) and {@code {timestamp}}
 * @param names        column header (csv) or element name (xml) of each item value, in file order
 * @param separator    csv field separator
 * @param header       csv: a first line with the column names
 * @param crlf         csv: lines end with CR LF (RFC 4180) rather than LF
 * @param decimalComma prices written {@code 12,50}
 * @param root         xml: the document element
 * @param item         xml: the element of one item
 */
record FileLayout(String fileName, Charset encoding, Map<ItemValue, String> names, char separator, boolean header,
        boolean crlf, boolean decimalComma, String root, String item) {

    FileLayout {
        names = Collections.unmodifiableMap(new LinkedHashMap<>(names));
    }
}
