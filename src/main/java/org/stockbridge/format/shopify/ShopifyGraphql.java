package org.stockbridge.format.shopify;

import java.util.LinkedHashMap;
import java.util.Map;

import org.stockbridge.format.FormatJson;
import org.stockbridge.format.ShopConnection;
import org.stockbridge.format.ShopOperation;
import org.stockbridge.format.ShopRequest;

/**
 * One call of the Admin GraphQL API: {@code POST /admin/api/{version}/graphql.json} with {@code {"query", "variables"}}
 * as JSON and the access token in {@code X-Shopify-Access-Token} (marked secret, so it is masked wherever a request
 * is printed or written as a dry-run file).
 */
final class ShopifyGraphql {

    static final String TOKEN_HEADER = "X-Shopify-Access-Token";
    static final String JSON = "application/json";

    private ShopifyGraphql() {
    }

    static ShopRequest.Builder call(ShopConnection connection, ShopOperation operation, String requestId, String query,
            Map<String, Object> variables) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", query);
        body.put("variables", variables);
        return ShopRequest.builder(connection, operation)
                .id(requestId)
                .post(ShopifySettings.graphqlPath(connection))
                .secretHeader(TOKEN_HEADER, connection.text(ShopifySettings.ACCESS_TOKEN))
                .header("Accept", JSON)
                .body(FormatJson.bytes(body), JSON);
    }
}
