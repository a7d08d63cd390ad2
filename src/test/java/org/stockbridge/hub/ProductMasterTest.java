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
 * Product master modes, matching order and warehouse mapping of superior connections (test profile: {@code erp}
 * owns product data, matches by EAN, SKU, name and pulls warehouses; {@code supplier} is manual; {@code acme}
 * leaves product data to the hub).
 */
@HubTest
class ProductMasterTest {

    @Autowired
    HubService hub;

    @Autowired
    ReferenceDataStore reference;

    private String product(String ean, String name) {
        String sku = Skus.fresh("PM");
        hub.saveProduct(sku, new ProductData(ean, name, Map.of()));
        return sku;
    }

    private static String ean() {
        return String.format("%013d", Math.abs(System.nanoTime()) % 10_000_000_000_000L);
    }

    private IncomingResult send(String connection, IncomingProduct... products) {
        return hub.applyIncoming(new IncomingBatch(connection, ProductKey.SKU, false, "retail-pln", List.of(products)));
    }

    private static IncomingProduct row(String key, String sku, String ean, String name, Integer stock, String warehouse) {
        return new IncomingProduct(key, sku, ean, name, stock, stock == null ? null : new BigDecimal("10.00"), warehouse, "erp export line 1");
    }

    @Test
    void anErpThatOwnsProductDataOverwritesTheHubsNameAndEanWithASyncRecord() {
        String ean = ean();
        String sku = product(ean, "Old name");
        send("erp", row("E-" + sku, sku, ean, "Kubek ceramiczny 300 ml", 4, "MAG1"));

        ProductView view = hub.product(sku);
        assertThat(view.name()).isEqualTo("Kubek ceramiczny 300 ml");
        assertThat(view.stock()).as("warehouse MAG1 of the ERP is the hub's main").containsEntry("main", 4);
        assertThat(view.links()).singleElement().satisfies(l -> {
            assertThat(l.connection()).isEqualTo("erp");
            assertThat(l.externalId()).isEqualTo("E-" + sku);
            assertThat(l.matchedBy()).isEqualTo("ean");
        });
        assertThat(hub.syncRecords(new SyncRecordQuery(sku, "erp", null, null, 10)))
                .anySatisfy(r -> {
                    assertThat(r.field()).isEqualTo("name");
                    assertThat(r.oldValue()).isEqualTo("Old name");
                    assertThat(r.newValue()).isEqualTo("Kubek ceramiczny 300 ml");
                });
    }

    @Test
    void matchingFollowsTheConnectionsOrderAndRefusesAmbiguousNames() {
        String bySku = product(null, "Unique " + Skus.fresh("n"));
        String name = "Same name " + Skus.fresh("n");
        String twinA = product(null, name);
        product(null, name);
        String byName = product(null, "Only one " + Skus.fresh("n"));
        String byNameValue = hub.product(byName).name();

        IncomingResult result = send("erp",
                row("E1-" + bySku, bySku, null, null, 1, "MAG1"),
                row("E2-" + twinA, null, null, name, 2, "MAG1"),
                row("E3-" + byName, null, null, byNameValue, 3, "MAG1"));

        assertThat(hub.product(bySku).stock()).containsEntry("main", 1);
        assertThat(hub.product(twinA).stock()).as("an ambiguous name is never guessed").isEmpty();
        assertThat(result.stock().problems()).singleElement()
                .satisfies(p -> assertThat(p.reason()).contains("NAME '" + name + "' belongs to several hub products"));
        assertThat(hub.product(byName).stock()).containsEntry("main", 3);
        assertThat(hub.product(byName).links()).singleElement().satisfies(l -> assertThat(l.matchedBy()).isEqualTo("name"));

        // once linked, the connection's key finds the product even when the row no longer carries a name
        send("erp", row("E3-" + byName, null, null, null, 7, "MAG1"));
        assertThat(hub.product(byName).stock()).containsEntry("main", 7);
    }

    @Test
    void anUnknownWarehouseOfAConnectionThatPullsWarehousesBecomesAHubWarehouse() {
        String sku = product(null, "Pulled");
        String external = "MAG" + Math.abs(sku.hashCode() % 100_000);
        send("erp", row("E-" + sku, sku, null, null, 9, external));

        assertThat(reference.warehouses()).extracting(Warehouse::id).contains("erp-" + external);
        assertThat(hub.product(sku).stock()).containsEntry("erp-" + external, 9);
        assertThat(reference.warehouseMap("erp")).containsEntry(external, "erp-" + external);
    }

    @Test
    void aManualConnectionsDifferencesWaitForAnOperator() {
        String sku = product("5901234123457", "Hub name");
        send("supplier", row(sku, sku, "5901234123464", "Supplier name", 2, "acme"));

        assertThat(hub.product(sku).name()).as("manual: nothing changes by itself").isEqualTo("Hub name");
        List<ProductDifference> open = hub.productDifferences("supplier").stream().filter(d -> d.sku().equals(sku)).toList();
        assertThat(open).extracting(ProductDifference::field, ProductDifference::hubValue, ProductDifference::connectionValue)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("name", "Hub name", "Supplier name"),
                        org.assertj.core.groups.Tuple.tuple("ean", "5901234123457", "5901234123464"));

        ProductDifference name = open.stream().filter(d -> d.field().equals("name")).findFirst().orElseThrow();
        ProductDifference ean = open.stream().filter(d -> d.field().equals("ean")).findFirst().orElseThrow();
        hub.applyDifference(name.id(), "admin API (local)");
        hub.dismissDifference(ean.id());

        ProductView view = hub.product(sku);
        assertThat(view.name()).isEqualTo("Supplier name");
        assertThat(view.ean()).isEqualTo("5901234123457");
        assertThat(hub.productDifferences("supplier")).noneMatch(d -> d.sku().equals(sku));
    }

    @Test
    void aConnectionWhoseProductDataTheHubOwnsChangesNoProductData() {
        String sku = product(null, "Hub keeps this");
        send("acme", row(sku, sku, null, "Wholesaler's name", 5, "acme"));

        assertThat(hub.product(sku).name()).isEqualTo("Hub keeps this");
        assertThat(hub.product(sku).stock()).containsEntry("acme", 5);
    }
}
