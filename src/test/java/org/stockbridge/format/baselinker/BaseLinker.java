package org.stockbridge.format.baselinker;

import java.util.HashMap;
import java.util.Map;

import org.stockbridge.format.ShopConnection;
import org.stockbridge.format.ShopRequest;
import org.stockbridge.support.FormFields;

/** A BaseLinker connection as the tests configure it, and a reader for the form it is sent. */
final class BaseLinker {

    static final String TOKEN = "3001234-3004567-ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789ABCDEFGHIJKLMNOPQRSTU";
    static final BaseLinkerFormat FORMAT = new BaseLinkerFormat();

    private BaseLinker() {
    }

    static ShopConnection connection() {
        return connection(Map.of());
    }

    static ShopConnection connection(Map<String, String> extra) {
        Map<String, String> settings = new HashMap<>(Map.of(
                "token", TOKEN, "inventoryId", "307", "warehouseId", "bl_206", "priceGroupId", "105"));
        settings.putAll(extra);
        return FORMAT.connect("bl-main", settings);
    }

    /** The form fields of a request body, decoded. */
    static Map<String, String> form(ShopRequest request) {
        return FormFields.decode(request.bodyText());
    }
}
