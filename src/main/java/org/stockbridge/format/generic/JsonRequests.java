package org.stockbridge.format.generic;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.stockbridge.format.Batches;
import org.stockbridge.format.FormatJson;
import org.stockbridge.format.ShopConnection;
import org.stockbridge.format.ShopOperation;
import org.stockbridge.format.ShopPush;
import org.stockbridge.format.ShopRequest;

/**
 * A json mapping's requests: batches of at most {@code batchSize} items as {@code {wrapper: [item, ...]}} (or a
 * bare array), or one request per item when the path names the item. Each item is an object with the mapped
 * fields in mapping order, then the constants.
 */
final class JsonRequests {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonRequests() {
    }

    static List<ShopRequest> build(ShopConnection connection, GenericMapping mapping, ShopOperation operation,
            List<? extends ShopPush> pushes) {
        JsonCall call = mapping.call(operation);
        List<ShopRequest> requests = new ArrayList<>();
        for (List<? extends ShopPush> batch : Batches.of(pushes, call.batchSize())) {
            ShopRequest.Builder request = ShopRequest.builder(connection, operation)
                    .method(call.method(), call.perItem() ? itemPath(call.path(), batch.get(0)) : call.path())
                    .header("Accept", "application/json");
            Headers.add(request, mapping, connection);
            requests.add(request.body(FormatJson.bytes(body(call, batch)), "application/json")
                    .items(Batches.items(batch))
                    .build());
        }
        return requests;
    }

    private static Object body(JsonCall call, List<? extends ShopPush> batch) {
        Object items;
        if (call.perItem()) {
            items = item(call, batch.get(0));
        } else {
            ArrayNode array = NODES.arrayNode();
            batch.forEach(push -> array.add(item(call, push)));
            items = array;
        }
        return call.wrapper() == null ? items : Map.of(call.wrapper(), items);
    }

    private static ObjectNode item(JsonCall call, ShopPush push) {
        ObjectNode item = NODES.objectNode();
        call.fields().forEach((value, field) -> {
            Object typed = value.of(push);
            if (typed instanceof BigDecimal price) {
                if (call.priceAsText()) {
                    item.put(field, price.toPlainString());
                } else {
                    item.put(field, price);
                }
            } else if (typed instanceof Integer quantity) {
                item.put(field, quantity);
            } else {
                item.put(field, (String) typed);
            }
        });
        call.constants().forEach(item::set);
        return item;
    }

    /** {@code /products/{sku}/stock} with the item's value, encoded as one path segment. */
    private static String itemPath(String path, ShopPush push) {
        return path.replace(JsonCall.SKU_PLACEHOLDER, segment(push.sku()))
                .replace(JsonCall.EXTERNAL_ID_PLACEHOLDER, segment(push.externalId()));
    }

    private static String segment(String value) {
        // URLEncoder encodes for forms: a space becomes '+', which a path reads literally
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
