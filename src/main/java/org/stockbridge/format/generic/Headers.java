package org.stockbridge.format.generic;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;

import org.stockbridge.format.FormatSetting;
import org.stockbridge.format.ShopConnection;
import org.stockbridge.format.ShopRequest;

/**
 * A mapping's headers with {@code ${setting}} filled in from the connection. A header that uses a secret setting
 * is added as a secret header, so it is masked wherever the request is shown (logs, dry-run files).
 */
final class Headers {

    /** The one function a header value knows: {@code ${base64:username:password}} for HTTP Basic. */
    static final String BASE64 = "base64";

    private Headers() {
    }

    static void add(ShopRequest.Builder request, GenericMapping mapping, ShopConnection connection) {
        mapping.headers().forEach((name, template) -> {
            boolean secret = GenericMapping.references(template).stream().anyMatch(Headers::isSecret);
            StringBuilder basic = new StringBuilder();
            Matcher pair = GenericMapping.BASIC_REFERENCE.matcher(template);
            while (pair.find()) {
                String credentials = connection.text(pair.group(1)) + ":" + connection.text(pair.group(2));
                pair.appendReplacement(basic, Matcher.quoteReplacement(
                        Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8))));
            }
            pair.appendTail(basic);
            StringBuilder value = new StringBuilder();
            Matcher reference = GenericMapping.REFERENCE.matcher(basic);
            while (reference.find()) {
                reference.appendReplacement(value, Matcher.quoteReplacement(connection.text(reference.group(1))));
            }
            reference.appendTail(value);
            if (secret) {
                request.secretHeader(name, value.toString());
            } else {
                request.header(name, value.toString());
            }
        });
    }

    private static boolean isSecret(String setting) {
        return GenericSettings.SETTINGS.stream().filter(s -> s.name().equals(setting)).anyMatch(FormatSetting::secret);
    }
}
