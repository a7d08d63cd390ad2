package org.stockbridge.links;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.stockbridge.hub.HubService;

/** A links test against a WireMock shop: the hub, its admin API, and the stand-in's stubs and journal reset per test. */
abstract class ShopStandInTest {

    @Autowired
    HubService hub;

    @Autowired
    TestRestTemplate http;

    @Autowired
    ObjectMapper json;

    LinkApi api;

    /** The stand-in shop of the test class. */
    abstract WireMockServer shop();

    @BeforeEach
    void api() {
        api = new LinkApi(http, json);
    }

    @AfterEach
    void forgetStubsAndRequests() {
        shop().resetAll();
    }
}
