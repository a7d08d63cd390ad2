package org.stockbridge.feed;

/**
 * Where a field's value is in a record: a CSV header name or 1-based column position, an XML child path
 * ({@code name}, {@code stock/quantity}, {@code @id}, {@code stock/@qty}) or a JSON Pointer ({@code /price/net}).
 *
 * @param path     the name or path as written in the mapping; {@code null} for a CSV column position
 * @param position the 1-based CSV column position; 0 when {@code path} is used
 */
public record FieldRef(String path, int position) {

    public static FieldRef column(int position) {
        return new FieldRef(null, position);
    }

    public static FieldRef path(String path) {
        return new FieldRef(path, 0);
    }

    public boolean isPosition() {
        return path == null;
    }

    @Override
    public String toString() {
        return isPosition() ? Integer.toString(position) : path;
    }
}
