package org.stockbridge.route;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.DependsOn;
import org.springframework.stereotype.Component;
import org.stockbridge.config.StockbridgeProperties;

/**
 * Checks every {@code templatedRoute} in the routes folder against the template's declared parameters before
 * Camel loads the files: an unknown (misspelt) or missing parameter, a mapping file that does not exist or a
 * connection that cannot play the role stops start-up with the file, the route and the parameter — all problems
 * at once, not the first one. YAML syntax and the rest of the DSL are left to Camel, which names file and line.
 */
// after the seeder: connections named in routes must be in the hub already
@Component
@DependsOn("referenceDataSeeder")
public class RouteFilesCheck implements InitializingBean {

    private final Path routesDir;
    private final Map<String, RouteTemplateSpec> templates = new LinkedHashMap<>();

    public RouteFilesCheck(StockbridgeProperties properties, List<RouteTemplateSpec> specs) {
        this.routesDir = properties.routesDir();
        specs.forEach(s -> templates.put(s.template(), s));
    }

    @Override
    public void afterPropertiesSet() throws IOException {
        if (!Files.isDirectory(routesDir)) {
            return;
        }
        List<String> problems = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(routesDir, "*.yaml")) {
            for (Path file : files) {
                check(file, problems);
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Routes folder " + routesDir + " has errors:\n  " + String.join("\n  ", problems));
        }
    }

    private void check(Path file, List<String> problems) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        } catch (IOException e) {
            return; // not YAML Camel can read either: Camel reports it with file, line and column
        }
        if (root == null || !root.isArray()) {
            return;
        }
        for (JsonNode item : root) {
            JsonNode route = item.get("templatedRoute");
            if (route == null) {
                continue;
            }
            String template = route.path("routeTemplateRef").asText();
            String where = file.getFileName() + ": route " + route.path("routeId").asText("(no routeId)")
                    + " (template " + template + ")";
            RouteTemplateSpec spec = templates.get(template);
            if (spec == null) {
                continue; // a template of the integrator's own, checked by Camel
            }
            Map<String, String> values = new LinkedHashMap<>();
            Set<String> names = new HashSet<>();
            for (JsonNode p : route.path("parameters")) {
                names.add(p.path("name").asText());
                values.put(p.path("name").asText(), p.path("value").asText(null));
            }
            List<String> nameProblems = spec.nameProblems(names);
            nameProblems.forEach(problem -> problems.add(where + ": " + problem));
            if (nameProblems.isEmpty()) {
                values.values().removeIf(v -> v == null || v.contains("{{"));
                try {
                    spec.validate(values);
                } catch (RuntimeException e) {
                    problems.add(where + ": " + e.getMessage());
                }
            }
        }
    }
}
