package org.stockbridge.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.stockbridge.HubTest;
import org.stockbridge.Skus;

/**
 * {@link LinkedValues} as a feed reads it from the hub: which rows it recognises as repeating the hub's values
 * (test profile: {@code acme} sends stock and prices only; {@code erp} also owns product data and maps its
 * warehouse {@code MAG1} to the hub's {@code main}).
 */
@HubTest
class LinkedValuesTest {

    @Autowired
    HubService hub;

    @Autowired
    ProductStore products;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    private String linked(String connection, String warehouse, int stock, String price, String name) {
        String sku = Skus.fresh("LV");
        hub.saveProduct(sku, new ProductData(null, name, Map.of()));
        IncomingResult result = hub.applyIncoming(new IncomingBatch(connection, ProductKey.SKU, false, "retail-pln",
                List.of(row(sku, stock, price, warehouse, null, null))));
        assertThat(result.stock().changed()).isEqualTo(1);
        return sku;
    }

    private static IncomingProduct row(String key, Integer stock, String price, String warehouse, String name, String ean) {
        return new IncomingProduct(key, null, ean, name, stock, price == null ? null : new BigDecimal(price), warehouse,
                "test line 1");
    }

    private long idOf(String sku) {
        return products.idsBySku(List.of(sku)).get(sku);
    }

    @Test
    void aRowRepeatingTheHubsStockAndPriceIsRecognisedAndAnyOtherIsNot() {
        String sku = linked("acme", "acme", 7, "12.50", "Kubek");
        LinkedValues values = hub.linkedValues("acme", "acme", "retail-pln");

        assertThat(values.unchanged(row(sku, 7, "12.5000", "acme", "Another name", null), true))
                .as("same stock and price; acme's names are not applied").isEqualTo(idOf(sku));
        assertThat(values.unchanged(row(sku, null, null, null, null, null), true)).isEqualTo(idOf(sku));
        assertThat(values.unchanged(row(sku, 7, "99.00", "acme", null, null), false))
                .as("the feed has no price group: its prices are not applied").isEqualTo(idOf(sku));
        assertThat(values.unchanged(row("not-linked-" + sku, 7, "12.50", "acme", null, null), true)).isEqualTo(-1);

        assertThat(hub.linkedValues("acme", "acme", "retail-pln").unchanged(row(sku, 8, "12.50", "acme", null, null), true))
                .as("stock differs").isEqualTo(-1);
        assertThat(hub.linkedValues("acme", "acme", "retail-pln").unchanged(row(sku, 7, "12.51", "acme", null, null), true))
                .as("price differs").isEqualTo(-1);
        assertThat(hub.linkedValues("acme", "acme", "retail-pln").unchanged(row(sku, 7, "12.50", "main", null, null), true))
                .as("another warehouse").isEqualTo(-1);
        assertThat(hub.linkedValues("acme", "acme", "retail-pln").unchanged(row(sku, 7, "12.50001", "acme", null, null), true))
                .as("not a hub price: the database path refuses it with a reason").isEqualTo(-1);
        assertThat(hub.linkedValues("acme", "acme", "other-group").unchanged(row(sku, 7, "12.50", "acme", null, null), true))
                .as("no price in that group yet").isEqualTo(-1);
    }

    @Test
    void aComparedBatchAppliesWhatChangesAndReportsTheRestAsIfItHadReadFirst() {
        String same = linked("acme", "acme", 7, "12.50", "Kubek");
        String changing = linked("acme", "acme", 3, "1.00", "Talerz");
        String unknown = "not-linked-" + same;

        IncomingResult result = hub.applyIncoming(new IncomingBatch("acme", ProductKey.SKU, false, "retail-pln",
                List.of(row(same, 7, "12.50", "acme", null, null), row(changing, 4, "1.00", "acme", null, null),
                        row(unknown, 1, "2.00", "acme", null, null)), true));

        assertThat(result.stock().changed()).isEqualTo(1);
        assertThat(result.stock().unchanged()).isEqualTo(1);
        assertThat(result.prices().changed()).isZero();
        assertThat(result.prices().unchanged()).isEqualTo(2);
        assertThat(result.unknown()).extracting(IncomingProduct::key).containsExactly(unknown);
        assertThat(hub.product(changing).stock()).containsEntry("acme", 4);
        assertThat(hub.syncRecords(new SyncRecordQuery(changing, "acme", null, null, 10)))
                .extracting(SyncRecord::field, SyncRecord::oldValue, SyncRecord::newValue)
                .as("newest first: the compared batch's change, then the one that linked it")
                .containsExactly(org.assertj.core.groups.Tuple.tuple("stock[acme]", "3", "4"),
                        org.assertj.core.groups.Tuple.tuple("price[retail-pln]", null, "1.00"),
                        org.assertj.core.groups.Tuple.tuple("stock[acme]", null, "3"));
        assertThat(hub.syncRecords(new SyncRecordQuery(same, "acme", null, null, 10)))
                .as("nothing written for the row that repeated the hub's values").hasSize(2);
    }

    @Test
    void aChangedRowGoesToTheProductItsLinkNamedWhenTheValuesWereReadOrElseWhereTheLinkPointsNow() {
        String first = linked("acme", "acme", 3, "1.00", "Talerz");
        String second = linked("acme", "acme", 8, "2.00", "Miska");
        LinkedValues values = hub.linkedValues("acme", "acme", "retail-pln");
        long read = values.productOf(first);
        assertThat(read).isEqualTo(idOf(first));
        // an operator moves the link while the feed is being applied
        jdbc.update("DELETE FROM link WHERE connection_id = 'acme' AND external_id = ?", second);
        jdbc.update("UPDATE link SET product_id = ? WHERE connection_id = 'acme' AND external_id = ?", idOf(second), first);

        hub.applyIncoming(new IncomingBatch("acme", ProductKey.SKU, false, "retail-pln",
                List.of(hinted(row(first, 4, "1.00", "acme", null, null), read)), true));
        assertThat(hub.product(first).stock()).as("as of the values read, like the rows the feed skipped")
                .containsEntry("acme", 4);
        assertThat(hub.product(second).stock()).containsEntry("acme", 8);

        hub.applyIncoming(new IncomingBatch("acme", ProductKey.SKU, false, "retail-pln",
                List.of(hinted(row(first, 5, "1.00", "acme", null, null), Long.MAX_VALUE)), true));
        assertThat(hub.product(second).stock()).as("no such product: the link, as it is now, decides")
                .containsEntry("acme", 5);
        assertThat(hub.product(first).stock()).containsEntry("acme", 4);
    }

    private static IncomingProduct hinted(IncomingProduct p, long linkedProduct) {
        return new IncomingProduct(p.key(), p.sku(), p.ean(), p.name(), p.stock(), p.price(), p.warehouse(), p.origin(),
                linkedProduct);
    }

    @Test
    void aKeyOnceSentToTheDatabaseIsNeverSkippedAgainInThatFeed() {
        String sku = linked("acme", "acme", 3, "1.00", "Talerz");
        LinkedValues values = hub.linkedValues("acme", "acme", "retail-pln");

        assertThat(values.unchanged(row(sku, 4, "1.00", "acme", null, null), true)).isEqualTo(-1);
        assertThat(values.unchanged(row(sku, 3, "1.00", "acme", null, null), true))
                .as("the later row restores what the earlier one changed: it must be applied after it").isEqualTo(-1);
    }

    @Test
    void aKeyWithLettersQuotesAndBackslashesIsReadAsTheFeedWritesIt() {
        String sku = Skus.fresh("LV") + "-Zażółć 'gęślą' \\jaźń\\";
        hub.applyIncoming(new IncomingBatch("acme", ProductKey.SKU, true, "retail-pln",
                List.of(row(sku, 2, "3.50", "acme", null, null))));

        assertThat(hub.linkedValues("acme", "acme", "retail-pln").unchanged(row(sku, 2, "3.5", "acme", null, null), true))
                .isEqualTo(idOf(sku));
    }

    @Test
    void pricesOfEveryMagnitudeAreComparedToTheLastDecimal() {
        for (String price : List.of("0", "0.0001", "12.5", "10000", "100000000.0001", "123456789012.3456")) {
            String sku = linked("acme", "acme", 1, price, "Cena " + price);
            BigDecimal next = new BigDecimal(price).add(new BigDecimal("0.0001"));

            assertThat(hub.linkedValues("acme", "acme", "retail-pln").unchanged(row(sku, 1, price, "acme", null, null), true))
                    .as(price).isEqualTo(idOf(sku));
            assertThat(hub.linkedValues("acme", "acme", "retail-pln").unchanged(row(sku, 1, next.toPlainString(), "acme", null, null), true))
                    .as(next.toPlainString()).isEqualTo(-1);
        }
    }

    @Test
    void aPriceTooLargeToBeComparedIsAlwaysApplied() {
        String sku = linked("acme", "acme", 7, "999999999999999.0000", "Sejf");
        LinkedValues values = hub.linkedValues("acme", "acme", "retail-pln");

        assertThat(values.unchanged(row(sku, 7, "999999999999999", "acme", null, null), true)).isEqualTo(-1);
        assertThat(hub.linkedValues("acme", "acme", "retail-pln").unchanged(row(sku, 7, null, "acme", null, null), true))
                .as("its stock is still compared").isEqualTo(idOf(sku));
    }

    /**
     * The links a feed makes are stored in the order its rows came, so that the connection's next file, listing its
     * products in the same order, follows the links as they are read ({@link LinkedValues#find}).
     */
    @Test
    void theLinksAFeedMakesAreStoredInTheOrderOfItsRows() {
        String prefix = Skus.fresh("LVO") + "-";
        List<String> keys = new java.util.ArrayList<>();
        for (int i = 0; i < 300; i++) {
            keys.add(prefix + (i * 7919 % 300)); // neither sorted nor in any hash's order
        }
        hub.applyIncoming(new IncomingBatch("acme", ProductKey.SKU, true, "retail-pln",
                keys.stream().map(key -> row(key, 1, "1.00", "acme", null, null)).toList()));

        assertThat(jdbc.queryForList("SELECT external_id FROM link WHERE connection_id = 'acme' AND external_id LIKE ? ORDER BY id",
                String.class, prefix + "%")).containsExactlyElementsOf(keys);
    }

    @Test
    void moreLinksThanOnePageOfAnH2ScanAreAllReadWithTheirValues() {
        int count = 2 * LinkedValueReader.H2_PAGE + 7; // two full pages and a partial one on H2
        String prefix = Skus.fresh("LVP") + "-";
        List<IncomingProduct> rows = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(row(prefix + i, i % 50, BigDecimal.valueOf(i, 2).toPlainString(), "acme", null, null));
        }
        for (int from = 0; from < count; from += 5000) {
            hub.applyIncoming(new IncomingBatch("acme", ProductKey.SKU, true, "retail-pln",
                    rows.subList(from, Math.min(count, from + 5000))));
        }

        LinkedValues values = hub.linkedValues("acme", "acme", "retail-pln");

        assertThat(values.size()).isGreaterThanOrEqualTo(count);
        Map<String, Long> ids = products.idsBySku(rows.stream().map(IncomingProduct::key).toList());
        for (int i = 0; i < count; i++) {
            assertThat(values.unchanged(rows.get(i), true)).as(rows.get(i).key()).isEqualTo(ids.get(prefix + i));
        }
        assertThat(hub.linkedValues("acme", "acme", "retail-pln").unchanged(row(prefix + (count - 1), (count - 1) % 50, "1.00", "acme", null, null), true))
                .as("a price that differs, on the last page").isEqualTo(-1);
    }

    @Test
    void whereTheConnectionOwnsProductDataANewNameOrEanIsAChange() {
        String sku = linked("erp", "MAG1", 5, "3.00", "Widelec");
        LinkedValues values = hub.linkedValues("erp", "MAG1", "retail-pln");
        assertThat(values.size()).isGreaterThanOrEqualTo(1);

        assertThat(values.unchanged(row(sku, 5, "3.00", "MAG1", "Widelec", null), true))
                .as("stock read from main, the hub warehouse MAG1 maps to").isEqualTo(idOf(sku));
        assertThat(hub.linkedValues("erp", "MAG1", "retail-pln").unchanged(row(sku, 5, "3.00", "MAG1", "Widelec srebrny", null), true))
                .isEqualTo(-1);
        assertThat(hub.linkedValues("erp", "MAG1", "retail-pln").unchanged(row(sku, 5, "3.00", "MAG1", null, "5901234123457"), true))
                .isEqualTo(-1);
    }
}
