package org.stockbridge.links;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.stockbridge.format.ShopAnswer;
import org.stockbridge.format.ShopAnswerException;
import org.stockbridge.format.ShopProduct;
import org.stockbridge.format.ShopRequest;
import org.stockbridge.format.woocommerce.WooCommerceFormat;
import org.stockbridge.push.OutboundShop;

/** The walk through a shop's product list, with the real WooCommerce format reading the pages. */
class CatalogReadTest {

    private static final WooCommerceFormat WOO = new WooCommerceFormat();
    private static final OutboundShop SHOP = new OutboundShop("woo-main", WOO, WOO.connect("woo-main",
            Map.of("baseUrl", "https://shop.example.com", "consumerKey", "ck_1", "consumerSecret", "cs_1")),
            false, "main", null);

    @Test
    void asksPageAfterPageUntilTheLastAndCountsAProductSeenTwiceOnce() {
        CatalogRead read = new CatalogRead(SHOP, WOO);

        ShopRequest first = read.nextRequest();
        read.read(first, page(3, "[{\"id\":1,\"sku\":\"A\"},{\"id\":2,\"sku\":\"B\"}]"));
        ShopRequest second = read.nextRequest();
        read.read(second, page(3, "[{\"id\":2,\"sku\":\"B\"},{\"id\":3,\"sku\":\"C\"}]"));
        assertThat(read.more()).isTrue();
        ShopRequest third = read.nextRequest();
        read.read(third, page(3, "[]"));

        assertThat(List.of(first.page(), second.page(), third.page())).containsExactly(1, 2, 3);
        assertThat(read.more()).isFalse();
        assertThat(read.products()).extracting(ShopProduct::externalId).containsExactly("1", "2", "3");
    }

    @Test
    void aShopThatIgnoresThePageNumberStopsTheWalkWithAClearError() {
        CatalogRead read = new CatalogRead(SHOP, WOO);
        read.read(read.nextRequest(), page(9, "[{\"id\":1,\"sku\":\"A\"}]"));

        ShopAnswerException e = catchThrowableOfType(ShopAnswerException.class,
                () -> read.read(read.nextRequest(), page(9, "[{\"id\":1,\"sku\":\"A\"}]")));

        assertThat(e.getMessage()).isEqualTo("connection 'woo-main': page 2 of the product list repeats products of "
                + "earlier pages only; the shop seems to ignore the page number");
        assertThat(e.retryable()).isFalse();
    }

    private static ShopAnswer page(int totalPages, String body) {
        return new ShopAnswer(200, Map.of("X-WP-TotalPages", List.of(String.valueOf(totalPages))), body);
    }
}
