package org.stockbridge.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class AnswerProblemTest {

    private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-20T10:00:00Z"), ZoneOffset.UTC);

    private static Optional<AnswerProblem> problem(int status, Map<String, List<String>> headers, String body) {
        return AnswerProblem.ofStatus(new ShopAnswer(status, headers, body), NOW);
    }

    @Test
    void successIsLeftToTheFormat() {
        assertThat(problem(200, Map.of(), "{}")).isEmpty();
        assertThat(problem(207, Map.of(), "{}")).isEmpty();
    }

    @Test
    void tooManyRequestsIsRetryableAfterTheSecondsTheShopAsked() {
        AnswerProblem problem = problem(429, Map.of("retry-after", List.of("30")), "").orElseThrow();

        assertThat(problem.retryable()).isTrue();
        assertThat(problem.reason()).isEqualTo("HTTP 429");
        assertThat(problem.retryAfter()).contains(Duration.ofSeconds(30));
    }

    @Test
    void retryAfterAsAnHttpDate() {
        AnswerProblem problem = problem(503, Map.of("Retry-After", List.of("Fri, 20 Nov 2026 10:02:00 GMT")),
                "<html><body><h1>Service Unavailable</h1></body></html>").orElseThrow();

        assertThat(problem.retryable()).isTrue();
        assertThat(problem.retryAfter()).contains(Duration.ofMinutes(2));
        assertThat(problem.reason()).isEqualTo("HTTP 503: <html><body><h1>Service Unavailable</h1></body></html>");
    }

    @Test
    void everyServerErrorAndTimeoutIsRetryable() {
        for (int status : new int[] {408, 425, 500, 502, 503, 504}) {
            assertThat(problem(status, Map.of(), "").orElseThrow().retryable()).as("HTTP %d", status).isTrue();
        }
    }

    @Test
    void clientErrorsFailWithTheShopsCodeAndMessage() {
        AnswerProblem problem = problem(401, Map.of(),
                "{\"code\":\"woocommerce_rest_cannot_edit\",\"message\":\"Sorry, you are not allowed to edit this resource.\",\"data\":{\"status\":401}}")
                .orElseThrow();

        assertThat(problem.retryable()).isFalse();
        assertThat(problem.retryAfter()).isEmpty();
        assertThat(problem.reason())
                .isEqualTo("HTTP 401: woocommerce_rest_cannot_edit: Sorry, you are not allowed to edit this resource.");
    }

    @Test
    void longBodiesAreCutShort() {
        String page = "<p>" + "x".repeat(500) + "</p>";

        String reason = problem(404, Map.of(), page).orElseThrow().reason();

        assertThat(reason).hasSize("HTTP 404: ".length() + 200 + 1).endsWith("…");
    }

    @Test
    void resultsCarryEveryItemOfTheRequest() {
        ShopConnection connection = new TestFormat().connect("shop-1",
                Map.of("baseUrl", "https://s.example.com", "apiKey", "k"));
        ShopRequest request = ShopRequest.builder(connection, ShopOperation.STOCK).post("/x")
                .items(List.of(new ShopItem("A", "1"), new ShopItem("B", "2"))).build();

        ItemResults results = problem(502, Map.of("Retry-After", List.of("5")), "").orElseThrow().toResults(request);

        assertThat(results.results()).containsExactly(
                ItemResult.retryable(new ShopItem("A", "1"), "HTTP 502"),
                ItemResult.retryable(new ShopItem("B", "2"), "HTTP 502"));
        assertThat(results.retryAfter()).contains(Duration.ofSeconds(5));
    }
}
