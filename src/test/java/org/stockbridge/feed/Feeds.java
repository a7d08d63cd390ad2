package org.stockbridge.feed;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Test helpers: build a mapping from YAML text, read a feed from bytes into a list. */
final class Feeds {

    static final String SOURCE = "mappings/test.yaml";

    private Feeds() {
    }

    static FeedMapping mapping(String yaml) {
        return MappingLoader.parse(yaml, SOURCE);
    }

    static List<FeedRow> read(FeedMapping mapping, byte[] content) {
        return read(mapping, content, "feed");
    }

    static List<FeedRow> read(FeedMapping mapping, byte[] content, String fileName) {
        List<FeedRow> rows = new ArrayList<>();
        try (FeedReader reader = FeedReader.open(new ByteArrayInputStream(content), fileName, mapping)) {
            reader.forEachRemaining(rows::add);
        }
        return rows;
    }

    static List<FeedRow> read(FeedMapping mapping, String content) {
        return read(mapping, content.getBytes(StandardCharsets.UTF_8));
    }

    static List<FeedRow> read(FeedMapping mapping, String content, Charset charset) {
        return read(mapping, content.getBytes(charset));
    }

    static ProductRow product(FeedRow row) {
        if (row instanceof ProductRow product) {
            return product;
        }
        throw new AssertionError("expected a product row, got " + row);
    }

    static RowError error(FeedRow row) {
        if (row instanceof RowError error) {
            return error;
        }
        throw new AssertionError("expected a row error, got " + row);
    }
}
