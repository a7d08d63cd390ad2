package org.stockbridge.format.prestashop;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.stockbridge.format.AnswerProblem;
import org.stockbridge.format.FormatJson;
import org.stockbridge.format.ProductPage;
import org.stockbridge.format.ShopAnswer;
import org.stockbridge.format.ShopConnection;
import org.stockbridge.format.ShopOperation;
import org.stockbridge.format.ShopProduct;
import org.stockbridge.format.ShopRequest;
import org.w3c.dom.Element;

/**
 * The shop's products for linking. {@code display=full} rather than a field list such as
 * {@code [id,reference,ean13,name]}: only the full view carries the {@code stock_availables} association, which
 * gives the stock row's id that every stock update needs — so a link made from this list is complete
 * ({@code 42:118}). Pages are {@code limit=offset,count} sorted by id; a short page is the last. The SKU is the
 * product's {@code reference}; the name is the first language's.
 * <p>
 * For reconciliation a page shows each product's {@code price} (tax excluded, what the hub sets); the quantities
 * live in the {@code stock_availables} resource, asked for the page's stock rows in a second request
 * ({@link #stockRowsRequest}).
 */
final class PrestaShopProductList {

    static final int PAGE_SIZE = 100;

    private PrestaShopProductList() {
    }

    static ShopRequest pageRequest(ShopConnection connection, int page) {
        if (page < 1) {
            throw new IllegalArgumentException("pages count from 1, was " + page);
        }
        return list(connection, "&sort=" + PrestaShopRequests.encode("[id_ASC]")
                + "&limit=" + PrestaShopRequests.encode((page - 1) * PAGE_SIZE + "," + PAGE_SIZE)).page(page).build();
    }

    /**
     * The quantities of the listed page's stock rows ({@code GET /api/stock_availables}, {@code filter[id]=[118|120]});
     * empty when no listed product names its stock row (links made by hand carry the product id only).
     */
    static Optional<ShopRequest> stockRowsRequest(ShopConnection connection, ProductPage listed) {
        List<String> rows = listed.products().stream().map(product -> PrestaShopIds.parse(product.externalId()).stockAvailable())
                .filter(row -> row != null).toList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(PrestaShopRequests.request(connection, ShopOperation.PRODUCTS)
                .get(PrestaShopRequests.STOCK_AVAILABLES + "?display=" + PrestaShopRequests.encode("[id,id_product,quantity]")
                        + "&filter" + PrestaShopRequests.encode("[id]") + "=" + PrestaShopRequests.encode("[" + String.join("|", rows) + "]"))
                .page(listed.page())
                .build());
    }

    static ShopRequest bySkuRequest(ShopConnection connection, String sku) {
        return list(connection, "&filter" + PrestaShopRequests.encode("[reference]") + "="
                + PrestaShopRequests.encode("[" + sku + "]")).page(1).build();
    }

    private static ShopRequest.Builder list(ShopConnection connection, String query) {
        return PrestaShopRequests.request(connection, ShopOperation.PRODUCTS)
                .get(PrestaShopRequests.PRODUCTS + "?display=full" + query);
    }

    static ProductPage read(ShopRequest request, ShopAnswer answer) {
        Optional<AnswerProblem> problem = PrestaShopAnswers.problem(answer);
        if (problem.isPresent()) {
            throw problem.get().toException(request);
        }
        if (request.path().startsWith(PrestaShopRequests.STOCK_AVAILABLES)) {
            return stockRows(request, answer);
        }
        Element list = PrestaShopXml.root(answer.body()).map(root -> PrestaShopXml.child(root, "products")).orElse(null);
        if (list == null) {
            throw AnswerProblem.unreadable(answer, "no products list").toException(request);
        }
        List<ShopProduct> products = new ArrayList<>();
        for (Element product : PrestaShopXml.children(list, "product")) {
            String id = PrestaShopXml.text(PrestaShopXml.child(product, "id"));
            products.add(new ShopProduct(PrestaShopIds.externalId(id, ownStockRow(product)), null,
                    PrestaShopXml.text(PrestaShopXml.child(product, "reference")),
                    PrestaShopXml.text(PrestaShopXml.child(product, "ean13")), name(product), null,
                    FormatJson.decimal(PrestaShopXml.text(PrestaShopXml.child(product, "price")))));
        }
        boolean bySku = request.path().contains("filter");
        return new ProductPage(request.page(), products, bySku || products.size() < PAGE_SIZE);
    }

    /** Stock rows as products that show a quantity and no price, under the external id a link made from the list has. */
    private static ProductPage stockRows(ShopRequest request, ShopAnswer answer) {
        Element list = PrestaShopXml.root(answer.body()).map(root -> PrestaShopXml.child(root, "stock_availables")).orElse(null);
        if (list == null) {
            throw AnswerProblem.unreadable(answer, "no stock_availables list").toException(request);
        }
        List<ShopProduct> rows = new ArrayList<>();
        for (Element row : PrestaShopXml.children(list, "stock_available")) {
            String id = PrestaShopXml.text(PrestaShopXml.child(row, "id"));
            String product = PrestaShopXml.text(PrestaShopXml.child(row, "id_product"));
            String quantity = PrestaShopXml.text(PrestaShopXml.child(row, "quantity"));
            if (id != null && product != null && quantity != null && quantity.matches("-?\\d+")) {
                rows.add(new ShopProduct(PrestaShopIds.externalId(product, id), null, null, null, null,
                        Integer.valueOf(quantity), null));
            }
        }
        return new ProductPage(request.page(), rows, true);
    }

    /** The id of the product's own stock row ({@code id_product_attribute} 0), or null when the answer has none. */
    private static String ownStockRow(Element product) {
        Element rows = PrestaShopXml.child(PrestaShopXml.child(product, "associations"), "stock_availables");
        if (rows == null) {
            return null;
        }
        for (Element row : PrestaShopXml.children(rows, "stock_available")) {
            String combination = PrestaShopXml.text(PrestaShopXml.child(row, "id_product_attribute"));
            if (combination == null || combination.equals("0")) {
                return PrestaShopXml.text(PrestaShopXml.child(row, "id"));
            }
        }
        return null;
    }

    /** Multilingual fields come as {@code <name><language id="1">…</language>…</name>}. */
    private static String name(Element product) {
        Element name = PrestaShopXml.child(product, "name");
        List<Element> languages = PrestaShopXml.children(name, "language");
        return PrestaShopXml.text(languages.isEmpty() ? name : languages.get(0));
    }
}
