package org.stockbridge.route;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stockbridge.format.PagedProductApi.Parent;
import org.stockbridge.hub.ApiCursorStore;

/**
 * The products of one api-to-hub connection whose items are listed apart (WooCommerce's variable products), as the
 * hub remembers them between pulls, in the api_cursor table:
 * <ul>
 * <li>{@code variations/<id>}: the cursor of the parent's items (empty before the first is read);</li>
 * <li>{@code variation-parents/<id>}: the parent's own SKU (a variation listed with it has none of its own);</li>
 * <li>{@code variation-parents-missed/<id>}: the last listing of every parent did not name it;</li>
 * <li>{@code variations-listed}: when every parent was last listed; {@code variations-walk}: the parent the last
 * pull started last.</li>
 * </ul>
 */
final class KnownParents {

    /** The items under a parent: their cursors are named {@code variations/<parent id>}. */
    static final String ITEMS = "variations";
    private static final String ITEM_CURSORS = ITEMS + "/";
    private static final String KEYS = "variation-parents/";
    private static final String MISSED = "variation-parents-missed/";
    /** When every parent was last listed; also the name of that listing's pages. */
    static final String LISTED = "variations-listed";
    private static final String WALK = "variations-walk";
    private static final Logger LOG = LoggerFactory.getLogger(KnownParents.class);

    private final String connection;
    private final ApiCursorStore cursors;
    private final Clock clock;

    KnownParents(String connection, ApiCursorStore cursors, Clock clock) {
        this.connection = connection;
        this.cursors = cursors;
        this.clock = clock;
    }

    /** The name of the cursor of the parent's items. */
    static String itemsCursor(Parent parent) {
        return ITEM_CURSORS + parent.id();
    }

    /** Whether every parent was last listed before {@code moment}, or never. */
    boolean listedBefore(Instant moment) {
        String listed = cursors.get(connection, LISTED).orElse("");
        try {
            return listed.isEmpty() || Instant.parse(listed).isBefore(moment);
        } catch (DateTimeParseException e) {
            return true;
        }
    }

    /** Every parent has been listed now (once the listing's pages are remembered). */
    void listedNow() {
        cursors.save(connection, LISTED, clock.instant().toString());
    }

    /** Parents a page named: asked from now on; their own SKUs kept up to date. */
    void remember(List<Parent> parents) {
        for (Parent parent : parents) {
            if (cursors.get(connection, itemsCursor(parent)).isEmpty()) {
                cursors.save(connection, itemsCursor(parent), "");
            }
            cursors.save(connection, KEYS + parent.id(), parent.key() == null ? "" : parent.key());
        }
    }

    /**
     * The known parents and the ones the page just read names (remembered only once it is applied, but asked in
     * this pull), in id order from the one after the parent the last pull started last: one whose items keep failing
     * ends each pull once and never keeps the others from being read.
     */
    Deque<Parent> walk(List<Parent> named) {
        Map<String, Parent> parents = new LinkedHashMap<>();
        cursors.startingWith(connection, KEYS).forEach((id, key) -> parents.put(id, new Parent(id, key.isEmpty() ? null : key)));
        cursors.startingWith(connection, ITEM_CURSORS).keySet().forEach(id -> parents.putIfAbsent(id, new Parent(id, null)));
        named.forEach(p -> parents.put(p.id(), p));
        List<Parent> ordered = new ArrayList<>(parents.values());
        ordered.sort(Comparator.comparing((Parent p) -> p.id().length()).thenComparing(Parent::id)); // numeric ids
        String last = cursors.get(connection, WALK).orElse("");
        int from = 0;
        for (int i = 0; i < ordered.size(); i++) {
            if (ordered.get(i).id().equals(last)) {
                from = i + 1;
                break;
            }
        }
        Deque<Parent> walk = new ArrayDeque<>(ordered.subList(from, ordered.size()));
        walk.addAll(ordered.subList(0, from));
        return walk;
    }

    /** The pull starts on this parent's items. */
    void started(Parent parent) {
        cursors.save(connection, WALK, parent.id());
    }

    /**
     * A known parent the listing did not name is forgotten once two listings in a row have missed it: the listing
     * is paged by number, so a product deleted while it is read moves the next one onto a page already read, and
     * one miss alone may be that rather than the parent being gone.
     */
    void forgetUnlisted(Set<String> listed) {
        Set<String> known = new HashSet<>(cursors.startingWith(connection, ITEM_CURSORS).keySet());
        known.addAll(cursors.startingWith(connection, KEYS).keySet());
        Set<String> missedBefore = new HashSet<>(cursors.startingWith(connection, MISSED).keySet());
        missedBefore.stream().filter(listed::contains).forEach(parent -> cursors.reset(connection, MISSED + parent));
        known.removeAll(listed);
        List<String> gone = known.stream().filter(missedBefore::contains).toList();
        known.stream().filter(parent -> !missedBefore.contains(parent))
                .forEach(parent -> cursors.save(connection, MISSED + parent, clock.instant().toString()));
        if (!gone.isEmpty()) {
            LOG.info("{}: {} {} no longer variable or gone (missed by two listings); no longer asked for their {}",
                    connection, gone.size(), gone.size() == 1 ? "product is" : "products are", ITEMS);
            gone.forEach(this::forget);
        }
    }

    /** The parent is gone: no longer asked for its items (its items' cursor goes last: gone, it is all gone). */
    void forget(String parent) {
        cursors.reset(connection, MISSED + parent);
        cursors.reset(connection, KEYS + parent);
        cursors.reset(connection, ITEM_CURSORS + parent);
    }
}
