package org.stockbridge.hub;

/** A hub product's identity in one connection. */
public record Link(String connection, String externalId, String externalSku, String matchedBy) {
}
