package org.stockbridge.rules;

import java.util.Collection;
import java.util.Map;

/** The summed available stock of one SKU over some warehouses, with its "sum(main,acme)=1000" text. */
record StockSum(int total, String text) {

    static StockSum over(Collection<String> warehouses, Map<String, Integer> availableByWarehouse) {
        long total = 0;
        for (String warehouse : warehouses) {
            Integer available = availableByWarehouse.get(warehouse);
            // Over-reserved stock (negative available) must not eat stock of the other warehouses.
            if (available != null && available > 0) {
                total += available;
            }
        }
        int clamped = (int) Math.min(total, Integer.MAX_VALUE);
        return new StockSum(clamped, "sum(" + String.join(",", warehouses) + ")=" + clamped);
    }
}
