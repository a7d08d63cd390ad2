package org.stockbridge.route;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.spring.junit5.DisableJmx;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.stockbridge.HubTest;

/** Operators watch routes in Hawtio: its page is served and its Camel plugin's data source (Jolokia) sees every route. */
@HubTest
@DisableJmx(false)
// Spring Boot's tests switch JMX off; the application itself runs with spring.jmx.enabled=true
@org.springframework.test.context.TestPropertySource(properties = "spring.jmx.enabled=true")
@Import(HawtioTest.ProbeRoute.class)
class HawtioTest {

    @TestConfiguration
    static class ProbeRoute {
        @Bean
        RouteBuilder probe() {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:probe").routeId("probe-to-nowhere").log("probe ${body}");
                }
            };
        }
    }

    @Autowired
    TestRestTemplate http;

    @Autowired
    ObjectMapper json;

    @Autowired
    ProducerTemplate producer;

    @Test
    void hawtioConsoleIsServed() {
        ResponseEntity<String> page = http.getForEntity("/actuator/hawtio/", String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody()).containsIgnoringCase("<title>hawtio");
    }

    @Test
    void everyRouteIsVisibleWithItsIdAndMessageCount() throws Exception {
        producer.sendBody("direct:probe", "one");
        producer.sendBody("direct:probe", "two");

        JsonNode routes = jolokia("{\"type\":\"search\",\"mbean\":\"org.apache.camel:type=routes,*\"}").get("value");
        assertThat(routes.toString()).contains("name=\\\"probe-to-nowhere\\\"");

        JsonNode probe = jolokia("{\"type\":\"read\",\"mbean\":\"org.apache.camel:context=stockbridge,type=routes,name=\\\"probe-to-nowhere\\\"\","
                + "\"attribute\":[\"RouteId\",\"ExchangesTotal\",\"State\"]}").get("value");
        assertThat(probe.get("RouteId").asText()).isEqualTo("probe-to-nowhere");
        assertThat(probe.get("ExchangesTotal").asLong()).isEqualTo(2);
        assertThat(probe.get("State").asText()).isEqualTo("Started");
    }

    @Test
    void feedProgressIsAJmxBeanHawtioShows() throws Exception {
        JsonNode progress = jolokia("{\"type\":\"read\",\"mbean\":\"stockbridge:name=feedProgress\",\"attribute\":\"Running\"}");
        assertThat(progress.get("value").isArray()).isTrue();
    }

    private JsonNode jolokia(String request) throws Exception {
        ResponseEntity<String> response = http.postForEntity("/actuator/jolokia", request, String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode body = json.readTree(response.getBody());
        assertThat(body.get("status").asInt()).as(response.getBody()).isEqualTo(200);
        return body;
    }
}
