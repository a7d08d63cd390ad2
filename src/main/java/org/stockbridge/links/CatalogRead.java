package org.stockbridge.links;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.stockbridge.format.ProductCatalog;
import org.stockbridge.format.ProductPage;
import org.stockbridge.format.ShopAnswer;
import org.stockbridge.format.ShopAnswerException;
import org.stockbridge.format.ShopProduct;
import org.stockbridge.format.ShopRequest;
import org.stockbridge.push.OutboundShop;

/**
 * One walk through a shop's product list, page after page until the format says the last page came. A product
 * that shows up on two pages (the list shifted while it was read) counts once. A page that brings nothing new
 * but is not the last means the shop ignores the page number: the walk stops with an error instead of asking
 * for ever.
 */
public final class CatalogRead {

    private final OutboundShop shop;
    private final ProductCatalog catalog;
    private final Map<String, ShopProduct> products = new LinkedHashMap<>();
    private int page = 1;
    /** The page read last; the next request continues from it (by number or by the shop's cursor). */
    private ProductPage previous;
    private boolean done;

    public CatalogRead(OutboundShop shop, ProductCatalog catalog) {
        this.shop = shop;
        this.catalog = catalog;
    }

    public boolean more() {
        return !done;
    }

    public ShopRequest nextRequest() {
        return previous == null ? catalog.productPageRequest(shop.connection(), 1)
                : catalog.nextPageRequest(shop.connection(), previous);
    }

    /** Reads the answer to {@link #nextRequest()}; throws {@link ShopAnswerException} for one it cannot use. */
    public void read(ShopRequest request, ShopAnswer answer) {
        ProductPage read = catalog.readProducts(shop.connection(), request, answer.status(), answer.headers(), answer.body());
        int before = products.size();
        read.products().forEach(product -> products.putIfAbsent(product.externalId(), product));
        if (read.last()) {
            done = true;
        } else if (products.size() == before && !read.products().isEmpty()) {
            throw new ShopAnswerException("connection '" + shop.id() + "': page " + page
                    + " of the product list repeats products of earlier pages only; the shop seems to ignore the page number",
                    false, Optional.empty());
        } else {
            previous = read;
            page++;
        }
    }

    public List<ShopProduct> products() {
        return List.copyOf(products.values());
    }
}
