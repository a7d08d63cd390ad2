package org.stockbridge.format.woocommerce;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.stockbridge.format.FormatSetting;
import org.stockbridge.format.ItemResults;
import org.stockbridge.format.PricePush;
import org.stockbridge.format.NewProduct;
import org.stockbridge.format.ProductCatalog;
import org.stockbridge.format.ProductExport;
import org.stockbridge.format.ProductPage;
import org.stockbridge.format.RateLimit;
import org.stockbridge.format.ShopAnswer;
import org.stockbridge.format.ShopConnection;
import org.stockbridge.format.ShopFormat;
import org.stockbridge.format.ShopOperation;
import org.stockbridge.format.ShopRequest;
import org.stockbridge.format.StockPush;

/** The {@code woocommerce} format; see the package description. */
@Component
public class WooCommerceFormat implements ShopFormat, ProductCatalog, ProductExport {

    public static final String NAME = "woocommerce";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<FormatSetting> settings() {
        return WooCommerceSettings.SETTINGS;
    }

    @Override
    public RateLimit rateLimit(ShopConnection connection) {
        return WooCommerceSettings.rateLimit(connection);
    }

    /** {@code stock_quantity} only counts when the product manages stock, so every update turns that on. */
    @Override
    public List<ShopRequest> stockRequests(ShopConnection connection, List<StockPush> pushes) {
        return WooBatchRequests.build(connection, ShopOperation.STOCK, pushes, push -> {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("stock_quantity", push.quantity());
            fields.put("manage_stock", true);
            return fields;
        });
    }

    /** WooCommerce takes prices as decimal strings ({@code "49.99"}). */
    @Override
    public List<ShopRequest> pricesRequests(ShopConnection connection, List<PricePush> pushes) {
        return WooBatchRequests.build(connection, ShopOperation.PRICES, pushes,
                push -> Map.of("regular_price", push.price().toPlainString()));
    }

    @Override
    public ItemResults readResponse(ShopRequest request, int status, Map<String, List<String>> headers, String body) {
        return WooBatchAnswer.read(request, new ShopAnswer(status, headers, body));
    }

    @Override
    public ShopRequest productPageRequest(ShopConnection connection, int page) {
        return WooProductList.pageRequest(connection, page);
    }

    /** {@code stock_quantity} (when managed) and {@code regular_price}. */
    @Override
    public boolean showsValues(ShopConnection connection) {
        return true;
    }

    @Override
    public ShopRequest nextPageRequest(ShopConnection connection, ProductPage previous) {
        return WooProductList.nextRequest(connection, previous);
    }

    @Override
    public ShopRequest productBySkuRequest(ShopConnection connection, String sku) {
        return WooProductList.bySkuRequest(connection, sku);
    }

    @Override
    public ProductPage readProducts(ShopRequest request, int status, Map<String, List<String>> headers, String body) {
        return WooProductList.read(request, new ShopAnswer(status, headers, body));
    }

    @Override
    public List<ShopRequest> createRequests(ShopConnection connection, List<NewProduct> products) {
        return WooProductCreate.build(connection, products);
    }

    @Override
    public ItemResults readCreated(ShopRequest request, int status, Map<String, List<String>> headers, String body) {
        return WooBatchAnswer.readCreated(request, new ShopAnswer(status, headers, body));
    }
}
