package org.stockbridge.format;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One shop API (WooCommerce, BaseLinker, …). Implementations are Spring beans collected by
 * {@link FormatRegistry}; they hold no per-connection state — everything a connection needs arrives in its
 * {@link ShopConnection} — and never do I/O: the hub-to-shop route sends the requests, honours
 * {@link #rateLimit} and {@code Retry-After}, and hands each answer back to {@link #readResponse}.
 *
 * <p>A format that can also read the shop's product list (for linking) implements {@link ProductCatalog}.
 */
public interface ShopFormat {

    /** The name connections use to pick this format ({@code woocommerce}); lower case, stable. */
    String name();

    /** Everything a connection may configure, in the order docs/formats.md lists them. */
    List<FormatSetting> settings();

    /** Where the connection's requests go; {@link ShopRequest#url} joins it with a request's path. */
    default URI baseUrl(ShopConnection connection) {
        return connection.url(CommonSettings.BASE_URL);
    }

    /** The most requests this connection may send, from its settings; the route throttles to it. */
    RateLimit rateLimit(ShopConnection connection);

    /**
     * Absolute stock quantities as requests within the format's batch limit, in push order as far as the API
     * allows. Every push lands in exactly one request's {@link ShopRequest#items()}.
     */
    List<ShopRequest> stockRequests(ShopConnection connection, List<StockPush> pushes);

    /** Prices as requests within the format's batch limit; like {@link #stockRequests}. */
    List<ShopRequest> pricesRequests(ShopConnection connection, List<PricePush> pushes);

    /**
     * The shop's answer to {@code request} as one result per item of the request: ok, failed (the shop refused
     * it; retrying the same value will not help) or retryable (the shop could not take it now). Never throws for
     * an answer it cannot read: such an answer makes every item retryable, since pushes are absolute values and
     * sending one again is harmless.
     *
     * @param headers the answer's headers, names in any case
     */
    ItemResults readResponse(ShopRequest request, int status, Map<String, List<String>> headers, String body);

    /**
     * What stops this connection from sending {@code operations} (the data kinds it is inferior for), checked at
     * start-up; empty when nothing does. For formats whose settings alone decide what they can send (a mapping
     * file without a prices section cannot send prices).
     */
    default List<String> problemsSending(ShopConnection connection, Set<ShopOperation> operations) {
        return List.of();
    }

    /** Validates raw settings for a connection of this format; see {@link SettingsValidator}. */
    default ShopConnection connect(String connectionId, Map<String, String> settings) {
        return new SettingsValidator().validate(connectionId, this, settings);
    }
}
