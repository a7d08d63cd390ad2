package org.stockbridge.push;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.stockbridge.format.ProductCatalog;
import org.stockbridge.format.ProductPage;
import org.stockbridge.format.ShopProduct;
import org.stockbridge.hub.Connection;
import org.stockbridge.hub.LinkStore;
import org.stockbridge.hub.OutboxStore;
import org.stockbridge.hub.ReferenceDataStore;
import org.stockbridge.hub.Role;
import org.stockbridge.hub.ShopValueStore;
import org.stockbridge.hub.SyncRecord;
import org.stockbridge.hub.SyncRecordStore;

/**
 * Full reconciliation of one shop, the steps of its {@code reconcile-<connection>} route. Where the shop's format
 * can list products with their stock and price ({@link org.stockbridge.format.ProductCatalog}), each page of the
 * list is compared with what the hub would send now ({@link ShopTargets}, the push's own computation); a value the
 * shop shows wrong becomes the shop value (it is what the shop shows) and a forced outbox entry, so the shop's
 * route sends the correction with the shop's observed value as the old value. Each correction also gets its own
 * sync record ({@value #CORRECTION}) saying what the shop showed. Where the values cannot be read (no catalog, a
 * catalog that lists no values, dry-run) reconciliation is "sync now" of every linked product. Either way the
 * shop's failed entries are retried.
 */
@Service
public class Reconciliation {

    /** The result of the sync record a reconciliation writes for a value it found wrong and queued. */
    public static final String CORRECTION = "correction";

    private static final Logger LOG = LoggerFactory.getLogger(Reconciliation.class);

    private final ShopTargets targets;
    private final LinkStore links;
    private final ShopValueStore shopValues;
    private final OutboxStore outbox;
    private final SyncRecordStore syncRecords;
    private final ReferenceDataStore reference;
    private final SyncNow syncNow;
    private final Clock clock;

    Reconciliation(ShopTargets targets, LinkStore links, ShopValueStore shopValues, OutboxStore outbox,
            SyncRecordStore syncRecords, ReferenceDataStore reference, SyncNow syncNow, Clock clock) {
        this.targets = targets;
        this.links = links;
        this.shopValues = shopValues;
        this.outbox = outbox;
        this.syncRecords = syncRecords;
        this.reference = reference;
        this.syncNow = syncNow;
        this.clock = clock;
    }

    /** The Camel endpoint that starts a reconciliation of the shop (its route; the schedule and the API use it). */
    public static String endpoint(String connection) {
        return "direct:reconcile-" + connection;
    }

    /** Whether the shop's current values can be read back; otherwise reconciliation is a full push. */
    public boolean readsValues(OutboundShop shop) {
        return !shop.dryRun() && shop.catalog().filter(catalog -> catalog.showsValues(shop.connection())).isPresent();
    }

    /** A shop whose values cannot be read: its failed entries retried and every linked product pushed. */
    public int pushEverything(OutboundShop shop) {
        int retried = retryFailed(shop);
        int queued = syncNow.run(shop.id());
        LOG.info("{}: reconciliation by full push (its values cannot be read back): {} values queued, {} failed retried",
                shop.id(), queued, retried);
        return queued;
    }

    public int retryFailed(OutboundShop shop) {
        return outbox.retryFailedOf(shop.id(), clock.instant());
    }

    /**
     * Compares one page of the shop's product list with the hub and queues the corrections.
     *
     * @return values corrected
     */
    @Transactional
    public int correct(OutboundShop shop, ProductPage page) {
        Connection connection = reference.connection(shop.id()).orElseThrow();
        ProductCatalog catalog = shop.catalog().orElseThrow();
        Map<String, ShopProduct> listed = new LinkedHashMap<>();
        page.products().stream().filter(p -> p.externalId() != null && (p.stock() != null || p.price() != null))
                .forEach(p -> catalog.linkIds(p).forEach(id -> listed.putIfAbsent(id, p)));
        if (listed.isEmpty()) {
            return 0;
        }
        Map<String, LinkStore.LinkedProduct> linked = links.productsByExternalId(shop.id(), listed.keySet());
        ShopTargets.Computed computed = targets.compute(shop,
                linked.values().stream().map(LinkStore.LinkedProduct::productId).toList());
        Instant now = clock.instant();
        List<SyncRecord> records = new ArrayList<>();
        Map<String, List<Long>> drifted = new LinkedHashMap<>();
        linked.forEach((externalId, product) -> {
            ShopProduct shown = listed.get(externalId);
            if (connection.stock() == Role.INFERIOR && shown.stock() != null) {
                compare(shop, product, OutboxStore.STOCK, String.valueOf(shown.stock()), computed, now, records, drifted);
            }
            if (connection.prices() == Role.INFERIOR && shown.price() != null) {
                compare(shop, product, OutboxStore.PRICE, ShopTargets.text(shown.price()), computed, now, records, drifted);
            }
        });
        drifted.forEach((kind, productIds) -> outbox.enqueueForced(shop.id(), kind, now, productIds));
        syncRecords.write(records);
        return records.size();
    }

    private void compare(OutboundShop shop, LinkStore.LinkedProduct product, String kind, String shown,
            ShopTargets.Computed computed, Instant now, List<SyncRecord> records, Map<String, List<Long>> drifted) {
        Optional<ShopTargets.Target> target = computed.of(product.productId(), product.sku(), kind);
        if (target.isEmpty() || same(kind, shown, target.get().value())) {
            return;
        }
        // what the shop shows is its value now: the correction's push records it as the old value
        shopValues.save(shop.id(), product.productId(), kind, shown, now);
        drifted.computeIfAbsent(kind, k -> new ArrayList<>()).add(product.productId());
        records.add(new SyncRecord(0, now, SyncRecord.OUT, shop.id(), product.sku(), kind, shown, target.get().value(),
                "reconciliation: the shop showed " + shown + ", the hub computes " + target.get().value() + " ("
                        + target.get().reason() + ")", CORRECTION, null, target.get().ruleId()));
    }

    /**
     * Prices compare as numbers (a shop answering 12.5 shows the 12.50 the hub sent), and at the precision the
     * shop shows, at least cents: a shop that keeps six decimals shows 16.252030 for the 16.25202992 a multiplier
     * made, which is no drift to correct again on every run.
     */
    static boolean same(String kind, String shown, String target) {
        if (OutboxStore.STOCK.equals(kind)) {
            return shown.equals(target);
        }
        BigDecimal shownPrice = new BigDecimal(shown);
        BigDecimal targetPrice = new BigDecimal(target);
        int scale = Math.max(2, shownPrice.stripTrailingZeros().scale());
        if (targetPrice.scale() > scale) {
            targetPrice = targetPrice.setScale(scale, RoundingMode.HALF_UP);
        }
        return shownPrice.compareTo(targetPrice) == 0;
    }
}
