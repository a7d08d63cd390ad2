/**
 * Hub → shop pushes, the steps of the hub-to-shop route: which shops the hub sends to ({@link
 * org.stockbridge.push.OutboundShops}), draining their outbox into batched requests that carry only values that
 * differ from what each shop was last sent ({@link org.stockbridge.push.OutboxDrain}), writing requests to files
 * in dry-run, and recording each item's result ({@link org.stockbridge.push.PushResults}). The route itself
 * (sending, throttling) is {@code org.stockbridge.route.HubToShopRoutes}.
 */
package org.stockbridge.push;
