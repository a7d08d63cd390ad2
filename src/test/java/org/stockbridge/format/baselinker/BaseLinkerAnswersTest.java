package org.stockbridge.format.baselinker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.stockbridge.format.ItemOutcome;
import org.stockbridge.format.ItemResult;
import org.stockbridge.format.ItemResults;
import org.stockbridge.format.ShopItem;
import org.stockbridge.format.ShopRequest;
import org.stockbridge.format.StockPush;

class BaseLinkerAnswersTest {

    private final ShopRequest request = BaseLinker.FORMAT.stockRequests(BaseLinker.connection(), List.of(
            StockPush.of("MUG-1", "2685", 5),
            StockPush.of("MUG-2", "2686", 3),
            StockPush.of("GONE-1", "9999", 1))).get(0);

    private static final ShopItem MUG_1 = new ShopItem("MUG-1", "2685");
    private static final ShopItem MUG_2 = new ShopItem("MUG-2", "2686");
    private static final ShopItem GONE_1 = new ShopItem("GONE-1", "9999");

    private ItemResults read(int status, Map<String, List<String>> headers, String body) {
        return BaseLinker.FORMAT.readResponse(request, status, headers, body);
    }

    @Test
    void successWithoutWarningsIsOkForEveryItem() {
        ItemResults results = read(200, Map.of(), "{\"status\":\"SUCCESS\",\"counter\":3,\"warnings\":[]}");

        assertThat(results.results()).containsExactly(ItemResult.ok(MUG_1), ItemResult.ok(MUG_2), ItemResult.ok(GONE_1));
        assertThat(results.allOk()).isTrue();
    }

    @Test
    void aWarnedProductFailedWithTheWarningTheOthersAreOk() {
        ItemResults results = read(200, Map.of(), """
                {
                  "status": "SUCCESS",
                  "counter": 2,
                  "warnings": {
                    "9999": "Product with ID 9999 does not exist in this catalog"
                  }
                }
                """);

        assertThat(results.results()).containsExactly(
                ItemResult.ok(MUG_1),
                ItemResult.ok(MUG_2),
                ItemResult.failed(GONE_1, "BaseLinker warning: Product with ID 9999 does not exist in this catalog"));
    }

    @Test
    void errorFailsEveryItemWithTheErrorCode() {
        ItemResults results = read(200, Map.of(), """
                {"status": "ERROR", "error_code": "ERROR_BAD_TOKEN", "error_message": "Invalid user token"}
                """);

        assertThat(results.failed()).hasSize(3).extracting(ItemResult::reason)
                .containsOnly("BaseLinker ERROR_BAD_TOKEN: Invalid user token");
    }

    @Test
    void aTokenBlockedForGoingOverTheLimitIsRetryable() {
        ItemResults results = read(200, Map.of(), """
                {"status": "ERROR", "error_code": "ERROR_BLOCKED_TOKEN", "error_message": "Token blocked due to exceeded limit of requests"}
                """);

        assertThat(results.retryable()).hasSize(3).extracting(ItemResult::reason)
                .containsOnly("BaseLinker ERROR_BLOCKED_TOKEN: Token blocked due to exceeded limit of requests");
    }

    @Test
    void tooManyRequestsAndServerErrorsMakeEveryItemRetryable() {
        ItemResults limited = read(429, Map.of("Retry-After", List.of("60")), "");
        ItemResults down = read(502, Map.of(), "<html><body>Bad Gateway</body></html>");

        assertThat(limited.results()).extracting(ItemResult::outcome).containsOnly(ItemOutcome.RETRYABLE).hasSize(3);
        assertThat(limited.retryAfter()).contains(Duration.ofMinutes(1));
        assertThat(down.retryable()).extracting(ItemResult::reason)
                .containsOnly("HTTP 502: <html><body>Bad Gateway</body></html>");
    }

    @Test
    void anAnswerWithoutStatusIsRetryable() {
        ItemResults results = read(200, Map.of(), "{\"counter\":3}");

        assertThat(results.retryable()).hasSize(3).extracting(ItemResult::reason)
                .containsOnly("unreadable answer (HTTP 200): no status SUCCESS or ERROR; body starts: {\"counter\":3}");
    }
}
