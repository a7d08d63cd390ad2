package org.stockbridge.format;

import java.util.Optional;

/**
 * Implemented by a format whose connections may take files instead of HTTP requests (the generic format's CSV and
 * XML mappings). For such a connection each {@link ShopRequest} is one whole file: its path is {@code /} and the
 * file name, its body the file's content. The hub-to-shop route writes it to the {@link FileTarget} through
 * Camel's file or FTP component instead of sending it over HTTP.
 */
public interface FileDelivery {

    /** The method of a request that is a file to write rather than an HTTP request. */
    String WRITE = "WRITE";

    /** Where this connection's files go; empty when this connection speaks HTTP. */
    Optional<FileTarget> fileTarget(ShopConnection connection);

    /** The file name a file request carries. */
    static String fileName(ShopRequest request) {
        if (!WRITE.equals(request.method())) {
            throw new IllegalArgumentException("request " + request.id() + " is " + request.method() + ", not a file");
        }
        return request.path().substring(1);
    }
}
