package org.stockbridge.hub;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.springframework.stereotype.Component;

/**
 * Finds the hub product of each incoming product: first by an existing link (the connection's key seen before;
 * the product a feed found linked when it read the hub's values, {@link IncomingProduct#linkedProduct}), then by
 * the connection's match order — SKU, EAN, exact name by default. A value shared by several hub products is
 * ambiguous: the row is refused with a problem rather than applied to a guess.
 */
@Component
class ProductMatcher {

    /**
     * The hub SKU of each matched product and what matched it ({@code link}, {@code sku}, {@code ean}, {@code name});
     * {@code ids}: the product id of the SKUs the lookups found it for (by link or SKU), so the caller need not
     * look those up again.
     */
    record Matches(Map<IncomingProduct, String> skuOf, Map<IncomingProduct, String> matchedBy, Set<IncomingProduct> refused,
            List<ChangeProblem> problems, Map<String, Long> ids) {
    }

    private final ProductStore products;
    private final LinkStore links;

    ProductMatcher(ProductStore products, LinkStore links) {
        this.products = products;
        this.links = links;
    }

    Matches match(IncomingBatch batch, List<MatchField> order) {
        // by identity: each incoming product is one row, and a record's hashCode would hash all its fields every time
        Matches matches = new Matches(new IdentityHashMap<>(), new IdentityHashMap<>(),
                Collections.newSetFromMap(new IdentityHashMap<>()), new ArrayList<>(), new HashMap<>());
        Set<Long> hinted = new LinkedHashSet<>();
        batch.products().forEach(p -> {
            if (p.linkedProduct() != null) {
                hinted.add(p.linkedProduct());
            }
        });
        Map<Long, String> hintedSkus = hinted.isEmpty() ? Map.of() : products.skusById(hinted);
        Set<String> keys = new LinkedHashSet<>();
        for (IncomingProduct p : batch.products()) {
            String sku = p.linkedProduct() == null ? null : hintedSkus.get(p.linkedProduct());
            if (sku != null) {
                matchedByLink(matches, p, sku, p.linkedProduct());
            } else {
                keys.add(p.key()); // not known to be linked, or its product is gone: the link decides
            }
        }
        Map<String, LinkStore.LinkedProduct> linked = keys.isEmpty() ? Map.of()
                : links.productsByExternalId(batch.connection(), keys);
        for (IncomingProduct p : batch.products()) {
            LinkStore.LinkedProduct product = matches.skuOf().containsKey(p) ? null : linked.get(p.key());
            if (product != null) {
                matchedByLink(matches, p, product.sku(), product.productId());
            }
        }
        for (MatchField field : order) {
            Function<IncomingProduct, String> value = valueOf(field, batch.key());
            List<IncomingProduct> open = batch.products().stream()
                    .filter(p -> !matches.skuOf().containsKey(p) && !matches.refused().contains(p) && value.apply(p) != null)
                    .toList();
            if (open.isEmpty()) {
                continue;
            }
            Set<String> values = new LinkedHashSet<>();
            open.forEach(p -> values.add(value.apply(p)));
            Map<String, List<String>> found = lookUp(field, values, matches.ids());
            for (IncomingProduct p : open) {
                List<String> skus = found.get(value.apply(p));
                if (skus == null) {
                    continue;
                }
                if (skus.size() > 1) {
                    matches.problems().add(new ChangeProblem(p.key(), field.id().toUpperCase() + " '" + value.apply(p)
                            + "' belongs to several hub products " + skus, p.origin(), HubException.Kind.INVALID));
                    matches.refused().add(p);
                } else {
                    matches.skuOf().put(p, skus.get(0));
                    matches.matchedBy().put(p, field.id());
                }
            }
        }
        return matches;
    }

    private static void matchedByLink(Matches matches, IncomingProduct p, String sku, long productId) {
        matches.skuOf().put(p, sku);
        matches.matchedBy().put(p, "link");
        matches.ids().put(sku, productId);
    }

    private Map<String, List<String>> lookUp(MatchField field, Set<String> values, Map<String, Long> ids) {
        return switch (field) {
            case SKU -> {
                Map<String, List<String>> found = new HashMap<>();
                products.idsBySku(values).forEach((sku, id) -> {
                    found.put(sku, List.of(sku));
                    ids.put(sku, id);
                });
                yield found;
            }
            case EAN -> products.skusByEan(values);
            case NAME -> products.skusByName(values);
        };
    }

    /** The incoming value of a match field: the mapped field, or the key when the key is that field. */
    private static Function<IncomingProduct, String> valueOf(MatchField field, ProductKey key) {
        return switch (field) {
            case SKU -> p -> p.sku() != null ? p.sku() : key == ProductKey.SKU ? p.key() : null;
            case EAN -> p -> p.ean() != null ? p.ean() : key == ProductKey.EAN ? p.key() : null;
            case NAME -> IncomingProduct::name;
        };
    }
}
