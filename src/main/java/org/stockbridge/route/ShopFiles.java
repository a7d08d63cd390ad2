package org.stockbridge.route;

import static org.apache.camel.builder.Builder.constant;

import java.util.Optional;

import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.file.remote.RemoteFileEndpoint;
import org.apache.camel.model.ProcessorDefinition;
import org.springframework.stereotype.Component;
import org.stockbridge.format.FileDelivery;
import org.stockbridge.format.FileTarget;
import org.stockbridge.format.ItemOutcome;
import org.stockbridge.format.ItemResults;
import org.stockbridge.format.ShopRequest;
import org.stockbridge.push.OutboundShop;
import org.stockbridge.push.PushResults;

/**
 * The file transport of hub-to-shop: for a shop whose format writes files ({@link FileDelivery}), each request is
 * written through the Camel file, ftp, ftps or sftp producer of the connection's target instead of sent over HTTP.
 * Files are written under a temporary name and renamed when complete (the producer's {@code tempFileName}), so the
 * shop never reads half a file. A written file counts as taken for every item in it; a failed write (target
 * unreachable, login refused, disk full) leaves every item to be retried, like an unreachable HTTP shop.
 */
@Component
class ShopFiles {

    /** A dot-name beside the final file: hidden from the shop's importer, and on the same file system for the rename. */
    static final String TEMP_FILE_NAME = "tempFileName=.${file:onlyname}.part";

    private final PushResults results;

    ShopFiles(PushResults results) {
        this.results = results;
    }

    /** Where the shop's files go; empty for a shop that takes HTTP requests. */
    static Optional<FileTarget> target(OutboundShop shop) {
        return shop.format() instanceof FileDelivery files ? files.fileTarget(shop.connection()) : Optional.empty();
    }

    /** Appends to {@code each} (one request per exchange, after {@link ShopExchange#prepare}) the write and its record. */
    void write(ProcessorDefinition<?> each, FileTarget target, CamelContext context) {
        each.process(ShopFiles::prepare)
                .doTry()
                    .to(endpoint(target, context))
                .doCatch(Exception.class)
                    .setProperty(ShopExchange.UNREACHABLE, constant(true))
                .end()
                .process(exchange -> results.record(ShopExchange.plan(exchange), ShopExchange.request(exchange),
                        exchange.getProperty(ShopExchange.UNREACHABLE, false, Boolean.class)
                                ? ShopExchange.unreachable(exchange) : written(exchange), false));
    }

    /** The password is set on the endpoint, never written into its URI (which Hawtio and logs show). */
    static Endpoint endpoint(FileTarget target, CamelContext context) {
        String uri = withOption(target.endpointUri(), "tempFileName=", TEMP_FILE_NAME, "tempPrefix=");
        if (uri.startsWith("ftp:") || uri.startsWith("ftps:")) {
            // FTP's ASCII mode (Camel's default) rewrites line endings; the mapping has chosen them
            uri = withOption(uri, "binary=", "binary=true");
        }
        Endpoint endpoint = context.getEndpoint(uri);
        if (target.password() != null && endpoint instanceof RemoteFileEndpoint<?> remote) {
            remote.getConfiguration().setPassword(target.password());
        }
        return endpoint;
    }

    /** {@code option} appended unless the URI already sets it (or one of {@code alternatives}): the integrator's choice wins. */
    private static String withOption(String uri, String key, String option, String... alternatives) {
        boolean given = uri.contains("?" + key) || uri.contains("&" + key);
        for (String alternative : alternatives) {
            given |= uri.contains("?" + alternative) || uri.contains("&" + alternative);
        }
        return given ? uri : uri + (uri.contains("?") ? "&" : "?") + option;
    }

    /** Only the file name goes to the producer; the HTTP headers {@link ShopExchange#prepare} set do not belong in a file. */
    private static void prepare(Exchange exchange) {
        ShopRequest request = ShopExchange.request(exchange);
        Message in = exchange.getIn();
        in.removeHeaders("*");
        in.setHeader(Exchange.FILE_NAME, FileDelivery.fileName(request));
        in.setBody(request.body());
    }

    private static ItemResults written(Exchange exchange) {
        exchange.getIn().removeHeaders("*");
        return ItemResults.all(ShopExchange.request(exchange), ItemOutcome.OK, null, Optional.empty());
    }
}
