package org.stockbridge.format;

import java.util.Objects;

/**
 * Where a file-writing connection's files go: a Camel producer endpoint URI ({@code file:}, {@code ftp:},
 * {@code ftps:}, {@code sftp:}) without credentials, and the password for a remote one kept apart, so it is set
 * on the endpoint and never becomes part of a URI that Camel lists in Hawtio, logs or route descriptions.
 *
 * @param endpointUri the Camel endpoint URI, such as {@code ftp://shop@ftp.example.com/stock?passiveMode=true}
 * @param password    the remote login's password; null for none (a {@code file:} folder, a key-based login)
 */
public record FileTarget(String endpointUri, String password) {

    public FileTarget {
        Objects.requireNonNull(endpointUri, "endpointUri");
    }

    /** Masks the password, so a target can be logged as it is. */
    @Override
    public String toString() {
        return "FileTarget[" + endpointUri + (password == null ? "" : ", password=" + ShopConnection.MASK) + "]";
    }
}
