package org.stockbridge.format.magento;

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
 */
final class MagentoProductList {

    static final int PAGE_SIZE = 100;

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
        return new ShopProduct(sku, null, sku, null, FormatJson.text(item, "name"));
    }
}
