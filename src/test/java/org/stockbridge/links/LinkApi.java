package org.stockbridge.links;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The admin API as the links tests call it: JSON in and out, the status checked, a product's links as text. */
final class LinkApi {

    private final TestRestTemplate http;
    private final ObjectMapper json;

    LinkApi(TestRestTemplate http, ObjectMapper json) {
        this.http = http;
        this.json = json;
    }

    JsonNode get(String path, int status) throws Exception {
        ResponseEntity<String> response = http.getForEntity(path, String.class);
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(status);
        return json.readTree(response.getBody());
    }

    JsonNode post(String path, String body, int status) throws Exception {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> response = http.postForEntity(path, new HttpEntity<>(body, headers), String.class);
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(status);
        return json.readTree(response.getBody());
    }

    /** The product's links as {@code connection=externalId/externalSku by matchedBy}, as GET /api/products/{sku} shows them. */
    List<String> links(String sku) throws Exception {
        List<String> links = new ArrayList<>();
        get("/api/products/" + sku, 200).get("links").forEach(link -> links.add(link.get("connection").asText() + "="
                + link.get("externalId").asText() + "/" + link.get("externalSku").asText() + " by "
                + link.get("matchedBy").asText()));
        return links;
    }
}
