package org.stockbridge.hub;

/** A product's value in one warehouse (stock) or one price group (price). */
record ValueKey(long productId, String key) {
}
