package org.stockbridge.rules.store;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.stockbridge.rules.RuleCheck;
import org.stockbridge.rules.SyncRule;
import org.stockbridge.rules.SyncRuleEngine;
import org.stockbridge.rules.SyncRuleValidator;

/**
 * The sync rules operators manage: validated on every save (including the limit of 200), kept in the database,
 * and compiled into the {@link SyncRuleEngine} the shop pushes use. A changed rule applies to computations from
 * then on; values already sent stay as they were.
 */
@Service
public class SyncRules {

    /** A saved rule and the warnings its check produced (e.g. safety stock not above the threshold). */
    public record Saved(SyncRule rule, RuleCheck check) {
    }

    /** The engine compiled from the rules as they were at {@code version}. */
    private record Compiled(long version, SyncRuleEngine engine) {
    }

    private final SyncRuleStore store;
    private final SyncRuleValidator validator = new SyncRuleValidator();
    private final AtomicReference<Compiled> compiled = new AtomicReference<>();

    public SyncRules(SyncRuleStore store) {
        this.store = store;
    }

    public List<SyncRule> all() {
        return store.all();
    }

    public Optional<SyncRule> find(long id) {
        return store.find(id);
    }

    @Transactional
    public Saved create(SyncRule rule) {
        store.changing();
        RuleCheck check = validator.checkSave(rule, store.all()).orThrow();
        long id = store.insert(rule);
        return new Saved(rule.withId(id), check);
    }

    @Transactional
    public Optional<Saved> update(long id, SyncRule rule) {
        if (store.find(id).isEmpty()) {
            return Optional.empty();
        }
        store.changing();
        SyncRule withId = rule.withId(id);
        RuleCheck check = validator.checkSave(withId, store.all()).orThrow();
        store.update(id, withId);
        return Optional.of(new Saved(withId, check));
    }

    @Transactional
    public boolean delete(long id) {
        store.changing();
        return store.delete(id);
    }

    /**
     * The engine for the current rule set: compiled again when the set's version changed, whichever instance
     * changed it. The version is read before the rules, so rules read after a newer change are at worst compiled
     * once more, never kept under that change's version while older.
     */
    public SyncRuleEngine engine() {
        long version = store.version();
        Compiled current = compiled.get();
        if (current != null && current.version() == version) {
            return current.engine();
        }
        Compiled fresh = new Compiled(version, new SyncRuleEngine(store.all()));
        compiled.set(fresh);
        return fresh.engine();
    }
}
