package org.stockbridge.format.shopify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

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
 * The shop's variants for linking and reconciliation, through the {@code productVariants} connection: 100 a page
 * (each variant asks for its product, inventory item, inventory level and quantities: a page asks for about 500
 * cost points, inside the 1000 a single query may ask), ordered by id so variants added during the
 * walk do not shift it, walked by cursor ({@code pageInfo.endCursor}, {@code hasNextPage}). One SKU:
 * the same query with {@code query: "sku:..."}; Shopify's search may match more loosely than the SKU, so only
 * variants with exactly that SKU are kept.
 * <p>
 * Every variant is a sellable item in Shopify (a product without options has one), so each becomes one
 * {@link ShopProduct}: external id {@code product/variant/inventoryItem} (see {@link ShopifyIds}), the product's
 * number as parent, the variant's SKU, its barcode as EAN, and "product title – variant title" as name (just the
 * product title for the lone "Default Title" variant), with its price and its {@code available} quantity at the
 * connection's location (none where the variant is not stocked there).
 */
final class ShopifyProductList {

    static final int PAGE_SIZE = 100;
    /** The quantity the hub sets ({@link ShopifyStock}) and so the one reconciliation compares. */
    private static final String AVAILABLE = "available";
    static final String QUERY = "query StockbridgeVariants($first: Int!, $after: String, $query: String, $location: ID!) { "
            + "productVariants(first: $first, after: $after, query: $query, sortKey: ID) { "
            + "nodes { id sku barcode title price "
            + "inventoryItem { id inventoryLevel(locationId: $location) { quantities(names: [\"" + AVAILABLE + "\"]) { name quantity } } } "
            + "product { id title } } "
            + "pageInfo { hasNextPage endCursor } } }";
    private static final String DEFAULT_TITLE = "Default Title";
    private static final String SKU_FILTER = "sku:";

    private ShopifyProductList() {
    }

    static ShopRequest pageRequest(ShopConnection connection, int page) {
        if (page != 1) {
            throw new IllegalArgumentException("Shopify lists products by cursor: ask for page 1, then for the page "
                    + "after each page read (nextPageRequest); page " + page + " cannot be asked for directly");
        }
        return request(connection, 1, null, null);
    }

    static ShopRequest nextPageRequest(ShopConnection connection, ProductPage previous) {
        if (previous.last() || previous.cursor() == null) {
            throw new IllegalStateException("page " + previous.page() + " is the last page");
        }
        return request(connection, previous.page() + 1, previous.cursor(), null);
    }

    static ShopRequest bySkuRequest(ShopConnection connection, String sku) {
        // Shopify's search syntax: a quoted value, with quotes and backslashes escaped
        String quoted = '"' + sku.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
        return request(connection, 1, null, SKU_FILTER + quoted);
    }

    static ProductPage read(ShopRequest request, ShopAnswer answer) {
        ShopifyEnvelope.Outcome outcome = ShopifyEnvelope.read(answer);
        if (outcome.problem() != null) {
            throw outcome.problem().toException(request);
        }
        JsonNode variants = outcome.data().path("productVariants");
        JsonNode nodes = variants.path("nodes");
        if (!nodes.isArray()) {
            throw AnswerProblem.unreadable(answer, "no productVariants nodes").toException(request);
        }
        Optional<String> onlySku = askedSku(request);
        List<ShopProduct> products = new ArrayList<>();
        for (JsonNode node : nodes) {
            ShopProduct product = product(node).orElseThrow(() -> AnswerProblem.unreadable(answer,
                    "a variant without id, product or inventory item").toException(request));
            if (onlySku.isEmpty() || onlySku.get().equals(product.sku())) {
                products.add(product);
            }
        }
        JsonNode pageInfo = variants.path("pageInfo");
        boolean last = !pageInfo.path("hasNextPage").asBoolean(false);
        String cursor = last ? null : FormatJson.text(pageInfo, "endCursor");
        return new ProductPage(request.page(), products, last || cursor == null, cursor);
    }

    private static ShopRequest request(ShopConnection connection, int page, String after, String query) {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("first", PAGE_SIZE);
        variables.put("after", after);
        variables.put("query", query);
        variables.put("location", ShopifySettings.locationGid(connection));
        return ShopifyGraphql.call(connection, ShopOperation.PRODUCTS, UUID.randomUUID().toString(), QUERY,
                variables).page(page).build();
    }

    private static Optional<ShopProduct> product(JsonNode node) {
        String variant = FormatJson.text(node, "id");
        String product = FormatJson.text(node.path("product"), "id");
        String inventoryItem = FormatJson.text(node.path("inventoryItem"), "id");
        if (variant == null || product == null || inventoryItem == null) {
            return Optional.empty();
        }
        ShopifyIds.VariantRef ref = ShopifyIds.VariantRef.of(product, variant, inventoryItem);
        String productTitle = FormatJson.text(node.path("product"), "title");
        String variantTitle = FormatJson.text(node, "title");
        String name = variantTitle == null || variantTitle.equals(DEFAULT_TITLE) ? productTitle
                : productTitle == null ? variantTitle : productTitle + " – " + variantTitle;
        return Optional.of(new ShopProduct(ref.externalId(), ref.productId(), FormatJson.text(node, "sku"),
                FormatJson.text(node, "barcode"), name, available(node), FormatJson.decimal(node, "price")));
    }

    /** The available quantity at the connection's location; null where the variant is not stocked there. */
    private static Integer available(JsonNode variant) {
        for (JsonNode quantity : variant.path("inventoryItem").path("inventoryLevel").path("quantities")) {
            JsonNode value = quantity.get("quantity");
            if (AVAILABLE.equals(FormatJson.text(quantity, "name")) && value != null && value.canConvertToInt()) {
                return value.intValue();
            }
        }
        return null;
    }

    /** The SKU a by-SKU request asked for, read back from its variables; empty for a page of the whole list. */
    private static Optional<String> askedSku(ShopRequest request) {
        return FormatJson.read(request.bodyText())
                .map(body -> FormatJson.text(body.path("variables"), "query"))
                .filter(query -> query.startsWith(SKU_FILTER + '"'))
                .map(query -> unquote(query.substring(SKU_FILTER.length() + 1, query.length() - 1)));
    }

    /** Undoes {@link #bySkuRequest}'s escaping: a backslash takes the next character as it is. */
    private static String unquote(String quoted) {
        StringBuilder sku = new StringBuilder();
        for (int i = 0; i < quoted.length(); i++) {
            char c = quoted.charAt(i);
            sku.append(c == '\\' && i + 1 < quoted.length() ? quoted.charAt(++i) : c);
        }
        return sku.toString();
    }
}
