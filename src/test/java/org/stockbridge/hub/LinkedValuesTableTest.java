package org.stockbridge.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** The compact table behind {@link LinkedValues}, at a size that makes every array and index grow. */
class LinkedValuesTableTest {

    private static final int PRODUCTS = 20_000;

    /** Keys of varying length, every tenth one with letters outside ASCII; product ids far from dense. */
    private static String key(int i) {
        return (i % 10 == 0 ? "żółć-" : "SKU-") + i + "-".repeat(i % 7);
    }

    private static long id(int i) {
        return 1_000_000_007L * (i + 1);
    }

    private static LinkedValues table() {
        LinkedValues.Builder builder = new LinkedValues.Builder("w1", true);
        for (int i = 0; i < PRODUCTS; i++) {
            builder.add(key(i), id(i), "Name " + i, i % 3 == 0 ? null : "590" + i);
        }
        builder.linksRead();
        // prices on another thread while the stock is added, as LinkedValueReader reads them; in any order
        Thread prices = new Thread(() -> {
            for (int i = 0; i < PRODUCTS; i++) {
                builder.price(id(i), LinkedValues.priceValue(new BigDecimal(i).movePointLeft(2)));
            }
        });
        prices.start();
        for (int i = PRODUCTS - 1; i >= 0; i--) {
            if (i % 5 != 0) {
                builder.stock(id(i), i % 100);
            }
        }
        builder.stock(42, 7); // a product not linked to the connection: ignored
        try {
            prices.join();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        return builder.build();
    }

    private static IncomingProduct row(int i, Integer stock, String price, String name, String ean) {
        return new IncomingProduct(key(i), null, ean, name, stock, price == null ? null : new BigDecimal(price), "w1", "f line " + i);
    }

    @Test
    void everyLinkedProductIsFoundByItsKeyWithItsValues() {
        LinkedValues values = table();
        assertThat(values.size()).isEqualTo(PRODUCTS);
        for (int i = 0; i < PRODUCTS; i++) {
            String price = new BigDecimal(i).movePointLeft(2).toPlainString();
            if (i % 5 == 0) {
                assertThat(values.unchanged(row(i, 0, price, null, null), true)).as("no stock row for %s", key(i)).isEqualTo(-1);
            } else {
                assertThat(values.unchanged(row(i, i % 100, price, "Name " + i, i % 3 == 0 ? null : "590" + i), true))
                        .as(key(i)).isEqualTo(id(i));
            }
        }
    }

    /**
     * Keys are tried against the entries after the last ones found before their hash is looked up: whatever order
     * a file lists them in (the links' own, two lanes' runs interleaved, reversed, shuffled), each finds its own
     * product, and so does a string the next entry's key starts with, or one that starts with the key just found:
     * its own product when it is a key too, else none.
     */
    @Test
    void keysAreFoundInAnyOrderAFileListsThem() {
        List<Integer> inOrder = IntStream.range(0, PRODUCTS).boxed().toList();
        List<Integer> twoRuns = new ArrayList<>();
        Random random = new Random(20261207);
        for (int even = 0, odd = 1; even < PRODUCTS || odd < PRODUCTS; ) {
            if (odd >= PRODUCTS || even < PRODUCTS && random.nextBoolean()) {
                twoRuns.add(even);
                even += 2;
            } else {
                twoRuns.add(odd);
                odd += 2;
            }
        }
        List<Integer> reversed = new ArrayList<>(inOrder);
        Collections.reverse(reversed);
        List<Integer> shuffled = new ArrayList<>(inOrder);
        Collections.shuffle(shuffled, random);
        Map<String, Long> linked = new HashMap<>();
        inOrder.forEach(i -> linked.put(key(i), id(i)));
        for (List<Integer> order : List.of(inOrder, twoRuns, reversed, shuffled)) {
            LinkedValues values = table();
            for (int i : order) {
                assertThat(values.productOf(key(i))).as(key(i)).isEqualTo(id(i));
                String next = key((i + 1) % PRODUCTS);
                for (String near : List.of(next.substring(0, next.length() - 1), key(i) + "-", key(i) + "0")) {
                    assertThat(values.productOf(near)).as(near).isEqualTo(linked.getOrDefault(near, -1L));
                }
            }
        }
    }

    @Test
    void anUnknownKeyOrAnotherNameOrEanIsNotUnchanged() {
        LinkedValues values = table();
        assertThat(values.unchanged(row(PRODUCTS + 1, 1, "1.00", null, null), true)).isEqualTo(-1);
        assertThat(values.unchanged(row(1, 1, "0.01", "Name 1 (new)", null), true)).isEqualTo(-1);
        assertThat(values.unchanged(row(2, 2, "0.02", null, "5909999"), true)).isEqualTo(-1);
        assertThat(values.unchanged(row(3, 3, "0.03", null, "5903"), true))
                .as("the hub has no EAN for it: a new one is a change").isEqualTo(-1);
        assertThat(values.unchanged(row(4, -4, null, null, null), true)).as("negative stock goes to be refused").isEqualTo(-1);
    }

    @Test
    void theEmptyTableKnowsNothing() {
        assertThat(LinkedValues.NONE.size()).isZero();
        assertThat(LinkedValues.NONE.unchanged(row(1, 1, "0.01", null, null), true)).isEqualTo(-1);
    }
}
