package org.stockbridge.format;

import java.util.List;
import java.util.Map;

/** A shop's answer as the route received it; header names in any case. */
public record ShopAnswer(int status, Map<String, List<String>> headers, String body) {

    public ShopAnswer {
        headers = headers == null ? Map.of() : headers;
        body = body == null ? "" : body;
    }

    public boolean successful() {
        return status >= 200 && status < 300;
    }

    /** The first value of a header, matched ignoring case (HTTP/2 lower-cases names, servers vary); or null. */
    public String header(String name) {
        for (Map.Entry<String, List<String>> header : headers.entrySet()) {
            if (header.getKey() != null && header.getKey().equalsIgnoreCase(name)
                    && header.getValue() != null && !header.getValue().isEmpty()) {
                return header.getValue().get(0);
            }
        }
        return null;
    }
}
