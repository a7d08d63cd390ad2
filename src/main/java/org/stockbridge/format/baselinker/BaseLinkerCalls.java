package org.stockbridge.format.baselinker;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.stockbridge.format.FormatJson;
import org.stockbridge.format.ShopConnection;
import org.stockbridge.format.ShopOperation;
import org.stockbridge.format.ShopRequest;

/**
 * One API call as BaseLinker wants it: a POST to the endpoint itself (the base URL; the path is empty) with the
 * form fields {@code method} and {@code parameters} (JSON) and the token in {@code X-BLToken}, the way BaseLinker
 * recommends instead of the deprecated {@code token} form field.
 */
final class BaseLinkerCalls {

    static final String FORM = "application/x-www-form-urlencoded";

    private BaseLinkerCalls() {
    }

    static ShopRequest.Builder call(ShopConnection connection, ShopOperation operation, String method, Object parameters) {
        String form = "method=" + encode(method) + "&parameters=" + encode(FormatJson.text(parameters));
        return ShopRequest.builder(connection, operation)
                .post("")
                .secretHeader("X-BLToken", connection.text(BaseLinkerSettings.TOKEN))
                .header("Accept", "application/json")
                .body(form.getBytes(StandardCharsets.UTF_8), FORM);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
