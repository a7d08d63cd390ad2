package org.stockbridge.format.generic;

/**
 * Where a 2xx answer lists the items the shop refused. Without it an answer is all-or-nothing by HTTP status.
 *
 * @param errors    JSON Pointer to the list of per-item errors, such as {@code /errors}
 * @param itemField the field of an error entry that names the item
 * @param itemKey   what that field holds: the item's {@code sku} or its {@code externalId}
 * @param message   the field of an error entry with the reason; null quotes the whole entry
 */
record AnswerRule(String errors, String itemField, ItemValue itemKey, String message) {
}
