package org.stockbridge.format.baselinker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.stockbridge.format.ItemOutcome;
import org.stockbridge.format.ItemResult;
import org.stockbridge.format.ItemResults;
import org.stockbridge.format.NewProduct;
import org.stockbridge.format.ShopItem;
import org.stockbridge.format.ShopRequest;

/** products-to-shop for BaseLinker: one addInventoryProduct call per product. */
class BaseLinkerProductCreateTest {

    @Test
    void eachNewProductIsOneAddInventoryProductCallWithoutProductId() {
        List<ShopRequest> requests = BaseLinker.FORMAT.createRequests(BaseLinker.connection(), List.of(
                new NewProduct("MUG-1", "5901234123457", "Mug"), new NewProduct("CAP-2", null, null)));

        assertThat(requests).hasSize(2);
        assertThat(requests.get(0).headers()).containsEntry("X-BLToken", BaseLinker.TOKEN);
        assertThat(BaseLinker.form(requests.get(0))).containsExactly(
                Map.entry("method", "addInventoryProduct"),
                Map.entry("parameters", "{\"inventory_id\":307,\"product_id\":\"\",\"sku\":\"MUG-1\","
                        + "\"ean\":\"5901234123457\",\"text_fields\":{\"name\":\"Mug\"}}"));
        assertThat(BaseLinker.form(requests.get(1)).get("parameters")).isEqualTo(
                "{\"inventory_id\":307,\"product_id\":\"\",\"sku\":\"CAP-2\",\"text_fields\":{\"name\":\"CAP-2\"}}");
        assertThat(requests).extracting(ShopRequest::items).containsExactly(
                List.of(new ShopItem("MUG-1", null)), List.of(new ShopItem("CAP-2", null)));
    }

    @Test
    void theAnswersProductIdIsTheNewId() {
        ShopRequest request = BaseLinker.FORMAT.createRequests(BaseLinker.connection(),
                List.of(new NewProduct("MUG-1", null, "Mug"))).get(0);

        ItemResults results = BaseLinker.FORMAT.readCreated(request, 200, Map.of(),
                "{\"status\":\"SUCCESS\",\"product_id\":2685,\"warnings\":{}}");

        assertThat(results.results()).containsExactly(ItemResult.ok(new ShopItem("MUG-1", "2685")));
    }

    @Test
    void anErrorAnswerFailsTheProductWithBaseLinkersReason() {
        ShopRequest request = BaseLinker.FORMAT.createRequests(BaseLinker.connection(),
                List.of(new NewProduct("MUG-1", null, "Mug"))).get(0);

        ItemResults refused = BaseLinker.FORMAT.readCreated(request, 200, Map.of(),
                "{\"status\":\"ERROR\",\"error_code\":\"ERROR_PRODUCT_SKU_EXISTS\",\"error_message\":\"SKU already exists\"}");
        ItemResults unclear = BaseLinker.FORMAT.readCreated(request, 200, Map.of(), "{\"status\":\"SUCCESS\"}");

        assertThat(refused.failed()).extracting(ItemResult::reason)
                .containsExactly("BaseLinker ERROR_PRODUCT_SKU_EXISTS: SKU already exists");
        assertThat(unclear.results()).extracting(ItemResult::outcome).containsExactly(ItemOutcome.RETRYABLE);
        assertThat(unclear.results().get(0).item().externalId()).isNull();
    }
}
