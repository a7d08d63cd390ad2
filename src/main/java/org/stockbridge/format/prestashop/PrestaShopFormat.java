package org.stockbridge.format.prestashop;

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
import org.stockbridge.format.ShopProduct;
import org.stockbridge.format.ShopRequest;
import org.stockbridge.format.StockPush;

/** The {@code prestashop} format; see the package description. */
@Component
public class PrestaShopFormat implements ShopFormat, ProductCatalog {

    public static final String NAME = "prestashop";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<FormatSetting> settings() {
        return PrestaShopSettings.SETTINGS;
    }

    @Override
    public RateLimit rateLimit(ShopConnection connection) {
        return PrestaShopSettings.rateLimit(connection);
    }

    @Override
    public List<ShopRequest> stockRequests(ShopConnection connection, List<StockPush> pushes) {
        return PrestaShopUpdates.stock(connection, pushes);
    }

    /** {@code price} is tax excluded in PrestaShop: the connection's price group must hold net prices. */
    @Override
    public List<ShopRequest> pricesRequests(ShopConnection connection, List<PricePush> pushes) {
        return PrestaShopUpdates.prices(connection, pushes);
    }

    @Override
    public ItemResults readResponse(ShopRequest request, int status, Map<String, List<String>> headers, String body) {
        ShopAnswer answer = new ShopAnswer(status, headers, body);
        // the only GET a push makes is the stock-row look-up for a link without the stock_available id
        return "GET".equals(request.method())
                ? PrestaShopAnswers.stockRows(request, answer)
                : PrestaShopAnswers.update(request, answer);
    }

    @Override
    public ShopRequest productPageRequest(ShopConnection connection, int page) {
        return PrestaShopProductList.pageRequest(connection, page);
    }

    /** Prices come with the product list, quantities from the page's stock rows ({@link #valuesRequests}). */
    @Override
    public boolean showsValues(ShopConnection connection) {
        return true;
    }

    /**
     * A link made by hand names the product only ({@code 42}), one made from the list its stock row too
     * ({@code 42:118}). The product's price is compared for both; its stock row's quantity only for the second, the
     * only one a stock update can be sent to.
     */
    @Override
    public List<String> linkIds(ShopProduct product) {
        PrestaShopIds ids = PrestaShopIds.parse(product.externalId());
        return ids.stockAvailable() == null || product.price() == null ? List.of(product.externalId())
                : List.of(product.externalId(), ids.product());
    }

    @Override
    public List<ShopRequest> valuesRequests(ShopConnection connection, ProductPage listed) {
        return PrestaShopProductList.stockRowsRequest(connection, listed).stream().toList();
    }

    @Override
    public ShopRequest productBySkuRequest(ShopConnection connection, String sku) {
        return PrestaShopProductList.bySkuRequest(connection, sku);
    }

    @Override
    public ProductPage readProducts(ShopRequest request, int status, Map<String, List<String>> headers, String body) {
        return PrestaShopProductList.read(request, new ShopAnswer(status, headers, body));
    }
}
