package org.stockbridge.feed;

/**
 * How a CSV feed is laid out.
 *
 * @param separator field separator (mapping key {@code separator}, default {@code ;})
 * @param quote     quote character (mapping key {@code quote}, default {@code "})
 * @param header    whether the first line (after {@code skipLines}) names the columns
 * @param skipLines lines before the header or first row that are not part of the table (titles, export dates)
 */
public record CsvLayout(char separator, char quote, boolean header, int skipLines) {
}
