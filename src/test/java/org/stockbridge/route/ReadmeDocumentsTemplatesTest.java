package org.stockbridge.route;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** An integrator must be able to write a routes/ file from the README alone: every template parameter is in it. */
class ReadmeDocumentsTemplatesTest {

    @Test
    void everyTemplateParameterIsInTheReadmeTable() throws Exception {
        assertDocumented(new FeedToHubRoutes(null, null, null));
        assertDocumented(new ApiToHubRoutes(null, null, null, null));
    }

    private static void assertDocumented(RouteTemplateSpec spec) throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        assertThat(readme).contains("`" + spec.template() + "`");
        spec.parameters().forEach(p -> assertThat(readme)
                .as("README row of parameter %s", p.name())
                .contains("| `" + p.name() + "` | " + (p.required() ? "yes" : "no") + " |"));
    }
}
