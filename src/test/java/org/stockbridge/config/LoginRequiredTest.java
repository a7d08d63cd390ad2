package org.stockbridge.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.stockbridge.HubTest;
import org.stockbridge.Skus;

/** Outside the local default, Hawtio, Actuator's sensitive endpoints and the admin API require the operator login. */
@HubTest
@TestPropertySource(properties = {"stockbridge.security.login-required=true", "stockbridge.admin.username=operator",
        "stockbridge.admin.password=test-only-password"})
class LoginRequiredTest {

    @Autowired
    TestRestTemplate http;

    private TestRestTemplate operator() {
        return http.withBasicAuth("operator", "test-only-password");
    }

    @Test
    void anonymousCallersAreRefusedEverywhereButHealth() {
        assertThat(http.getForEntity("/api/warehouses", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.getForEntity("/actuator/prometheus", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.postForEntity("/actuator/jolokia", "{\"type\":\"version\"}", String.class).getStatusCode().is2xxSuccessful()).isFalse();
        var hawtio = http.getForEntity("/actuator/hawtio/", String.class);
        assertThat(hawtio.getBody()).as("a browser is sent to the login page").contains("Please sign in").doesNotContain("<title>Hawtio");
        assertThat(http.getForEntity("/v3/api-docs", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.getForEntity("/actuator/health", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void aWrongPasswordIsRefused() {
        assertThat(http.withBasicAuth("operator", "guess").getForEntity("/api/warehouses", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void theOperatorReadsAndWritesWithHttpBasic() {
        String sku = Skus.fresh("SEC");
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        var created = operator().exchange("/api/products/" + sku, HttpMethod.PUT, new HttpEntity<>("{\"name\":\"x\"}", headers), String.class);

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(operator().getForEntity("/api/warehouses", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(operator().getForEntity("/actuator/hawtio/", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        var records = operator().getForEntity("/api/sync-records?sku=" + sku, String.class);
        assertThat(records.getStatusCode()).isEqualTo(HttpStatus.OK);
    }
}
