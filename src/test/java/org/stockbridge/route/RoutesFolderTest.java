package org.stockbridge.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.stockbridge.StockbridgeApplication;
import org.stockbridge.TestDatabase;

/** An integrator adds a flow by adding a YAML file to the routes folder; a broken file stops start-up, naming it. */
class RoutesFolderTest {

    @TempDir
    Path routes;

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(StockbridgeApplication.class)
                .profiles(new TestDatabase().resolve(getClass()))
                .run("--server.port=0", "--stockbridge.routes-dir=" + routes, "--spring.main.banner-mode=off",
                        // as @SpringBootTest does: a cached test context with JMX on (HawtioTest) already holds
                        // the data source's MBean name
                        "--spring.jmx.enabled=false");
    }

    @Test
    void everyYamlFileInTheFolderBecomesARoute() throws Exception {
        Files.writeString(routes.resolve("greeting.yaml"), """
                - route:
                    id: direct-greeting-to-hub-summary
                    from:
                      uri: direct:greeting
                      steps:
                        - setBody:
                            simple: "Hello ${body}, hub has ${bean:hubSummary?method=summary}"
                """);
        Files.writeString(routes.resolve("notes.txt"), "not a route");

        try (ConfigurableApplicationContext app = start()) {
            CamelContext camel = app.getBean(CamelContext.class);
            assertThat(camel.getRoute("direct-greeting-to-hub-summary")).isNotNull();
            assertThat(camel.getRouteController().getRouteStatus("direct-greeting-to-hub-summary").isStarted()).isTrue();
            String reply = app.getBean(ProducerTemplate.class).requestBody("direct:greeting", "Ann", String.class);
            assertThat(reply).startsWith("Hello Ann, hub has ").contains(" products, ");
        }
    }

    @Test
    void theShippedRoutesLoad() throws Exception {
        try (var shipped = Files.newDirectoryStream(Path.of("routes"), "*.yaml")) {
            for (Path file : shipped) {
                Files.copy(file, routes.resolve(file.getFileName()));
            }
        }

        try (ConfigurableApplicationContext app = start()) {
            CamelContext camel = app.getBean(CamelContext.class);
            assertThat(camel.getRoute("hub-summary-to-log").getEndpoint().getEndpointUri()).startsWith("quartz://stockbridge/hub-summary");
            assertThat(camel.getRoute("acme-feed-to-hub").getEndpoint().getEndpointUri()).startsWith("file://");
        }
    }

    @Test
    void aBrokenRouteFileStopsStartUpNamingTheFileAndTheProblem() throws Exception {
        Files.writeString(routes.resolve("good.yaml"), """
                - route:
                    id: fine
                    from:
                      uri: direct:fine
                      steps:
                        - log: fine
                """);
        Files.writeString(routes.resolve("acme-broken.yaml"), """
                - route:
                    id: acme-feed-to-hub
                    from:
                      uri: direct:acme
                      steps:
                        - lgo: "typo in the step name"
                """);

        assertThatThrownBy(this::start)
                .hasStackTraceContaining("acme-broken.yaml")
                .hasStackTraceContaining("lgo");
    }

    private void writeFeedRoute(String file, String parameters) throws Exception {
        Files.writeString(routes.resolve(file), """
                - templatedRoute:
                    routeTemplateRef: feed-to-hub
                    parameters:
                """ + parameters);
    }

    @Test
    void aMisspeltTemplateParameterStopsStartUpNamingTheFileTemplateAndParameter() throws Exception {
        writeFeedRoute("acme.yaml", """
                      - name: connection
                        value: acme
                      - name: source
                        value: "direct:acme"
                      - name: mapping
                        value: example-wholesaler.yaml
                      - name: downloadURL
                        value: "http://localhost/x.csv"
                """);

        assertThatThrownBy(this::start).hasStackTraceContaining("acme.yaml")
                .hasStackTraceContaining("acme.yaml: route (no routeId) (template feed-to-hub): unknown parameter 'downloadURL'; "
                        + "its parameters are [connection, downloadUrl, mapping, source]");
    }

    @Test
    void aMissingTemplateParameterStopsStartUpNamingIt() throws Exception {
        writeFeedRoute("acme.yaml", """
                      - name: connection
                        value: acme
                      - name: source
                        value: "direct:acme"
                """);

        assertThatThrownBy(this::start).hasStackTraceContaining("acme.yaml: route (no routeId) (template feed-to-hub): parameter 'mapping' is required");
    }

    @Test
    void aMissingMappingFileOrAnInferiorConnectionStopsStartUp() throws Exception {
        writeFeedRoute("acme.yaml", """
                      - name: connection
                        value: acme
                      - name: source
                        value: "direct:acme"
                      - name: mapping
                        value: no-such-mapping.yaml
                """);
        assertThatThrownBy(this::start).hasStackTraceContaining("acme.yaml: route (no routeId) (template feed-to-hub): ")
                .hasStackTraceContaining("no-such-mapping.yaml: no such mapping file");

        writeFeedRoute("acme.yaml", """
                      - name: connection
                        value: woo-main
                      - name: source
                        value: "direct:acme"
                      - name: mapping
                        value: example-wholesaler.yaml
                """);
        assertThatThrownBy(this::start).hasStackTraceContaining("parameter 'connection': 'woo-main' is superior for neither stock, prices nor products");
    }
}
