package org.stockbridge.feed;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The feed package is a plain library the routes and the hub store call: it must not import Spring, Camel or any
 * other Stockbridge package (ARCHITECTURE.md: packages depend downward). Checked on the sources so it needs no
 * extra tooling; an ArchUnit rule for the whole code base can replace it.
 */
class FeedPackageDependenciesTest {

    private static final List<String> FORBIDDEN = List.of("org.springframework.", "org.apache.camel.", "jakarta.");

    @Test
    void importsOnlyTheJdkFastCsvAndJackson() throws IOException {
        Path sources = Path.of("src/main/java/org/stockbridge/feed");
        List<String> imports;
        try (Stream<Path> files = Files.list(sources)) {
            imports = files.filter(f -> f.toString().endsWith(".java"))
                    .flatMap(FeedPackageDependenciesTest::importsOf)
                    .toList();
        }

        assertThat(imports).isNotEmpty();
        assertThat(imports).allSatisfy(imported -> {
            assertThat(FORBIDDEN).noneMatch(imported::startsWith);
            assertThat(imported.startsWith("org.stockbridge.") && !imported.startsWith("org.stockbridge.feed."))
                    .as("%s is another Stockbridge package", imported).isFalse();
        });
        assertThat(imports).allMatch(imported -> imported.startsWith("java.") || imported.startsWith("javax.xml.")
                || imported.startsWith("de.siegmar.fastcsv.") || imported.startsWith("com.fasterxml.jackson."));
    }

    private static Stream<String> importsOf(Path file) {
        try {
            return Files.readAllLines(file).stream()
                    .filter(line -> line.startsWith("import "))
                    .map(line -> line.substring("import ".length()).replace("static ", "").replace(";", "").trim());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
