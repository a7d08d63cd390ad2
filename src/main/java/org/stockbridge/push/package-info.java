/**
 * Hub → shop pushes, the steps of the hub-to-shop route: which shops the hub sends to ({@link
 * org.stockbridge.push.OutboundShops}), draining their outbox into batched requests that carry only values that
 * differ from what each shop was last sent ({@link org.stockbridge.push.OutboxDrain}), writing requests to files
 * in dry-run, and recording each item's result ({@link org.stockbridge.push.PushResults}). The route itself
 * (sending, throttling) is {@code org.stockbridge.route.HubToShopRoutes}.
 * <p>
 * Operations around it: a circuit breaker per shop ({@link org.stockbridge.push.ShopBreaker}), reconciliation
 * against the shop's own product list ({@link org.stockbridge.push.Reconciliation}, route
 * {@code org.stockbridge.route.ReconciliationRoutes}), and "sync now" / reconcile / breaker state over JMX for
 * Hawtio ({@link org.stockbridge.push.SyncNowOperations}, {@link org.stockbridge.push.ShopBreakers}).
 * <p>
 * References followed:
 * <ul>
 *   <li>WooCommerce REST API v3, products: list ({@code per_page}, {@code page}, {@code X-WP-TotalPages}) and the
 *       {@code stock_quantity}, {@code manage_stock}, {@code regular_price} properties reconciliation reads —
 *       https://woocommerce.github.io/woocommerce-rest-api-docs/#list-all-products and #product-properties</li>
 *   <li>Camel Quartz component ({@code trigger.repeatInterval}, {@code trigger.repeatCount}, {@code triggerStartDelay},
 *       {@code stateful}, {@code cron}) — https://camel.apache.org/components/4.18.x/quartz-component.html</li>
 *   <li>Camel Circuit Breaker EIP (why it is not used: camel-resilience4j is not served here) —
 *       https://camel.apache.org/components/4.18.x/eips/circuitBreaker-eip.html</li>
 *   <li>Circuit breaker states closed / open / half-open — https://martinfowler.com/bliki/CircuitBreaker.html</li>
 *   <li>Spring JMX annotations ({@code @ManagedResource}, {@code @ManagedOperation}) —
 *       https://docs.spring.io/spring-framework/reference/integration/jmx/interface.html</li>
 * </ul>
 */
package org.stockbridge.push;
