package org.stockbridge.hub;

import java.util.HashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * Turns the warehouse a connection reports into a hub warehouse: through the connection's warehouse map, else a
 * hub warehouse of that id; an id neither knows becomes a new hub warehouse {@code <connection>-<id>} when the
 * connection pulls warehouses, and is otherwise left for the store to refuse as unknown.
 */
@Component
class WarehouseResolver {

    private final ReferenceDataStore reference;

    WarehouseResolver(ReferenceDataStore reference) {
        this.reference = reference;
    }

    /** A resolver for one batch; it reads the connection's map once. */
    java.util.function.UnaryOperator<String> forBatch(Connection connection) {
        Map<String, String> map = new HashMap<>(reference.warehouseMap(connection.id()));
        return reported -> {
            if (reported == null) {
                return null;
            }
            return map.computeIfAbsent(reported, id -> {
                if (reference.warehouseExists(id)) {
                    return id;
                }
                if (!connection.pullWarehouses()) {
                    return id;
                }
                String hubId = (connection.id() + "-" + id).replaceAll("[^A-Za-z0-9._-]", "-");
                reference.saveWarehouse(new Warehouse(hubId, connection.name() + " " + id));
                reference.mapWarehouse(connection.id(), id, hubId);
                return hubId;
            });
        };
    }
}
