package org.stockbridge.format.shopify;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.stockbridge.format.FormatSetting;
import org.stockbridge.format.ItemResults;
import org.stockbridge.format.PricePush;
import org.stockbridge.format.ProductCatalog;
import org.stockbridge.format.ProductPage;
import org.stockbridge.format.RateLimit;
import org.stockbridge.format.ShopAnswer;
import org.stockbridge.format.ShopConnection;
import org.stockbridge.format.ShopFormat;
import org.stockbridge.format.ShopRequest;
import org.stockbridge.format.StockPush;

/** The {@code shopify} format; see the package description. */
@Component
public class ShopifyFormat implements ShopFormat, ProductCatalog {

    public static final String NAME = "shopify";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<FormatSetting> settings() {
        return ShopifySettings.SETTINGS;
    }

    @Override
    public RateLimit rateLimit(ShopConnection connection) {
        return ShopifySettings.rateLimit(connection);
    }

    @Override
    public List<ShopRequest> stockRequests(ShopConnection connection, List<StockPush> pushes) {
        return ShopifyStock.requests(connection, pushes);
    }

    @Override
    public List<ShopRequest> pricesRequests(ShopConnection connection, List<PricePush> pushes) {
        return ShopifyPrices.requests(connection, pushes);
    }

    @Override
    public ItemResults readResponse(ShopRequest request, int status, Map<String, List<String>> headers, String body) {
        return ShopifyMutationAnswer.read(request, new ShopAnswer(status, headers, body));
    }

    @Override
    public ShopRequest productPageRequest(ShopConnection connection, int page) {
        return ShopifyProductList.pageRequest(connection, page);
    }

    /** The variant's price and its available quantity at the connection's location. */
    @Override
    public boolean showsValues(ShopConnection connection) {
        return true;
    }

    @Override
    public ShopRequest nextPageRequest(ShopConnection connection, ProductPage previous) {
        return ShopifyProductList.nextPageRequest(connection, previous);
    }

    @Override
    public ShopRequest productBySkuRequest(ShopConnection connection, String sku) {
        return ShopifyProductList.bySkuRequest(connection, sku);
    }

    @Override
    public ProductPage readProducts(ShopRequest request, int status, Map<String, List<String>> headers, String body) {
        return ShopifyProductList.read(request, new ShopAnswer(status, headers, body));
    }
}
