package org.stockbridge.format.woocommerce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.stockbridge.format.PagedProductApi.Page;
import org.stockbridge.format.PagedProductApi.PageRequest;
import org.stockbridge.format.PagedProductApi.Parent;
import org.stockbridge.format.UnexpectedAnswerException;

/** The WooCommerce products API as api-to-hub pulls it: requests, and what a page says. */
class WooCommerceProductsTest {

    private static final WooCommerceProducts API = new WooCommerceProducts("ck_test", "cs_test", 2, true);

    @Test
    void aPullAsksInGmtAfterItsCursorAndContinuesInTheShopsLocalTime() {
        PageRequest first = API.request("2024-05-01T10:00:02", 1);
        assertThat(first.path()).isEqualTo("/wp-json/wc/v3/products");
        assertThat(first.query()).isEqualTo("per_page=2&page=1&orderby=modified&order=asc&dates_are_gmt=true"
                + "&modified_after=2024-05-01T10:00:01");
        assertThat(first.toString()).doesNotContain("ck_test").doesNotContain("cs_test");

        PageRequest next = API.request("local:2024-05-01T12:00:02", 1);
        assertThat(next.query()).isEqualTo("per_page=2&page=1&orderby=modified&order=asc&dates_are_gmt=false"
                + "&modified_after=2024-05-01T12:00:01");

        assertThat(API.childRequest(new Parent("501", "TEE"), null, 3).path()).isEqualTo("/wp-json/wc/v3/products/501/variations");
        assertThat(API.childRequest(new Parent("501", "TEE"), null, 3).query())
                .isEqualTo("per_page=2&page=3&orderby=modified&order=asc&dates_are_gmt=true");
        assertThat(API.parentsRequest(2).query()).isEqualTo("per_page=2&page=2&type=variable&orderby=id&order=asc");
        assertThatThrownBy(() -> API.childRequest(new Parent("../orders", null), null, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aContinuationIsAfterTheCursorItContinuesAndComparesWithContinuationsByTime() {
        assertThat(API.isAfter("local:2024-05-01T08:00:00", "2024-05-01T10:00:00")).as("another clock: a first step").isTrue();
        assertThat(API.isAfter("local:2024-05-01T12:00:01", "local:2024-05-01T12:00:00")).isTrue();
        assertThat(API.isAfter("local:2024-05-01T12:00:00", "local:2024-05-01T12:00:00")).isFalse();
    }

    @Test
    void aPageNamesItsVariableProductsAndLeavesThemOutOfWhatIsTakenIn() throws Exception {
        String body = """
                [{"id": 7, "type": "simple", "sku": "MUG", "regular_price": "9.00", "manage_stock": true, "stock_quantity": 3,
                  "date_modified": "2024-05-01T12:00:00", "date_modified_gmt": "2024-05-01T10:00:00"},
                 {"id": 501, "type": "variable", "sku": "TEE", "regular_price": "", "manage_stock": true, "stock_quantity": 9,
                  "date_modified": "2024-05-01T12:00:05", "date_modified_gmt": "2024-05-01T10:00:05"}]""";

        Page page = API.read(body.getBytes(StandardCharsets.UTF_8), Map.of("X-WP-TotalPages", "4")::get, 1, null);

        assertThat(page.records()).isEqualTo(2);
        assertThat(page.appliedRecords()).isEqualTo(1);
        assertThat(page.parents()).containsExactly(new Parent("501", "TEE"));
        assertThat(page.cursor()).isEqualTo("2024-05-01T10:00:05");
        assertThat(page.continuation()).isEqualTo("local:2024-05-01T12:00:05");
        assertThat(page.last()).as("a full page before the last of four").isFalse();
        JsonNode applied = new ObjectMapper().readTree(page.applied());
        assertThat(applied).hasSize(1);
        assertThat(applied.get(0).get("sku").asText()).isEqualTo("MUG");
    }

    @Test
    void aVariationListedWithItsParentsSkuHasNoSkuOfItsOwn() throws Exception {
        String body = """
                [{"id": 5011, "sku": "TEE-S", "manage_stock": true, "stock_quantity": 4, "date_modified_gmt": "2024-05-01T10:00:00"},
                 {"id": 5012, "sku": "TEE", "manage_stock": true, "stock_quantity": 9, "date_modified_gmt": "2024-05-01T10:00:01"}]""";

        Page page = API.read(body.getBytes(StandardCharsets.UTF_8), name -> null, 1, new Parent("501", "TEE"));

        JsonNode applied = new ObjectMapper().readTree(page.applied());
        assertThat(applied.get(0).get("sku").asText()).isEqualTo("TEE-S");
        assertThat(applied.get(1).get("sku").isNull()).as("reported as a row without a key").isTrue();
        assertThat(page.appliedRecords()).isEqualTo(2);
        assertThat(page.continuation()).as("no local times listed").isNull();
    }

    @Test
    void withoutVariationsAPageIsTakenInAsItCame() {
        WooCommerceProducts plain = new WooCommerceProducts("ck", "cs", 100, false);
        byte[] body = "[{\"id\": 501, \"type\": \"variable\", \"sku\": \"TEE\"}]".getBytes(StandardCharsets.UTF_8);

        Page page = plain.read(body, name -> null, 1, null);

        assertThat(page.parents()).isEmpty();
        assertThat(page.applied()).isSameAs(body);
        assertThat(page.last()).isTrue();
    }

    @Test
    void anAnswerThatIsNotAListOfProductsSaysWhatItStartsWith() {
        assertThatThrownBy(() -> API.read("<html>Not here</html>".getBytes(StandardCharsets.UTF_8), name -> null, 1, null))
                .isInstanceOf(UnexpectedAnswerException.class)
                .hasMessageContaining("page 1 of /wp-json/wc/v3/products is not a JSON array of products")
                .hasMessageContaining("<html>Not here");
    }
}
