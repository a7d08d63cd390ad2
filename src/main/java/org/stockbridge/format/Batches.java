package org.stockbridge.format;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Cutting pushes into requests: consecutive batches of at most the format's batch size, grouped where an API needs it. */
public final class Batches {

    private Batches() {
    }

    /** Consecutive runs of at most {@code size} elements, in order: 250 by 100 → 100, 100, 50. */
    public static <T> List<List<T>> of(List<T> list, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, was " + size);
        }
        List<List<T>> batches = new ArrayList<>();
        for (int from = 0; from < list.size(); from += size) {
            batches.add(List.copyOf(list.subList(from, Math.min(list.size(), from + size))));
        }
        return batches;
    }

    /** Elements grouped by key in order of each key's first appearance, each group keeping input order. */
    public static <T, K> Map<K, List<T>> groupedBy(List<T> list, Function<T, K> key) {
        Map<K, List<T>> groups = new LinkedHashMap<>();
        for (T element : list) {
            groups.computeIfAbsent(key.apply(element), k -> new ArrayList<>()).add(element);
        }
        return groups;
    }

    /** The items the pushes carry, in order. */
    public static List<ShopItem> items(List<? extends ShopPush> pushes) {
        return pushes.stream().map(ShopPush::item).toList();
    }
}
