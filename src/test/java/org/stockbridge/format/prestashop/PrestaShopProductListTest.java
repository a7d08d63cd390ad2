package org.stockbridge.format.prestashop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.stockbridge.format.ProductPage;
import org.stockbridge.format.ShopAnswerException;
import org.stockbridge.format.ShopProduct;
import org.stockbridge.format.ShopRequest;

class PrestaShopProductListTest {

    /** Shaped like {@code GET /api/products?display=full}: multilingual names, associations with the stock rows. */
    private static final String PAGE = """
            <?xml version="1.0" encoding="UTF-8"?>
            <prestashop xmlns:xlink="http://www.w3.org/1999/xlink">
            <products>
            <product>
            \t<id><![CDATA[42]]></id>
            \t<id_manufacturer xlink:href="https://shop.example.com/api/manufacturers/1"><![CDATA[1]]></id_manufacturer>
            \t<reference><![CDATA[MUG-1]]></reference>
            \t<ean13><![CDATA[5901234123457]]></ean13>
            \t<price><![CDATA[24.000000]]></price>
            \t<name><language id="1" xlink:href="https://shop.example.com/api/languages/1"><![CDATA[Mug]]></language><language id="2"><![CDATA[Kubek]]></language></name>
            \t<associations>
            \t<categories nodeType="category" api="categories"><category><id><![CDATA[2]]></id></category></categories>
            \t<stock_availables nodeType="stock_available" api="stock_availables">
            \t<stock_available xlink:href="https://shop.example.com/api/stock_availables/118"><id><![CDATA[118]]></id><id_product_attribute><![CDATA[0]]></id_product_attribute></stock_available>
            \t</stock_availables>
            \t</associations>
            </product>
            <product>
            \t<id><![CDATA[43]]></id>
            \t<reference><![CDATA[TEE-1]]></reference>
            \t<ean13><![CDATA[]]></ean13>
            \t<name><language id="1"><![CDATA[T-shirt]]></language></name>
            \t<associations>
            \t<stock_availables nodeType="stock_available" api="stock_availables">
            \t<stock_available><id><![CDATA[121]]></id><id_product_attribute><![CDATA[7]]></id_product_attribute></stock_available>
            \t<stock_available><id><![CDATA[120]]></id><id_product_attribute><![CDATA[0]]></id_product_attribute></stock_available>
            \t</stock_availables>
            \t</associations>
            </product>
            </products>
            </prestashop>
            """;

    @Test
    void pageRequestAsksForAHundredFullProductsByOffsetSortedById() {
        ShopRequest request = PrestaShop.FORMAT.productPageRequest(PrestaShop.connection(), 3);

        assertThat(request.method()).isEqualTo("GET");
        assertThat(URLDecoder.decode(request.path(), StandardCharsets.UTF_8))
                .isEqualTo("/api/products?display=full&sort=[id_ASC]&limit=200,100");
        assertThat(request.path()).doesNotContain("[").doesNotContain("]");
        assertThat(request.headers()).containsEntry("Authorization", PrestaShop.BASIC);
    }

    @Test
    void skuLookupFiltersByReference() {
        assertThat(URLDecoder.decode(PrestaShop.FORMAT.productBySkuRequest(PrestaShop.connection(), "MUG 1").path(),
                StandardCharsets.UTF_8)).isEqualTo("/api/products?display=full&filter[reference]=[MUG 1]");
    }

    @Test
    void readsReferenceAsSkuAndLinksWithTheProductsOwnStockRow() {
        ProductPage page = PrestaShop.FORMAT.readProducts(PrestaShop.FORMAT.productPageRequest(PrestaShop.connection(), 1),
                200, Map.of(), PAGE);

        assertThat(page.products()).containsExactly(
                new ShopProduct("42:118", null, "MUG-1", "5901234123457", "Mug", null, new BigDecimal("24.000000")),
                new ShopProduct("43:120", null, "TEE-1", null, "T-shirt"));
        assertThat(page.last()).isTrue();
    }

    @Test
    void aPagesQuantitiesAreAskedForItsStockRowsAndReadAsStockOnly() {
        ProductPage listed = new ProductPage(2, List.of(new ShopProduct("42:118", null, "MUG-1", null, "Mug"),
                new ShopProduct("44", null, "BY-HAND", null, "Linked by hand"), new ShopProduct("43:120", null, "TEE-1", null, "T")), false);

        ShopRequest request = PrestaShop.FORMAT.valuesRequests(PrestaShop.connection(), listed).get(0);

        assertThat(request.method()).isEqualTo("GET");
        assertThat(URLDecoder.decode(request.path(), StandardCharsets.UTF_8))
                .isEqualTo("/api/stock_availables?display=[id,id_product,quantity]&filter[id]=[118|120]");
        assertThat(request.path()).doesNotContain("[").doesNotContain("|");
        assertThat(request.page()).isEqualTo(2);

        ProductPage values = PrestaShop.FORMAT.readProducts(PrestaShop.connection(), request, 200, Map.of(), """
                <?xml version="1.0" encoding="UTF-8"?>
                <prestashop xmlns:xlink="http://www.w3.org/1999/xlink"><stock_availables>
                <stock_available><id><![CDATA[118]]></id><id_product><![CDATA[42]]></id_product><quantity><![CDATA[7]]></quantity></stock_available>
                <stock_available><id><![CDATA[120]]></id><id_product><![CDATA[43]]></id_product><quantity><![CDATA[-2]]></quantity></stock_available>
                </stock_availables></prestashop>""");
        assertThat(values.products()).containsExactly(new ShopProduct("42:118", null, null, null, null, 7, null),
                new ShopProduct("43:120", null, null, null, null, -2, null));
        assertThat(PrestaShop.FORMAT.valuesRequests(PrestaShop.connection(), new ProductPage(1,
                List.of(new ShopProduct("44", null, "BY-HAND", null, "x")), true))).as("no stock row to ask for").isEmpty();
    }

    @Test
    void anEmptyListIsTheLastPageAndABadKeyIsAnError() {
        ProductPage empty = PrestaShop.FORMAT.readProducts(PrestaShop.FORMAT.productPageRequest(PrestaShop.connection(), 2),
                200, Map.of(), "<?xml version=\"1.0\"?><prestashop><products/></prestashop>");
        assertThat(empty.products()).isEmpty();
        assertThat(empty.last()).isTrue();

        ShopAnswerException e = catchThrowableOfType(() -> PrestaShop.FORMAT.readProducts(
                PrestaShop.FORMAT.productPageRequest(PrestaShop.connection(), 1), 401, Map.of(),
                "<prestashop><errors><error><code><![CDATA[20]]></code><message><![CDATA[Authentication key does not exist]]>"
                        + "</message></error></errors></prestashop>"), ShopAnswerException.class);
        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).startsWith("connection 'presta-main', GET /api/products?display=full")
                .endsWith("HTTP 401: PrestaShop 20: Authentication key does not exist").doesNotContain(PrestaShop.KEY);
    }
}
