package org.stockbridge.feed.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.stockbridge.hub.IncomingProduct;

class BatchLanesTest {

    private static IncomingProduct row(String key, int stock, int line) {
        return new IncomingProduct(key, key, null, null, stock, null, null, "feed.csv line " + line);
    }

    @Test
    void everyRowIsAppliedOnceAndAKeysLaterRowIsAppliedAfterItsEarlierOne() {
        Map<String, Integer> applied = new ConcurrentHashMap<>();
        List<IncomingProduct> seen = Collections.synchronizedList(new ArrayList<>());
        Set<String> threads = ConcurrentHashMap.newKeySet();
        try (BatchLanes lanes = new BatchLanes(3, 7, "test", batch -> {
            threads.add(Thread.currentThread().getName());
            seen.addAll(batch);
            batch.forEach(p -> applied.put(p.key(), p.stock()));
        })) {
            int line = 0;
            for (int round = 1; round <= 5; round++) {
                for (int k = 0; k < 40; k++) {
                    lanes.add(row("SKU-" + k, round * 100 + k, ++line));
                }
            }
        }
        assertThat(seen).hasSize(200);
        assertThat(new HashSet<>(seen)).hasSize(200);
        Map<String, Integer> expected = new HashMap<>();
        for (int k = 0; k < 40; k++) {
            expected.put("SKU-" + k, 500 + k);
        }
        assertThat(applied).as("the last row of each key wins, as in a single pass").isEqualTo(expected);
        assertThat(threads).as("batches ran on the lanes' own threads").allMatch(name -> name.startsWith("test lane "));
    }

    @Test
    void oneLaneAppliesOnTheCallersThreadInFileOrder() {
        List<Integer> lines = new ArrayList<>();
        Set<String> threads = new HashSet<>();
        try (BatchLanes lanes = new BatchLanes(1, 4, "test", batch -> {
            threads.add(Thread.currentThread().getName());
            batch.forEach(p -> lines.add(Integer.parseInt(p.origin().replace("feed.csv line ", ""))));
        })) {
            for (int i = 1; i <= 10; i++) {
                lanes.add(row("K" + (i % 3), i, i));
            }
        }
        assertThat(lines).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        assertThat(threads).containsExactly(Thread.currentThread().getName());
    }

    @Test
    void aFlushAppliesThePartialBatchesAtOnceAndKeepsEachKeysRowsInOrder() throws InterruptedException {
        List<List<Integer>> batches = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch flushed = new CountDownLatch(2);
        try (BatchLanes lanes = new BatchLanes(2, 1000, "test", batch -> {
            batches.add(batch.stream().map(IncomingProduct::stock).toList());
            flushed.countDown();
        })) {
            // keys that land on different lanes (the lane is the key's hash modulo 2)
            String even = "K0";
            String odd = "K1";
            assertThat(Math.floorMod(even.hashCode(), 2)).isNotEqualTo(Math.floorMod(odd.hashCode(), 2));
            lanes.add(row(even, 1, 1));
            lanes.add(row(odd, 2, 2));
            lanes.add(row(even, 3, 3));
            lanes.flush();
            assertThat(flushed.await(10, TimeUnit.SECONDS))
                    .as("both partial batches applied before the file ended").isTrue();
            assertThat(batches).containsExactlyInAnyOrder(List.of(1, 3), List.of(2));
            lanes.flush(); // nothing collected since: no empty batch
            lanes.add(row(even, 4, 4));
        }
        assertThat(batches).hasSize(3).last().isEqualTo(List.of(4));
    }

    @Test
    void aFlushLeavesALaneThatIsStillApplyingCollectingItsRowsIntoOneBatch() throws InterruptedException {
        List<List<Integer>> batches = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch applying = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (BatchLanes lanes = new BatchLanes(2, 1000, "test", batch -> {
            batches.add(batch.stream().map(IncomingProduct::stock).toList());
            applying.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        })) {
            lanes.add(row("K0", 1, 1));
            lanes.flush();
            assertThat(applying.await(10, TimeUnit.SECONDS)).as("the idle lane took its partial batch").isTrue();
            lanes.add(row("K0", 2, 2));
            lanes.flush();
            lanes.add(row("K0", 3, 3));
            lanes.flush();
            release.countDown();
        }
        assertThat(batches).as("the rows that came while the lane was busy went in one batch, in file order")
                .containsExactly(List.of(1), List.of(2, 3));
    }

    @Test
    void aFailedBatchStopsTheLanesAndIsRethrown() {
        AtomicInteger batches = new AtomicInteger();
        assertThatThrownBy(() -> {
            try (BatchLanes lanes = new BatchLanes(2, 5, "test", batch -> {
                if (batches.incrementAndGet() == 2) {
                    throw new IllegalStateException("database gone");
                }
            })) {
                for (int i = 0; i < 10_000; i++) {
                    lanes.add(row("K" + i, i, i));
                }
            }
        }).isInstanceOf(IllegalStateException.class).hasMessage("database gone");
        assertThat(batches.get()).as("the lanes stopped soon after the failure").isLessThan(2_000);
    }
}
