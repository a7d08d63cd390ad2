package org.stockbridge.hub;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The hub's write and read entry point for every flow and the admin API. Each call is one transaction: hub rows,
 * sync records and outbox entries commit together or not at all.
 */
@Service
public class HubService {

    private final ProductStore products;
    private final ReferenceDataStore reference;
    private final LinkStore links;
    private final ReservationStore reservations;
    private final SyncRecordStore syncRecords;
    private final ValueChangeApplier applier;
    private final ProductDifferenceStore differences;
    private final IncomingApplier incoming;
    private final LinkedValueReader linkedValues;
    private final ValueTable<Integer> stock;
    private final ValueTable<BigDecimal> prices;
    private final OutboxStore outbox;
    private final Clock clock;

    public HubService(ProductStore products, ReferenceDataStore reference, LinkStore links,
            ReservationStore reservations, SyncRecordStore syncRecords, ValueChangeApplier applier,
            IncomingApplier incoming, LinkedValueReader linkedValues, ProductDifferenceStore differences,
            NamedParameterJdbcTemplate jdbc, OutboxStore outbox, Clock clock) {
        this.outbox = outbox;
        this.linkedValues = linkedValues;
        this.differences = differences;
        this.incoming = incoming;
        this.products = products;
        this.reference = reference;
        this.links = links;
        this.reservations = reservations;
        this.syncRecords = syncRecords;
        this.applier = applier;
        this.clock = clock;
        this.stock = new ValueTable<>(jdbc, "stock", "warehouse_id", "quantity", (rs, c) -> rs.getInt(c));
        this.prices = new ValueTable<>(jdbc, "price", "price_group_id", "amount", (rs, c) -> rs.getBigDecimal(c));
    }

    /** Creates or updates a product's descriptive data; returns true when the product is new. */
    @Transactional
    public boolean saveProduct(String sku, ProductData data) {
        return products.save(sku, data);
    }

    /**
     * Applies stock changes in one transaction. Changes of unknown SKUs, unknown warehouses or that would make
     * stock negative are refused and returned as problems; the rest is applied.
     */
    @Transactional
    public BatchResult applyStock(String connection, List<StockChange> changes) {
        return applier.apply(connection, changes, stock, new StockChanges());
    }

    /** Applies price changes in one transaction; unknown SKUs, price groups and negative amounts are refused. */
    @Transactional
    public BatchResult applyPrices(String connection, List<PriceChange> changes) {
        return applier.apply(connection, changes, prices, new PriceChanges());
    }

    /**
     * Applies a batch from a superior connection in one transaction: keys matched by SKU or EAN, unknown products
     * created or reported, matches linked to the connection, stock and prices applied with their sync records.
     */
    @Transactional
    public IncomingResult applyIncoming(IncomingBatch batch) {
        return incoming.apply(batch, stock, new StockChanges(), prices, new PriceChanges());
    }

    /**
     * What the hub holds for every product linked to a superior connection, for a feed whose rows report stock
     * for {@code warehouse} (as the connection names it; null: no stock) and prices in {@code priceGroup} (null:
     * none): rows repeating it can be skipped ({@link LinkedValues#unchanged}). Names and EANs are compared only
     * where the connection's product data is applied.
     */
    @Transactional(readOnly = true)
    public LinkedValues linkedValues(String connection, String warehouse, String priceGroup) {
        Connection c = reference.connection(connection)
                .orElseThrow(() -> HubException.invalid("unknown connection '" + connection + "'"));
        String hubWarehouse = warehouse == null ? null : reference.warehouseMap(connection).getOrDefault(warehouse, warehouse);
        boolean productData = c.products() == Role.SUPERIOR && c.productMaster() != ProductMaster.HUB;
        return linkedValues.read(connection, warehouse, hubWarehouse, priceGroup, productData);
    }

    /**
     * After a full feed: sets stock 0 in the warehouse for the connection's linked products the feed did not
     * contain. {@code present} holds the product ids the feed matched.
     */
    @Transactional
    public BatchResult zeroMissing(String connection, String warehouse, java.util.function.LongPredicate present, String origin) {
        List<StockChange> zeros = new java.util.ArrayList<>();
        links.linkedWithStockExcept(connection, warehouse, present)
                .forEach((id, sku) -> zeros.add(StockChange.set(sku, warehouse, 0, origin)));
        return applyStock(connection, zeros);
    }

    /** Open product differences of manual-mode connections (all connections when null). */
    @Transactional(readOnly = true)
    public List<ProductDifference> productDifferences(String connection) {
        return differences.open(connection);
    }

    /** Takes the connection's value of one product difference into the hub, with a sync record. */
    @Transactional
    public void applyDifference(long id, String actor) {
        ProductDifference d = openDifference(id);
        Product p = products.find(d.sku()).orElseThrow(() -> HubException.unknownSku(d.sku()));
        Product changed = "name".equals(d.field())
                ? new Product(p.id(), p.sku(), p.ean(), d.connectionValue(), p.attributes())
                : new Product(p.id(), p.sku(), d.connectionValue(), p.name(), p.attributes());
        products.updateNamesAndEans(List.of(changed), clock.instant());
        syncRecords.write(List.of(SyncRecord.received(d.connection(), d.sku(), d.field(),
                "name".equals(d.field()) ? p.name() : p.ean(), d.connectionValue(),
                "difference applied by " + actor + " (" + d.origin() + ")", clock.instant())));
        differences.close(id, "applied");
    }

    /** Keeps the hub's value: the difference is closed without a change (it reopens if the connection reports it again). */
    @Transactional
    public void dismissDifference(long id) {
        openDifference(id);
        differences.close(id, "dismissed");
    }

    private ProductDifference openDifference(long id) {
        ProductDifference d = differences.find(id)
                .orElseThrow(() -> new HubException(HubException.Kind.NOT_FOUND, "no product difference " + id));
        if (!"open".equals(d.state())) {
            throw HubException.invalid("product difference " + id + " was already " + d.state());
        }
        return d;
    }

    /** Sets one stock value; an unknown SKU or warehouse or a negative quantity is refused with an exception. */
    @Transactional
    public void setStock(String connection, StockChange change) {
        requireApplied(applyStock(connection, List.of(change)));
    }

    /** Sets one price; an unknown SKU or price group or an invalid amount is refused with an exception. */
    @Transactional
    public void setPrice(String connection, PriceChange change) {
        requireApplied(applyPrices(connection, List.of(change)));
    }

    private static void requireApplied(BatchResult result) {
        if (!result.problems().isEmpty()) {
            throw result.problems().get(0).toException();
        }
    }

    @Transactional(readOnly = true)
    public ProductView product(String sku) {
        Product p = products.find(sku).orElseThrow(() -> HubException.unknownSku(sku));
        Map<String, Integer> onHand = stock.readOne(p.id());
        Map<String, Integer> reserved = reservations.openByWarehouse(p.id());
        Map<String, Integer> available = new TreeMap<>();
        onHand.forEach((w, q) -> available.put(w, q - reserved.getOrDefault(w, 0)));
        reserved.forEach((w, r) -> available.putIfAbsent(w, -r));
        Map<String, String> priceTexts = new TreeMap<>();
        prices.readOne(p.id()).forEach((g, amount) -> priceTexts.put(g, amount.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString()));
        return new ProductView(p.sku(), p.ean(), p.name(), p.attributes(), onHand, reserved, available, priceTexts,
                links.ofProduct(p.id()));
    }

    @Transactional(readOnly = true)
    public List<Product> products(int offset, int limit) {
        return products.list(offset, limit);
    }

    @Transactional(readOnly = true)
    public List<SyncRecord> syncRecords(SyncRecordQuery query) {
        return syncRecords.find(query);
    }

    /**
     * Links a hub product to its id in a connection. The product's stock and price become due for the connection
     * where it is inferior for them, as for links made in bulk: the shop shows the hub's values from then on, not
     * from the product's next change.
     */
    @Transactional
    public void link(String sku, Link link) {
        Product p = products.find(sku).orElseThrow(() -> HubException.unknownSku(sku));
        if (reference.connection(link.connection()).isEmpty()) {
            throw new HubException(HubException.Kind.NOT_FOUND, "unknown connection '" + link.connection() + "'");
        }
        Instant now = clock.instant();
        links.add(p.id(), link, now);
        outbox.enqueue(Map.of(OutboxStore.STOCK, List.of(p.id()), OutboxStore.PRICE, List.of(p.id())), now);
    }

    private final class StockChanges implements ValueChanges<StockChange, Integer> {
        public String sku(StockChange c) { return c.sku(); }
        public String key(StockChange c) { return c.warehouse(); }
        public String reason(StockChange c) { return c.reason(); }
        public String field(String warehouse) { return "stock[" + warehouse + "]"; }
        public String outboxKind() { return OutboxStore.STOCK; }
        public boolean same(Integer a, Integer b) { return a.equals(b); }

        public String keyProblem(String warehouse) {
            return reference.warehouseExists(warehouse) ? null : "unknown warehouse '" + warehouse + "'";
        }

        public Integer next(StockChange c, Integer current) {
            long next = c.delta() ? (long) (current == null ? 0 : current) + c.quantity() : c.quantity();
            if (next < 0) {
                throw new IllegalArgumentException(c.delta()
                        ? "stock in '" + c.warehouse() + "' would become negative (" + current + " " + c.quantity() + ")"
                        : "negative stock " + c.quantity());
            }
            if (next > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("stock " + next + " is too large");
            }
            return (int) next;
        }
    }

    private final class PriceChanges implements ValueChanges<PriceChange, BigDecimal> {
        public String sku(PriceChange c) { return c.sku(); }
        public String key(PriceChange c) { return c.priceGroup(); }
        public String reason(PriceChange c) { return c.reason(); }
        public String field(String group) { return "price[" + group + "]"; }
        public String outboxKind() { return OutboxStore.PRICE; }
        public boolean same(BigDecimal a, BigDecimal b) { return a.compareTo(b) == 0; }

        public String keyProblem(String group) {
            return reference.priceGroupExists(group) ? null : "unknown price group '" + group + "'";
        }

        public BigDecimal next(PriceChange c, BigDecimal current) {
            if (c.amount() == null) {
                throw new IllegalArgumentException("missing price");
            }
            if (c.amount().signum() < 0) {
                throw new IllegalArgumentException("negative price " + c.amount().toPlainString());
            }
            if (c.amount().stripTrailingZeros().scale() > 4 || c.amount().precision() - c.amount().scale() > 15) {
                throw new IllegalArgumentException("price " + c.amount().toPlainString() + " has more than 4 decimals or 15 digits");
            }
            return c.amount().setScale(4, java.math.RoundingMode.UNNECESSARY);
        }
    }
}
