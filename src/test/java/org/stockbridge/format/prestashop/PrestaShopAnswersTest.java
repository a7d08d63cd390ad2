package org.stockbridge.format.prestashop;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.stockbridge.format.ItemResult;
import org.stockbridge.format.ItemResults;
import org.stockbridge.format.PricePush;
import org.stockbridge.format.ShopItem;
import org.stockbridge.format.ShopRequest;
import org.stockbridge.format.StockPush;

class PrestaShopAnswersTest {

    private static final ShopItem MUG = new ShopItem("MUG-1", "42:118");

    private final ShopRequest stock = PrestaShop.FORMAT.stockRequests(PrestaShop.connection(),
            List.of(StockPush.of("MUG-1", "42:118", 5))).get(0);

    private final ShopRequest price = PrestaShop.FORMAT.pricesRequests(PrestaShop.connection(),
            List.of(PricePush.of("MUG-1", "42:118", new BigDecimal("12.50")))).get(0);

    /** What PrestaShop answers to an update: the resource as saved. */
    private static final String SAVED = """
            <?xml version="1.0" encoding="UTF-8"?>
            <prestashop xmlns:xlink="http://www.w3.org/1999/xlink">
            <stock_available>
            \t<id><![CDATA[118]]></id>
            \t<id_product xlink:href="https://shop.example.com/api/products/42"><![CDATA[42]]></id_product>
            \t<id_product_attribute><![CDATA[0]]></id_product_attribute>
            \t<id_shop xlink:href="https://shop.example.com/api/shops/1"><![CDATA[1]]></id_shop>
            \t<id_shop_group><![CDATA[0]]></id_shop_group>
            \t<quantity><![CDATA[5]]></quantity>
            \t<depends_on_stock><![CDATA[0]]></depends_on_stock>
            \t<out_of_stock><![CDATA[2]]></out_of_stock>
            \t<location><![CDATA[]]></location>
            </stock_available>
            </prestashop>
            """;

    private static String errors(String code, String message) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <prestashop xmlns:xlink="http://www.w3.org/1999/xlink">
                <errors>
                <error>
                <code><![CDATA[%s]]></code>
                <message><![CDATA[%s]]></message>
                </error>
                </errors>
                </prestashop>
                """.formatted(code, message);
    }

    @Test
    void theSavedResourceIsOk() {
        assertThat(PrestaShop.FORMAT.readResponse(stock, 200, Map.of(), SAVED).results()).containsExactly(ItemResult.ok(MUG));
    }

    @Test
    void anErrorListFailsTheItemWithPrestaShopsCodeAndMessage() {
        ItemResults notFound = PrestaShop.FORMAT.readResponse(price, 404, Map.of(),
                errors("92", "Invalid ID"));
        assertThat(notFound.results()).containsExactly(
                ItemResult.failed(MUG, "HTTP 404: PrestaShop 92: Invalid ID"));

        ItemResults badKey = PrestaShop.FORMAT.readResponse(stock, 401, Map.of(), errors("25", "Authentication key is empty"));
        assertThat(badKey.failed()).singleElement().extracting(ItemResult::reason)
                .isEqualTo("HTTP 401: PrestaShop 25: Authentication key is empty");

        ItemResults refused = PrestaShop.FORMAT.readResponse(stock, 400, Map.of(),
                errors("90", "id is required when modifying a resource"));
        assertThat(refused.failed()).singleElement().extracting(ItemResult::reason)
                .isEqualTo("HTTP 400: PrestaShop 90: id is required when modifying a resource");
    }

    @Test
    void aShopWithoutPatchFailsSayingWhichVersionIsNeeded() {
        ItemResults old = PrestaShop.FORMAT.readResponse(stock, 405, Map.of(), errors("100", "Method not allowed"));

        assertThat(old.failed()).singleElement().extracting(ItemResult::reason).isEqualTo(
                "HTTP 405: PrestaShop 100: Method not allowed (updates use PATCH, which needs PrestaShop 8 or newer)");
    }

    @Test
    void tooManyRequestsAndServerErrorsAreRetriedAfterRetryAfter() {
        ItemResults busy = PrestaShop.FORMAT.readResponse(stock, 429, Map.of("Retry-After", List.of("7")), "");
        assertThat(busy.retryable()).singleElement();
        assertThat(busy.retryAfter()).isEqualTo(Optional.of(Duration.ofSeconds(7)));

        ItemResults down = PrestaShop.FORMAT.readResponse(stock, 500, Map.of(), errors("0", "Internal error"));
        assertThat(down.retryable()).singleElement().extracting(ItemResult::reason)
                .isEqualTo("HTTP 500: PrestaShop 0: Internal error");
    }

    @Test
    void aPageThatIsNotPrestaShopXmlIsRetried() {
        ItemResults maintenance = PrestaShop.FORMAT.readResponse(stock, 200, Map.of(), "<html><body>Maintenance</body></html>");

        assertThat(maintenance.retryable()).singleElement().extracting(ItemResult::reason).asString()
                .startsWith("unreadable answer (HTTP 200): not PrestaShop XML");
    }

    @Test
    void theStockRowLookUpFailsTheItemNamingTheExternalIdItsLinkShouldHave() {
        ShopRequest lookUp = PrestaShop.FORMAT.stockRequests(PrestaShop.connection(),
                List.of(StockPush.of("MUG-1", "42", 5))).get(0);
        String rows = """
                <?xml version="1.0" encoding="UTF-8"?>
                <prestashop xmlns:xlink="http://www.w3.org/1999/xlink">
                <stock_availables>
                <stock_available><id><![CDATA[118]]></id><id_product><![CDATA[42]]></id_product><id_shop><![CDATA[1]]></id_shop></stock_available>
                </stock_availables>
                </prestashop>
                """;

        ItemResults results = PrestaShop.FORMAT.readResponse(lookUp, 200, Map.of(), rows);

        assertThat(results.failed()).singleElement().extracting(ItemResult::reason).isEqualTo(
                "the link of MUG-1 names product 42 but not its stock_available id, which PrestaShop updates stock by; "
                        + "link it as 42:118 (or relink it from the product list)");

        ItemResults none = PrestaShop.FORMAT.readResponse(lookUp, 200, Map.of(),
                "<prestashop><stock_availables/></prestashop>");
        assertThat(none.failed()).singleElement().extracting(ItemResult::reason).asString()
                .endsWith("PrestaShop has no stock row for that product");
    }

    @Test
    void anAnswerWithADoctypeIsNotRead() {
        String hostile = "<?xml version=\"1.0\"?><!DOCTYPE prestashop [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<prestashop><stock_available><id>&x;</id></stock_available></prestashop>";

        assertThat(PrestaShop.FORMAT.readResponse(stock, 200, Map.of(), hostile).retryable()).singleElement();
    }
}
