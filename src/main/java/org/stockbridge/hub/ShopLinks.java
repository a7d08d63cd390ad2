package org.stockbridge.hub;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Links between hub products and one shop's products, in bulk: matching the shop's product list to the hub
 * ({@link ProductMatcher}, the same matching inbound products get), the products on either side still unlinked,
 * and the links of products the hub created in the shop (products-to-shop). A new link puts the product in the
 * shop's outbox, so the shop is sent the hub's stock and price for it at the next poll.
 */
@Service
public class ShopLinks {

    /** {@code matched_by} of a link to a product the hub created in the shop. */
    public static final String EXPORTED = "export";
    public static final String FIELD = "product";
    public static final String FAILED = "failed";
    public static final String DRY_RUN = "dry-run";

    private final ProductMatcher matcher;
    private final ProductStore products;
    private final LinkStore links;
    private final OutboxStore outbox;
    private final SyncRecordStore syncRecords;
    private final ReferenceDataStore reference;
    private final Clock clock;

    ShopLinks(ProductMatcher matcher, ProductStore products, LinkStore links, OutboxStore outbox,
            SyncRecordStore syncRecords, ReferenceDataStore reference, Clock clock) {
        this.matcher = matcher;
        this.products = products;
        this.links = links;
        this.outbox = outbox;
        this.syncRecords = syncRecords;
        this.reference = reference;
        this.clock = clock;
    }

    /**
     * Links every hub product that matches exactly one of the shop's products, trying the fields in order. The
     * shop products arrive as {@link IncomingProduct}s whose key is the shop's id. Existing links are kept; a
     * value shared by several hub products, or a hub product matched by several shop products, links nothing.
     */
    @Transactional
    public LinkMatchReport match(String connection, List<IncomingProduct> shopProducts, List<MatchField> by) {
        requireConnection(connection);
        Map<String, IncomingProduct> byId = new LinkedHashMap<>();
        shopProducts.forEach(p -> byId.putIfAbsent(p.key(), p)); // a product seen on two pages is one product
        List<IncomingProduct> distinct = List.copyOf(byId.values());
        // key null: the shop's id is never taken for a SKU or EAN, only the shop product's own fields are
        ProductMatcher.Matches matches = matcher.match(new IncomingBatch(connection, null, false, null, distinct), by);

        List<LinkMatchReport.Ambiguous> ambiguous = new ArrayList<>();
        matches.problems().forEach(problem -> {
            IncomingProduct p = byId.get(problem.sku());
            ambiguous.add(new LinkMatchReport.Ambiguous(p.key(), p.sku(), problem.reason()));
        });
        int alreadyLinked = 0;
        Map<String, List<IncomingProduct>> candidatesBySku = new LinkedHashMap<>();
        for (IncomingProduct p : distinct) {
            String sku = matches.skuOf().get(p);
            if (sku == null) {
                continue;
            }
            if ("link".equals(matches.matchedBy().get(p))) {
                alreadyLinked++;
            } else {
                candidatesBySku.computeIfAbsent(sku, s -> new ArrayList<>()).add(p);
            }
        }
        Map<String, Long> ids = products.idsBySku(candidatesBySku.keySet());
        Map<Long, IncomingProduct> toLink = new HashMap<>();
        Map<Long, String> matchedBy = new HashMap<>();
        candidatesBySku.forEach((sku, candidates) -> {
            if (candidates.size() > 1) {
                List<String> shopIds = candidates.stream().map(IncomingProduct::key).toList();
                candidates.forEach(p -> ambiguous.add(new LinkMatchReport.Ambiguous(p.key(), p.sku(),
                        "hub product " + sku + " matches several shop products " + shopIds + " by "
                                + matches.matchedBy().get(p))));
            } else {
                toLink.put(ids.get(sku), candidates.get(0));
                matchedBy.put(ids.get(sku), matches.matchedBy().get(candidates.get(0)));
            }
        });
        int linked = link(connection, toLink, matchedBy, clock.instant());
        alreadyLinked += toLink.size() - linked;
        int matched = (int) distinct.stream().filter(p -> matches.skuOf().containsKey(p) || matches.refused().contains(p)).count();
        return new LinkMatchReport(connection, by.stream().map(MatchField::id).toList(), distinct.size(), linked,
                alreadyLinked, ambiguous, distinct.size() - matched, products.countUnlinked(connection));
    }

    /** Hub products with no link to the connection, by SKU. */
    @Transactional(readOnly = true)
    public List<Product> unlinkedProducts(String connection, int offset, int limit) {
        requireConnection(connection);
        return products.unlinked(connection, offset, limit);
    }

    /** The shop ids among {@code externalIds} that some hub product is linked to. */
    @Transactional(readOnly = true)
    public Set<String> linkedExternalIds(String connection, Collection<String> externalIds) {
        return links.skusByExternalId(connection, externalIds).keySet();
    }

    /**
     * The hub products to create in the shop: the given SKUs that are not linked to it yet (an unknown SKU is
     * refused before anything is sent), or without SKUs the first {@code limit} unlinked products by SKU.
     */
    @Transactional(readOnly = true)
    public ExportSelection toExport(String connection, List<String> skus, int limit) {
        requireConnection(connection);
        if (skus == null || skus.isEmpty()) {
            return new ExportSelection(products.unlinked(connection, 0, limit), List.of());
        }
        Map<String, Long> ids = products.idsBySku(skus);
        List<String> unknown = skus.stream().filter(sku -> !ids.containsKey(sku)).distinct().toList();
        if (!unknown.isEmpty()) {
            throw new HubException(HubException.Kind.NOT_FOUND, "connection '" + connection
                    + "': nothing exported, unknown SKU(s) " + unknown);
        }
        Map<Long, Product> found = products.byIds(ids.values());
        Set<Long> linked = links.linkedProductIds(connection, ids.values());
        List<Product> export = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        skus.stream().distinct().forEach(sku -> {
            long id = ids.get(sku);
            if (linked.contains(id)) {
                skipped.add(sku);
            } else {
                export.add(found.get(id));
            }
        });
        return new ExportSelection(export, skipped);
    }

    /**
     * The shop's answer to one create request: each created product is linked to its new id (and put in the
     * outbox), and every product gets a sync record (field {@code product}) saying what became of it.
     *
     * @param dryRun the request was written to a file: nothing was created, nothing is linked
     */
    @Transactional
    public int recordExport(String connection, String requestId, List<ExportOutcome> outcomes, boolean dryRun) {
        Instant now = clock.instant();
        Map<String, Long> ids = products.idsBySku(outcomes.stream().map(ExportOutcome::sku).toList());
        Map<Long, IncomingProduct> created = new HashMap<>();
        Map<Long, String> matchedBy = new HashMap<>();
        List<SyncRecord> records = new ArrayList<>();
        for (ExportOutcome outcome : outcomes) {
            String result;
            String reason;
            if (dryRun) {
                result = DRY_RUN;
                reason = "products-to-shop: create request written to a file";
            } else if (outcome.isCreated()) {
                created.put(ids.get(outcome.sku()), new IncomingProduct(outcome.externalId(), outcome.sku(), null, null,
                        null, null, null, null));
                matchedBy.put(ids.get(outcome.sku()), EXPORTED);
                result = SyncRecord.OK;
                reason = "products-to-shop: created in the shop and linked";
            } else {
                result = FAILED;
                reason = "products-to-shop: not created: " + outcome.failure();
            }
            records.add(new SyncRecord(0, now, SyncRecord.OUT, connection, outcome.sku(), FIELD, null,
                    outcome.externalId(), reason, result, requestId, null));
        }
        int linked = link(connection, created, matchedBy, now);
        syncRecords.write(records);
        return linked;
    }

    /** Links what is not linked yet and puts the products linked now in the outbox; returns how many. */
    private int link(String connection, Map<Long, IncomingProduct> byProduct, Map<Long, String> matchedBy, Instant now) {
        Set<Long> before = links.linkedProductIds(connection, byProduct.keySet());
        int linked = links.addMissing(connection, byProduct, matchedBy, now);
        Set<Long> added = links.linkedProductIds(connection, byProduct.keySet());
        added.removeAll(before);
        pushValues(added, now);
        return linked;
    }

    private void pushValues(Collection<Long> productIds, Instant now) {
        if (!productIds.isEmpty()) {
            outbox.enqueue(Map.of(OutboxStore.STOCK, productIds, OutboxStore.PRICE, productIds), now);
        }
    }

    private void requireConnection(String connection) {
        if (reference.connection(connection).isEmpty()) {
            throw new HubException(HubException.Kind.NOT_FOUND, "unknown connection '" + connection + "'");
        }
    }

    /** Products to export, and the given SKUs left out because they are linked to the shop already. */
    public record ExportSelection(List<Product> products, List<String> alreadyLinked) {
    }
}
