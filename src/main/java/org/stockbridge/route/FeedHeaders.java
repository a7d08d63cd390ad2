package org.stockbridge.route;

/** Exchange headers the feed-to-hub route sets and reads. */
public final class FeedHeaders {

    public static final String CONNECTION = "StockbridgeConnection";
    public static final String MAPPING = "StockbridgeMapping";
    public static final String DOWNLOAD_URL = "StockbridgeDownloadUrl";
    public static final String STAGED_FILE = "StockbridgeStagedFile";
    public static final String FILE_NAME = "StockbridgeFeedFileName";
    public static final String FILE_KEY = "StockbridgeFeedKey";
    public static final String REPORT_DIR = "StockbridgeReportDir";
    public static final String OUTCOME = "StockbridgeFeedOutcome";

    private FeedHeaders() {
    }
}
