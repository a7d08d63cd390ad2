package org.stockbridge.push;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.stockbridge.format.ShopRequest;

/**
 * Dry-run: a request written to {@code <data-dir>/dry-run/<connection>/<request-id>.http} instead of being sent —
 * method and URL, headers (credentials masked), a blank line, the body — the layout of an IntelliJ/VS Code
 * {@code .http} file, so an operator can read it or send it by hand after filling in the credentials.
 */
@Component
public class DryRunFiles {

    static final String MASK = "****";

    private final Path folder;

    DryRunFiles(@Value("${stockbridge.data-dir}") Path dataDir) {
        this.folder = dataDir.resolve("dry-run");
    }

    public Path write(OutboundShop shop, ShopRequest request) {
        StringBuilder text = new StringBuilder(request.method()).append(' ').append(request.url(shop.baseUrl())).append('\n');
        request.headers().forEach((name, value) -> text.append(name).append(": ")
                .append(request.secretHeaders().contains(name) ? MASK : value).append('\n'));
        if (request.contentType() != null) {
            text.append("Content-Type: ").append(request.contentType()).append('\n');
        }
        text.append('\n').append(request.bodyText());
        Path file = folder.resolve(shop.id()).resolve(request.id() + ".http");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("connection '" + shop.id() + "': cannot write dry-run request " + file, e);
        }
        return file;
    }
}
