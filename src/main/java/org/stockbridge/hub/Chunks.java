package org.stockbridge.hub;

import java.util.ArrayList;
import java.util.List;

/** Cuts a list into consecutive views of at most {@code size} elements. */
final class Chunks {

    private Chunks() {
    }

    static <T> List<List<T>> of(List<T> list, int size) {
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < list.size(); from += size) {
            chunks.add(list.subList(from, Math.min(list.size(), from + size)));
        }
        return chunks;
    }
}
