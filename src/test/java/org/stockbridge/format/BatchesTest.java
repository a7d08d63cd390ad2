package org.stockbridge.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class BatchesTest {

    @Test
    void consecutiveRunsOfAtMostTheSize() {
        List<Integer> numbers = IntStream.rangeClosed(1, 250).boxed().toList();

        List<List<Integer>> batches = Batches.of(numbers, 100);

        assertThat(batches).extracting(List::size).containsExactly(100, 100, 50);
        assertThat(batches.get(1).get(0)).isEqualTo(101);
        assertThat(batches.get(2).get(49)).isEqualTo(250);
    }

    @Test
    void nothingToSendIsNoBatch() {
        assertThat(Batches.of(List.of(), 100)).isEmpty();
    }

    @Test
    void sizeBelowOneIsAProgrammingError() {
        assertThatThrownBy(() -> Batches.of(List.of(1), 0)).hasMessage("batch size must be at least 1, was 0");
    }

    @Test
    void groupsInOrderOfFirstAppearanceWithNullAsAKey() {
        List<StockPush> pushes = List.of(
                new StockPush("A", "1", null, 1),
                new StockPush("B-RED", "21", "20", 2),
                new StockPush("C", "3", null, 3),
                new StockPush("B-BLUE", "22", "20", 4));

        assertThat(Batches.groupedBy(pushes, StockPush::externalParentId))
                .containsOnlyKeys(null, "20")
                .hasEntrySatisfying("20", group -> assertThat(group).extracting(StockPush::sku).containsExactly("B-RED", "B-BLUE"));
        assertThat(Batches.groupedBy(pushes, StockPush::externalParentId).keySet()).containsExactly(null, "20");
    }
}
