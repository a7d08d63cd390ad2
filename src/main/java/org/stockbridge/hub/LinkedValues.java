package org.stockbridge.hub;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Objects;

/**
 * What the hub holds for every product linked to one superior connection, read once when a feed starts
 * being applied ({@link LinkedValueReader}): the connection's key, the product id, the stock in the feed's
 * warehouse, the price in its price group and, when the connection's product data is applied, fingerprints of
 * the product's name and EAN.
 * <p>
 * Most rows of a wholesaler's feed repeat what the hub holds. {@link #unchanged} recognises such a row without
 * the database, so the feed skips it: it had the same effect as applying it at the moment this was read, before
 * any write that came later. A row that may change something goes to the database as usual, and every later row
 * of its key does too ({@link #unchanged} forgets the key), so a key that occurs twice still ends with its later
 * row's values.
 * <p>
 * Compact, because a catalogue has a million products: keys in one UTF-8 byte arena, values in primitive arrays
 * and open-addressing indexes, about 50 bytes per product. Used by one thread once built.
 */
public final class LinkedValues {

    /** Knows no product: every row goes to the database. */
    public static final LinkedValues NONE = new Builder(null, false).build();

    /**
     * Runs of entries a file's keys are followed along at once: a feed applied on n lanes ({@code
     * stockbridge.feeds.apply-threads}, 2 by default) stored the links it made as n interleaved runs in the file's order.
     */
    static final int RUNS = 4;
    static final int NO_STOCK = Integer.MIN_VALUE;
    static final long NO_PRICE = Long.MIN_VALUE;
    /** The fingerprint of a missing name or EAN; {@link #fingerprint} never returns it for a value. */
    static final long NO_TEXT = 0;

    private final String warehouse;
    private final byte[] keys;
    private final int[] keyStart;
    private final long[] productIds;
    private final int[] stock;
    private final long[] prices;
    private final long[] names;
    private final long[] eans;
    private final int size;
    /** Entry index + 1 by hash, 0 for an empty slot. */
    private final int[] slots;
    private final BitSet forgotten = new BitSet();
    /** The entries keys were last found at, one per run of entries the file follows; see {@link #find}. */
    private final int[] runs = new int[RUNS];
    /** The run {@link #found} replaces next. */
    private int nextRun;

    private LinkedValues(Builder b) {
        this.warehouse = b.warehouse;
        this.size = b.size;
        this.keys = b.keys;
        this.keyStart = b.keyStart;
        this.productIds = b.productIds;
        this.stock = b.stock;
        this.prices = b.prices;
        this.names = b.names;
        this.eans = b.eans;
        Arrays.fill(runs, -1);
        this.slots = b.byKey != null ? b.byKey : b.indexKeys();
    }

    public int size() {
        return size;
    }

    /**
     * The id of the hub product a row names when applying the row would change nothing: its key is linked, it
     * reports stock for the feed's warehouse equal to the hub's (or no stock), a price equal to the hub's (or
     * none, or the feed has no price group) and, where product data is applied, the same name and EAN (or none).
     * Otherwise -1, and the row's key is forgotten.
     *
     * @param withPrice whether the row's price is applied (the feed has a price group)
     */
    public long unchanged(IncomingProduct row, boolean withPrice) {
        int entry = find(row.key());
        if (entry < 0 || forgotten.get(entry)) {
            return -1;
        }
        boolean same = (row.stock() == null
                        || Objects.equals(row.warehouse(), warehouse) && row.stock() >= 0 && stock[entry] == row.stock())
                && (!withPrice || row.price() == null || prices[entry] == priceValue(row.price()) && prices[entry] != NO_PRICE)
                && (names == null || row.name() == null || names[entry] == fingerprint(row.name()))
                && (eans == null || row.ean() == null || eans[entry] == fingerprint(row.ean()));
        if (!same) {
            forgotten.set(entry);
            return -1;
        }
        return productIds[entry];
    }

    /** The id of the linked product whose link has this key, whatever the values; -1 when none has. */
    public long productOf(String key) {
        int entry = find(key);
        return entry < 0 ? -1 : productIds[entry];
    }

    /**
     * The entry of a key, or -1. The entries after the last ones found are tried first: a wholesaler lists its
     * products in the same order in every file, and a connection's links, read in the order they were stored, were
     * mostly made from such a file, split by key over the lanes that applied it (so, up to {@link #RUNS} runs of
     * entries in the file's order). Such an entry's key lies right after a key just read, so trying it costs next
     * to nothing, where the hash lookup reads the slots, the key's offset and its bytes from three places in arrays
     * of many megabytes: most of a typical feed's compare pass waited on those reads (docs/benchmarks.md).
     */
    private int find(String key) {
        if (size == 0 || key == null) {
            return -1;
        }
        // most keys are ASCII, whose UTF-8 bytes are their chars: hashed and compared without encoding them
        int length = key.length();
        for (int run = 0; run < RUNS; run++) {
            int next = runs[run] + 1;
            if (next < size && keyStart[next + 1] - keyStart[next] == length && asciiEquals(keyStart[next], key)) {
                runs[run] = next;
                return next;
            }
        }
        // a key asked again (a changed row's product, after unchanged() found the key) is where it was just found,
        // and the runs stay as they are
        for (int run = 0; run < RUNS; run++) {
            int last = runs[run];
            if (last >= 0 && keyStart[last + 1] - keyStart[last] == length && asciiEquals(keyStart[last], key)) {
                return last;
            }
        }
        int h = 1;
        for (int i = 0; i < length; i++) {
            char c = key.charAt(i);
            if (c >= 0x80) {
                return found(find(key.getBytes(StandardCharsets.UTF_8)));
            }
            h = 31 * h + c;
        }
        for (int slot = slotOf(h, slots.length); slots[slot] != 0; slot = (slot + 1) & (slots.length - 1)) {
            int entry = slots[slot] - 1;
            if (keyStart[entry + 1] - keyStart[entry] == length && asciiEquals(keyStart[entry], key)) {
                return found(entry);
            }
        }
        return -1;
    }

    /** A key found by its hash starts a run (in place of the oldest one started). */
    private int found(int entry) {
        if (entry >= 0) {
            runs[nextRun] = entry;
            nextRun = (nextRun + 1) % RUNS;
        }
        return entry;
    }

    /** Whether the arena's bytes from {@code start} are the chars of {@code key} (a key that has non-ASCII never is). */
    private boolean asciiEquals(int start, String key) {
        for (int i = 0; i < key.length(); i++) {
            if (keys[start + i] != key.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private int find(byte[] wanted) {
        for (int slot = slotOf(hash(wanted, 0, wanted.length), slots.length); slots[slot] != 0; slot = (slot + 1) & (slots.length - 1)) {
            int entry = slots[slot] - 1;
            if (Arrays.equals(keys, keyStart[entry], keyStart[entry + 1], wanted, 0, wanted.length)) {
                return entry;
            }
        }
        return -1;
    }

    /** A key's hash over its UTF-8 bytes, so the index is built from the arena without making a String per key. */
    private static int hash(byte[] bytes, int from, int to) {
        int h = 1;
        for (int i = from; i < to; i++) {
            h = 31 * h + bytes[i];
        }
        return h;
    }

    /** A power of two at least twice {@code entries}: open addressing stays fast below half full. */
    private static int tableSize(int entries) {
        return Math.max(2, Integer.highestOneBit(Math.max(1, entries) * 2) * 2);
    }

    private static int slotOf(int hash, int tableSize) {
        int mixed = hash * 0x9E3779B9;
        return (mixed ^ (mixed >>> 16)) & (tableSize - 1);
    }

    /** A price as the hub stores it (4 decimals) in ten-thousandths, or {@link #NO_PRICE} when it cannot be one. */
    static long priceValue(BigDecimal price) {
        if (price == null || price.signum() < 0) {
            return NO_PRICE;
        }
        try {
            // not setScale(4).unscaledValue(): that makes a BigInteger for every row of a feed
            return price.movePointRight(4).longValueExact();
        } catch (ArithmeticException notAHubPrice) {
            return NO_PRICE; // more than 4 decimals or too large: the database path refuses it with a reason
        }
    }

    /** A 64-bit fingerprint of a name or EAN (FNV-1a over the chars, then a final mix); never {@link #NO_TEXT}. */
    static long fingerprint(String text) {
        if (text == null) {
            return NO_TEXT;
        }
        long h = 0xCBF29CE484222325L;
        for (int i = 0; i < text.length(); i++) {
            h = (h ^ text.charAt(i)) * 0x100000001B3L;
        }
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB9FE1A85EC53L;
        h ^= h >>> 33;
        return h == NO_TEXT ? 1 : h;
    }

    /** Collects the entries as they are read. */
    static final class Builder {
        private final String warehouse;
        private final boolean productData;
        private byte[] keys;
        private int keyEnd;
        private int[] keyStart;
        private long[] productIds;
        private int[] stock;
        private long[] prices;
        private long[] names;
        private long[] eans;
        private int size;
        /** Entry index + 1 by product id hash, built by {@link #linksRead}: no order is asked of the link query. */
        private int[] byProduct;
        /** Entry index + 1 by key hash, built by {@link #indexKeys} (else by {@link #build}). */
        private int[] byKey;
        /** The entries the last stock and the last price went to; each only touched by its own scan's thread. */
        private int lastStock = -1;
        private int lastPrice = -1;

        /**
         * @param warehouse   the warehouse the feed's rows report stock for, as they name it
         * @param productData whether rows' names and EANs are applied (and so must be compared)
         */
        Builder(String warehouse, boolean productData) {
            this(warehouse, productData, 0);
        }

        /**
         * @param expectedLinks how many links are about to be added: the arrays start at that size. A million
         *                      links grown from small arrays allocate three times the final arrays on the way, each
         *                      step a block too large for the young generation, which in a small heap filled the old
         *                      generation with garbage while the feed was read.
         */
        Builder(String warehouse, boolean productData, int expectedLinks) {
            this.warehouse = warehouse;
            this.productData = productData;
            int capacity = Math.max(256, expectedLinks);
            keys = new byte[(int) Math.min(Integer.MAX_VALUE - 8, Math.max(1 << 12, 12L * capacity))];
            keyStart = new int[capacity + 1];
            productIds = new long[capacity];
            stock = new int[capacity];
            prices = new long[capacity];
            if (productData) {
                names = new long[capacity];
                eans = new long[capacity];
            }
        }

        /** Adds a link; all links come before {@link #linksRead}. */
        void add(String key, long productId, String name, String ean) {
            if (byProduct != null) {
                throw new IllegalStateException("a link after the values");
            }
            if (size == productIds.length) {
                int grown = size + (size >> 1);
                keyStart = Arrays.copyOf(keyStart, grown + 1);
                productIds = Arrays.copyOf(productIds, grown);
                stock = Arrays.copyOf(stock, grown);
                prices = Arrays.copyOf(prices, grown);
                if (productData) {
                    names = Arrays.copyOf(names, grown);
                    eans = Arrays.copyOf(eans, grown);
                }
            }
            byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
            if (keyEnd + bytes.length > keys.length) {
                keys = Arrays.copyOf(keys, Math.max(keys.length + (keys.length >> 1), keyEnd + bytes.length));
            }
            System.arraycopy(bytes, 0, keys, keyEnd, bytes.length);
            keyStart[size] = keyEnd;
            keyEnd += bytes.length;
            keyStart[size + 1] = keyEnd;
            productIds[size] = productId;
            stock[size] = NO_STOCK;
            prices[size] = NO_PRICE;
            if (productData) {
                names[size] = fingerprint(name);
                eans[size] = fingerprint(ean);
            }
            size++;
        }

        /**
         * All links are in: indexes them by product, after which {@link #stock} and {@link #price} only read
         * shared state and write their own array, so they may be called from two threads at once.
         */
        void linksRead() {
            byProduct = new int[tableSize(size)];
            for (int i = 0; i < size; i++) {
                int slot = slotOf(Long.hashCode(productIds[i]), byProduct.length);
                while (byProduct[slot] != 0) {
                    slot = (slot + 1) & (byProduct.length - 1);
                }
                byProduct[slot] = i + 1;
            }
        }

        /** The stock of a product in the feed's warehouse; ignored for a product not linked. */
        void stock(long productId, int quantity) {
            int entry = entryOf(productId, lastStock);
            if (entry >= 0) {
                stock[entry] = quantity;
                lastStock = entry;
            }
        }

        /**
         * The price of a product in the feed's price group, in ten-thousandths ({@link #priceValue}, or
         * {@link #NO_PRICE}); ignored for a product not linked.
         */
        void price(long productId, long price) {
            int entry = entryOf(productId, lastPrice);
            if (entry >= 0) {
                prices[entry] = price;
                lastPrice = entry;
            }
        }

        /**
         * The entry of a product, the one after {@code last} tried first: the value tables, read in the order they
         * were stored, mostly list products in the order their links were made (as {@link #find} does for keys).
         */
        private int entryOf(long productId, int last) {
            if (byProduct == null) {
                throw new IllegalStateException("a value before linksRead()");
            }
            if (last + 1 < size && productIds[last + 1] == productId) {
                return last + 1;
            }
            for (int slot = slotOf(Long.hashCode(productId), byProduct.length); byProduct[slot] != 0;
                    slot = (slot + 1) & (byProduct.length - 1)) {
                if (productIds[byProduct[slot] - 1] == productId) {
                    return byProduct[slot] - 1;
                }
            }
            return -1;
        }

        int size() {
            return size;
        }

        /**
         * Indexes the links' keys: once all links are in, reads only the keys and writes only its own index, so it may
         * run beside {@link #stock} and {@link #price}.
         */
        int[] indexKeys() {
            int[] slots = new int[tableSize(size)];
            for (int i = 0; i < size; i++) {
                int slot = slotOf(hash(keys, keyStart[i], keyStart[i + 1]), slots.length);
                while (slots[slot] != 0) {
                    slot = (slot + 1) & (slots.length - 1);
                }
                slots[slot] = i + 1;
            }
            byKey = slots;
            return slots;
        }

        LinkedValues build() {
            return new LinkedValues(this);
        }
    }
}
