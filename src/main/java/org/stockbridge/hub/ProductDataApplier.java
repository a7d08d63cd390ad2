package org.stockbridge.hub;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.stereotype.Component;

/**
 * Product data (name, EAN) from a connection that is superior for products, per its product master mode:
 * {@code connection} overwrites the hub's data (with a sync record per changed field), {@code hub} ignores it,
 * {@code manual} lists each difference for an operator ({@link ProductDifferenceStore}).
 */
@Component
class ProductDataApplier {

    private final ProductStore products;
    private final ProductDifferenceStore differences;
    private final SyncRecordStore syncRecords;
    private final Clock clock;

    ProductDataApplier(ProductStore products, ProductDifferenceStore differences, SyncRecordStore syncRecords, Clock clock) {
        this.products = products;
        this.differences = differences;
        this.syncRecords = syncRecords;
        this.clock = clock;
    }

    /** Returns the number of product fields changed (connection mode) or listed (manual mode). */
    int apply(Connection connection, Map<Long, IncomingProduct> matched) {
        if (connection.products() != Role.SUPERIOR || connection.productMaster() == ProductMaster.HUB || matched.isEmpty()) {
            return 0;
        }
        Instant now = clock.instant();
        Map<Long, Product> current = products.byIds(matched.keySet());
        List<Product> updated = new ArrayList<>();
        List<SyncRecord> records = new ArrayList<>();
        int count = 0;
        for (var entry : matched.entrySet()) {
            Product hub = current.get(entry.getKey());
            IncomingProduct in = entry.getValue();
            String name = in.name() != null && !in.name().equals(hub.name()) ? in.name() : null;
            String ean = in.ean() != null && !in.ean().equals(hub.ean()) ? in.ean() : null;
            if (name == null && ean == null) {
                continue;
            }
            if (connection.productMaster() == ProductMaster.MANUAL) {
                if (name != null) {
                    differences.notice(connection.id(), hub.id(), "name", hub.name(), name, in.origin(), now);
                    count++;
                }
                if (ean != null) {
                    differences.notice(connection.id(), hub.id(), "ean", hub.ean(), ean, in.origin(), now);
                    count++;
                }
                continue;
            }
            updated.add(new Product(hub.id(), hub.sku(), Objects.requireNonNullElse(ean, hub.ean()),
                    Objects.requireNonNullElse(name, hub.name()), hub.attributes()));
            if (name != null) {
                records.add(SyncRecord.received(connection.id(), hub.sku(), "name", hub.name(), name, in.origin(), now));
                count++;
            }
            if (ean != null) {
                records.add(SyncRecord.received(connection.id(), hub.sku(), "ean", hub.ean(), ean, in.origin(), now));
                count++;
            }
        }
        if (!updated.isEmpty()) {
            products.updateNamesAndEans(updated, now);
            syncRecords.write(records);
        }
        return count;
    }
}
