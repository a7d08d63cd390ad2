package org.stockbridge.push;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What reconciliation counts as a shop showing the value the hub computes. */
class ReconciliationCompareTest {

    @Test
    void pricesCompareAsNumbersAtThePrecisionTheShopShowsAndAtLeastToTheCent() {
        assertThat(Reconciliation.same("price", "12.5", "12.50")).isTrue();
        // a shop keeping six decimals (PrestaShop, Magento) stores what a multiplier made to its precision
        assertThat(Reconciliation.same("price", "16.25203", "16.25202992")).isTrue();
        assertThat(Reconciliation.same("price", "16.25", "16.25202992")).as("a shop keeping cents").isTrue();
        assertThat(Reconciliation.same("price", "16.26", "16.25202992")).isFalse();
        // a shop answering a whole number still holds cents: 34 is not the 33.99 the hub sends
        assertThat(Reconciliation.same("price", "34", "33.99")).isFalse();
        assertThat(Reconciliation.same("price", "34", "34.004")).isTrue();
    }

    @Test
    void stockComparesExactly() {
        assertThat(Reconciliation.same("stock", "5", "5")).isTrue();
        assertThat(Reconciliation.same("stock", "5", "4")).isFalse();
    }
}
