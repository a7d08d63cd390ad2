package org.stockbridge.format.baselinker;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.stockbridge.format.FormatSetting;
import org.stockbridge.format.InvalidSettingsException;
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

/** The {@code baselinker} format; see the package description. */
@Component
public class BaseLinkerFormat implements ShopFormat, ProductCatalog, ProductExport {

    public static final String NAME = "baselinker";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<FormatSetting> settings() {
        return BaseLinkerSettings.SETTINGS;
    }

    @Override
    public RateLimit rateLimit(ShopConnection connection) {
        return BaseLinkerSettings.rateLimit(connection);
    }

    @Override
    public List<ShopRequest> stockRequests(ShopConnection connection, List<StockPush> pushes) {
        String warehouse = connection.text(BaseLinkerSettings.WAREHOUSE_ID);
        return BaseLinkerUpdates.build(connection, ShopOperation.STOCK, "updateInventoryProductsStock", pushes,
                push -> Map.of(warehouse, push.quantity()));
    }

    /** Gross prices, as JSON numbers, into the connection's price group. */
    @Override
    public List<ShopRequest> pricesRequests(ShopConnection connection, List<PricePush> pushes) {
        if (!connection.has(BaseLinkerSettings.PRICE_GROUP_ID)) {
            throw InvalidSettingsException.of(connection.id(), NAME, BaseLinkerSettings.PRICE_GROUP_ID,
                    "is required to send prices");
        }
        String priceGroup = String.valueOf(connection.integer(BaseLinkerSettings.PRICE_GROUP_ID));
        return BaseLinkerUpdates.build(connection, ShopOperation.PRICES, "updateInventoryProductsPrices", pushes,
                push -> Map.of(priceGroup, push.price()));
    }

    @Override
    public ItemResults readResponse(ShopRequest request, int status, Map<String, List<String>> headers, String body) {
        return BaseLinkerUpdates.read(request, new ShopAnswer(status, headers, body));
    }

    @Override
    public ShopRequest productPageRequest(ShopConnection connection, int page) {
        return BaseLinkerProductList.pageRequest(connection, page);
    }

    /** The stock of every warehouse and the price of every price group. */
    @Override
    public boolean showsValues(ShopConnection connection) {
        return true;
    }

    @Override
    public ShopRequest productBySkuRequest(ShopConnection connection, String sku) {
        return BaseLinkerProductList.bySkuRequest(connection, sku);
    }

    @Override
    public ProductPage readProducts(ShopRequest request, int status, Map<String, List<String>> headers, String body) {
        return BaseLinkerProductList.read(request, new ShopAnswer(status, headers, body), null, null);
    }

    /** With the stock of the connection's warehouse and the price of its price group, which reconciliation compares. */
    @Override
    public ProductPage readProducts(ShopConnection connection, ShopRequest request, int status,
            Map<String, List<String>> headers, String body) {
        return BaseLinkerProductList.read(request, new ShopAnswer(status, headers, body),
                connection.text(BaseLinkerSettings.WAREHOUSE_ID),
                connection.has(BaseLinkerSettings.PRICE_GROUP_ID)
                        ? String.valueOf(connection.integer(BaseLinkerSettings.PRICE_GROUP_ID)) : null);
    }

    @Override
    public List<ShopRequest> createRequests(ShopConnection connection, List<NewProduct> products) {
        return BaseLinkerProductCreate.build(connection, products);
    }

    @Override
    public ItemResults readCreated(ShopRequest request, int status, Map<String, List<String>> headers, String body) {
        return BaseLinkerProductCreate.read(request, new ShopAnswer(status, headers, body));
    }
}
