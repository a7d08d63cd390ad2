package org.stockbridge.format.magento;

import java.math.BigDecimal;
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
 * The shop's products for linking, each with its SKU as the external id (what every update is keyed by).
 * Pages are sorted by entity id so products added meanwhile do not shift later pages. Magento answers a page past
 * the end with the last page again rather than an empty one, so the last page is worked out from
 * {@code total_count}.
 * <p>
 * For reconciliation a page shows each product's {@code price} (the global scope's, when prices are set for store
 * 0), but not its quantity: Magento's product list leaves {@code stock_item} out, and the hub sets quantities per
 * MSI source anyway. Those come from further requests per page: the source items of the page's SKUs at the
 * connection's source ({@link #sourceItemsRequests}).
 */
final class MagentoProductList {

    static final int PAGE_SIZE = 100;
    /** The SKU list of one source-items request, encoded: well inside the 8 KiB request line of common web servers. */
    static final int MAX_SKU_QUERY = 3000;

    private MagentoProductList() {
    }

    static ShopRequest pageRequest(ShopConnection connection, int page) {
        if (page < 1) {
            throw new IllegalArgumentException("pages count from 1, was " + page);
        }
        // brackets percent-encoded: a raw '[' is not allowed in a URI's query
        String query = "searchCriteria%5BpageSize%5D=" + PAGE_SIZE + "&searchCriteria%5BcurrentPage%5D=" + page
                + "&searchCriteria%5BsortOrders%5D%5B0%5D%5Bfield%5D=entity_id"
                + "&searchCriteria%5BsortOrders%5D%5B0%5D%5Bdirection%5D=ASC";
        return MagentoRequests.request(connection, ShopOperation.PRODUCTS)
                .get(MagentoRequests.PRODUCTS + "?" + query)
                .page(page)
                .build();
    }

    /**
     * The quantities at the connection's source of the listed page's SKUs ({@code GET /V1/inventory/source-items},
     * source code equal, SKU in the list), in as many requests as keep each query within {@value #MAX_SKU_QUERY}
     * characters (web servers refuse long request lines); none when the page lists no SKU. A SKU with a comma cannot
     * be put in the list ({@code in} splits on commas), so its quantity is not compared.
     */
    static List<ShopRequest> sourceItemsRequests(ShopConnection connection, ProductPage listed) {
        List<ShopRequest> requests = new ArrayList<>();
        List<String> skus = new ArrayList<>();
        int length = 0;
        for (ShopProduct product : listed.products()) {
            String sku = product.sku();
            if (sku == null || sku.contains(",")) {
                continue;
            }
            int encoded = MagentoRequests.queryValue(sku).length() + 3; // and the encoded comma
            if (!skus.isEmpty() && length + encoded > MAX_SKU_QUERY) {
                requests.add(sourceItemsRequest(connection, listed.page(), skus));
                skus = new ArrayList<>();
                length = 0;
            }
            skus.add(sku);
            length += encoded;
        }
        if (!skus.isEmpty()) {
            requests.add(sourceItemsRequest(connection, listed.page(), skus));
        }
        return requests;
    }

    private static ShopRequest sourceItemsRequest(ShopConnection connection, int page, List<String> skus) {
        String query = filter(0, "source_code", connection.text(MagentoSettings.SOURCE_CODE), "eq")
                + "&" + filter(1, "sku", String.join(",", skus), "in")
                + "&searchCriteria%5BpageSize%5D=" + skus.size() + "&searchCriteria%5BcurrentPage%5D=1";
        return MagentoRequests.request(connection, ShopOperation.PRODUCTS)
                .get(MagentoRequests.SOURCE_ITEMS + "?" + query)
                .page(page)
                .build();
    }

    private static String filter(int group, String field, String value, String condition) {
        String prefix = "searchCriteria%5Bfilter_groups%5D%5B" + group + "%5D%5Bfilters%5D%5B0%5D%5B";
        return prefix + "field%5D=" + field + "&" + prefix + "value%5D=" + MagentoRequests.queryValue(value)
                + "&" + prefix + "condition_type%5D=" + condition;
    }

    static ShopRequest bySkuRequest(ShopConnection connection, String sku) {
        return MagentoRequests.request(connection, ShopOperation.PRODUCTS)
                .get(MagentoRequests.PRODUCTS + "/" + MagentoRequests.pathSegment(sku))
                .page(1)
                .build();
    }

    static ProductPage read(ShopRequest request, ShopAnswer answer) {
        boolean bySku = !request.path().contains("?");
        if (bySku && answer.status() == 404) {
            return new ProductPage(1, List.of(), true); // no product with that SKU
        }
        Optional<AnswerProblem> problem = AnswerProblem.ofStatus(answer);
        if (problem.isPresent()) {
            throw problem.get().toException(request);
        }
        JsonNode root = FormatJson.read(answer.body()).filter(JsonNode::isObject).orElse(null);
        if (request.path().startsWith(MagentoRequests.SOURCE_ITEMS)) {
            return sourceItems(request, answer, root);
        }
        if (bySku) {
            if (root == null || FormatJson.text(root, "sku") == null) {
                throw AnswerProblem.unreadable(answer, "not a product").toException(request);
            }
            return new ProductPage(1, List.of(product(root)), true);
        }
        JsonNode items = root == null ? null : root.get("items");
        if (items == null || !items.isArray()) {
            throw AnswerProblem.unreadable(answer, "no items list").toException(request);
        }
        List<ShopProduct> products = new ArrayList<>();
        items.forEach(item -> products.add(product(item)));
        long total = root.path("total_count").asLong(-1);
        boolean last = products.size() < PAGE_SIZE || (total >= 0 && (long) request.page() * PAGE_SIZE >= total);
        return new ProductPage(request.page(), products, last);
    }

    private static ShopProduct product(JsonNode item) {
        String sku = FormatJson.text(item, "sku");
        return new ShopProduct(sku, null, sku, null, FormatJson.text(item, "name"), null, FormatJson.decimal(item, "price"));
    }

    /** The quantities of one page's SKUs at the source: products that show a stock and no price. */
    private static ProductPage sourceItems(ShopRequest request, ShopAnswer answer, JsonNode root) {
        JsonNode items = root == null ? null : root.get("items");
        if (items == null || !items.isArray()) {
            throw AnswerProblem.unreadable(answer, "no source items list").toException(request);
        }
        List<ShopProduct> products = new ArrayList<>();
        items.forEach(item -> {
            String sku = FormatJson.text(item, "sku");
            BigDecimal quantity = FormatJson.decimal(item, "quantity");
            if (sku != null && quantity != null && quantity.stripTrailingZeros().scale() <= 0) {
                // a decimal quantity (is_qty_decimal) is not a stock the hub sends: left out of the comparison
                products.add(new ShopProduct(sku, null, sku, null, null, quantity.intValueExact(), null));
            }
        });
        return new ProductPage(request.page(), products, true);
    }
}
