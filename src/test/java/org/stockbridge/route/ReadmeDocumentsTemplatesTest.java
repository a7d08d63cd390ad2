package org.stockbridge.route;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** An integrator must be able to write a routes/ file from the README alone: every template parameter is in it. */
class ReadmeDocumentsTemplatesTest {

    @Test
    void everyFeedToHubParameterIsInTheReadmeTable() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        RouteTemplateSpec spec = new FeedToHubRoutes(null, null, null);

        assertThat(readme).contains("`" + spec.template() + "`");
        spec.parameters().forEach(p -> assertThat(readme)
                .as("README row of parameter %s", p.name())
                .contains("| `" + p.name() + "` | " + (p.required() ? "yes" : "no") + " |"));
    }
}
