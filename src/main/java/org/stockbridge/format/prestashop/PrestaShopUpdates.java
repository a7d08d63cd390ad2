package org.stockbridge.format.prestashop;

import java.util.List;

import org.stockbridge.format.PricePush;
import org.stockbridge.format.ShopConnection;
import org.stockbridge.format.ShopOperation;
import org.stockbridge.format.ShopRequest;
import org.stockbridge.format.StockPush;

/**
 * One request per value, as the webservice updates one resource at a time. The body names only the fields that
 * change, plus {@code id}, which PrestaShop requires in the body of an update ("id is required when modifying a
 * resource").
 */
final class PrestaShopUpdates {

    private PrestaShopUpdates() {
    }

    static List<ShopRequest> stock(ShopConnection connection, List<StockPush> pushes) {
        return pushes.stream().map(push -> stock(connection, push)).toList();
    }

    static List<ShopRequest> prices(ShopConnection connection, List<PricePush> pushes) {
        return pushes.stream().map(push -> {
            String product = PrestaShopIds.parse(push.externalId()).product();
            return PrestaShopRequests.request(connection, ShopOperation.PRICES)
                    .patch(PrestaShopRequests.PRODUCTS + "/" + PrestaShopRequests.encode(product))
                    .body(PrestaShopXml.resource("product",
                            PrestaShopXml.fields("id", product, "price", push.price().toPlainString())),
                            PrestaShopXml.CONTENT_TYPE)
                    .items(List.of(push.item()))
                    .build();
        }).toList();
    }

    /**
     * A link without the stock_available id cannot be updated; instead of guessing, the request asks PrestaShop for
     * the product's stock row, and the answer fails the item with the external id the link should have.
     */
    private static ShopRequest stock(ShopConnection connection, StockPush push) {
        PrestaShopIds ids = PrestaShopIds.parse(push.externalId());
        ShopRequest.Builder request = PrestaShopRequests.request(connection, ShopOperation.STOCK).items(List.of(push.item()));
        if (ids.stockAvailable() == null) {
            return request.get(stockRowsOf(ids.product())).build();
        }
        return request.patch(PrestaShopRequests.STOCK_AVAILABLES + "/" + PrestaShopRequests.encode(ids.stockAvailable()))
                .body(PrestaShopXml.resource("stock_available",
                        PrestaShopXml.fields("id", ids.stockAvailable(), "quantity", String.valueOf(push.quantity()))),
                        PrestaShopXml.CONTENT_TYPE)
                .build();
    }

    /** The product's own stock row (not its combinations'): {@code id_product_attribute} 0. */
    static String stockRowsOf(String product) {
        return PrestaShopRequests.STOCK_AVAILABLES
                + "?filter" + PrestaShopRequests.encode("[id_product]") + "=" + PrestaShopRequests.encode("[" + product + "]")
                + "&filter" + PrestaShopRequests.encode("[id_product_attribute]") + "=" + PrestaShopRequests.encode("[0]")
                + "&display=" + PrestaShopRequests.encode("[id,id_product,id_shop]");
    }
}
