package org.stockbridge.format.woocommerce;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import org.stockbridge.format.AnswerProblem;
import org.stockbridge.format.FormatJson;
import org.stockbridge.format.ProductPage;
import org.stockbridge.format.ShopAnswer;
import org.stockbridge.format.ShopConnection;
import org.stockbridge.format.ShopOperation;
import org.stockbridge.format.ShopProduct;
import org.stockbridge.format.ShopRequest;

/**
 * The shop's products for linking: {@code GET /products?per_page=100&page=N}, ordered by id so that products
 * added while the hub walks the pages do not shift later pages (the default order, newest first, would), each
 * page followed by the variations of its variable products ({@code GET /products/{parent}/variations}, same
 * paging; {@link WooCatalogWalk}), listed as {@code parent/variation} ids ({@link WooIds}); and
 * {@code GET /products?sku=…} for one SKU (one page). The last page is the one {@code X-WP-TotalPages} names, or a short
 * page when a proxy dropped the header. Each product carries the stock ({@code stock_quantity} when
 * {@code manage_stock}) and {@code regular_price} it shows, for reconciliation.
 */
final class WooProductList {

    /** The WordPress REST API's ceiling for {@code per_page}. */
    static final int PAGE_SIZE = 100;

    private WooProductList() {
    }

    static ShopRequest pageRequest(ShopConnection connection, int page) {
        if (page < 1) {
            throw new IllegalArgumentException("pages count from 1, was " + page);
        }
        return listRequest(connection, WooRequests.PRODUCTS, page, WooCatalogWalk.products(page));
    }

    /** The page after {@code previous} in the walk its cursor describes: products, or a parent's variations. */
    static ShopRequest nextRequest(ShopConnection connection, ProductPage previous) {
        if (previous.cursor() == null) {
            return pageRequest(connection, previous.nextPage());
        }
        WooCatalogWalk walk = WooCatalogWalk.parse(previous.cursor());
        if (!walk.inVariations()) {
            return pageRequest(connection, walk.productsPage());
        }
        return listRequest(connection, WooRequests.PRODUCTS + "/" + WooRequests.encode(walk.parent()) + "/variations",
                walk.variationPage(), walk);
    }

    private static ShopRequest listRequest(ShopConnection connection, String path, int page, WooCatalogWalk walk) {
        return WooRequests.request(connection, ShopOperation.PRODUCTS)
                .get(path + "?per_page=" + PAGE_SIZE + "&page=" + page + "&orderby=id&order=asc")
                .page(page)
                .cursor(walk.text())
                .build();
    }

    /** WooCommerce finds variations by SKU too (each with its {@code parent_id}); no walk follows the answer. */
    static ShopRequest bySkuRequest(ShopConnection connection, String sku) {
        return WooRequests.request(connection, ShopOperation.PRODUCTS)
                .get(WooRequests.PRODUCTS + "?sku=" + WooRequests.encode(sku))
                .page(1)
                .build();
    }

    static ProductPage read(ShopRequest request, ShopAnswer answer) {
        WooCatalogWalk walk = request.cursor() == null ? null : WooCatalogWalk.parse(request.cursor());
        String listedParent = walk != null && walk.inVariations() ? walk.parent() : null;
        if (listedParent != null && answer.status() == 404) {
            // the parent was deleted while the walk went on: it has no variations left to list
            return walked(request, List.of(), walk.nextParent());
        }
        Optional<AnswerProblem> problem = AnswerProblem.ofStatus(answer);
        if (problem.isPresent()) {
            throw problem.get().toException(request);
        }
        JsonNode list = FormatJson.read(answer.body()).orElse(null);
        if (list == null || !list.isArray()) {
            throw AnswerProblem.unreadable(answer, "not a product list").toException(request);
        }
        List<ShopProduct> products = new ArrayList<>();
        List<String> variable = new ArrayList<>();
        for (JsonNode product : list) {
            String id = WooIds.key(product);
            String type = FormatJson.text(product, "type");
            // only a variation lives under its parent; another product's parent_id (a leftover post parent) is not
            // where its updates go
            String parent = listedParent != null ? listedParent : "variation".equals(type) ? parent(product) : null;
            products.add(new ShopProduct(id == null || parent == null ? id : WooIds.variation(parent, id), parent,
                    FormatJson.text(product, "sku"), FormatJson.text(product, "global_unique_id"), name(product),
                    stock(product), FormatJson.decimal(product, "regular_price")));
            if (id != null && "variable".equals(type) && !product.path("variations").isEmpty()) {
                variable.add(id);
            }
        }
        boolean lastPage = isLast(request.page(), products.size(), answer.header("X-WP-TotalPages"));
        if (walk == null) {
            return new ProductPage(request.page(), products, lastPage);
        }
        return walked(request, products, listedParent != null ? (lastPage ? walk.nextParent() : walk.nextVariationPage())
                : WooCatalogWalk.variationsOf(variable, lastPage ? 0 : request.page() + 1));
    }

    /** A page of the walk: the last when nothing is left to read, else carrying where the walk goes on. */
    private static ProductPage walked(ShopRequest request, List<ShopProduct> products, WooCatalogWalk next) {
        return new ProductPage(request.page(), products, next.done(), next.done() ? null : next.text());
    }

    /** A variation may come without a name (older WooCommerce): its attributes' options name it then. */
    private static String name(JsonNode product) {
        String name = FormatJson.text(product, "name");
        if (name != null || !product.path("attributes").isArray()) {
            return name;
        }
        List<String> options = new ArrayList<>();
        product.path("attributes").forEach(attribute -> {
            String option = FormatJson.text(attribute, "option");
            if (option != null) {
                options.add(option);
            }
        });
        return options.isEmpty() ? null : String.join(", ", options);
    }

    /** {@code stock_quantity} only means something while {@code manage_stock} is on (what every push turns on). */
    private static Integer stock(JsonNode product) {
        JsonNode quantity = product.get("stock_quantity");
        boolean managed = product.path("manage_stock").asBoolean(false);
        return managed && quantity != null && quantity.canConvertToInt() && quantity.isNumber() ? quantity.intValue() : null;
    }

    private static String parent(JsonNode product) {
        String parent = FormatJson.text(product, "parent_id");
        return parent == null || parent.equals("0") ? null : parent;
    }

    private static boolean isLast(int page, int count, String totalPages) {
        if (totalPages != null) {
            try {
                return page >= Integer.parseInt(totalPages.trim());
            } catch (NumberFormatException ignored) {
                // fall through to the page size
            }
        }
        return count < PAGE_SIZE;
    }
}
