/**
 * Feed parsing: reads a wholesaler's (or ERP's) stock and price file, streaming, through a declarative
 * {@linkplain org.stockbridge.feed.FeedMapping mapping} into {@link org.stockbridge.feed.ProductRow}s and
 * {@link org.stockbridge.feed.RowError}s.
 *
 * <p>Entry points: {@link org.stockbridge.feed.MappingLoader#load(java.nio.file.Path)} and
 * {@link org.stockbridge.feed.FeedReader#open(java.io.InputStream, String, FeedMapping)}.
 *
 * <p>This package is a plain library: it depends on no Spring, no Camel and no other Stockbridge package, so the
 * routes, the hub store and tests can all call it directly. Only FastCSV and Jackson (core, databind, YAML).
 */
package org.stockbridge.feed;
