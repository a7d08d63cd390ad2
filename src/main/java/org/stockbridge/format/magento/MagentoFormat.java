package org.stockbridge.format.magento;

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
import org.stockbridge.format.ShopOperation;
import org.stockbridge.format.ShopRequest;
import org.stockbridge.format.StockPush;

/** The {@code magento} format; see the package description. */
@Component
public class MagentoFormat implements ShopFormat, ProductCatalog {

    public static final String NAME = "magento";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<FormatSetting> settings() {
        return MagentoSettings.SETTINGS;
    }

    @Override
    public RateLimit rateLimit(ShopConnection connection) {
        return MagentoSettings.rateLimit(connection);
    }

    @Override
    public List<ShopRequest> stockRequests(ShopConnection connection, List<StockPush> pushes) {
        return MagentoUpdates.stock(connection, pushes);
    }

    @Override
    public List<ShopRequest> pricesRequests(ShopConnection connection, List<PricePush> pushes) {
        return MagentoUpdates.prices(connection, pushes);
    }

    @Override
    public ItemResults readResponse(ShopRequest request, int status, Map<String, List<String>> headers, String body) {
        ShopAnswer answer = new ShopAnswer(status, headers, body);
        return request.operation() == ShopOperation.PRICES
                ? MagentoAnswers.prices(request, answer)
                : MagentoAnswers.stock(request, answer);
    }

    @Override
    public ShopRequest productPageRequest(ShopConnection connection, int page) {
        return MagentoProductList.pageRequest(connection, page);
    }

    /**
     * Prices are read from the product list at the global scope, so only a connection that sets them there (store
     * 0) can be compared; quantities come from the source items ({@link #valuesRequests}).
     */
    @Override
    public boolean showsValues(ShopConnection connection) {
        return connection.integer(MagentoSettings.STORE_ID) == 0;
    }

    @Override
    public List<ShopRequest> valuesRequests(ShopConnection connection, ProductPage listed) {
        return MagentoProductList.sourceItemsRequests(connection, listed);
    }

    @Override
    public ShopRequest productBySkuRequest(ShopConnection connection, String sku) {
        return MagentoProductList.bySkuRequest(connection, sku);
    }

    @Override
    public ProductPage readProducts(ShopRequest request, int status, Map<String, List<String>> headers, String body) {
        return MagentoProductList.read(request, new ShopAnswer(status, headers, body));
    }
}
