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

    private final SyncRuleStore store;
    private final SyncRuleValidator validator = new SyncRuleValidator();
    private final AtomicReference<SyncRuleEngine> engine = new AtomicReference<>();

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
        RuleCheck check = validator.checkSave(rule, store.all()).orThrow();
        long id = store.insert(rule);
        engine.set(null);
        return new Saved(rule.withId(id), check);
    }

    @Transactional
    public Optional<Saved> update(long id, SyncRule rule) {
        if (store.find(id).isEmpty()) {
            return Optional.empty();
        }
        SyncRule withId = rule.withId(id);
        RuleCheck check = validator.checkSave(withId, store.all()).orThrow();
        store.update(id, withId);
        engine.set(null);
        return Optional.of(new Saved(withId, check));
    }

    @Transactional
    public boolean delete(long id) {
        engine.set(null);
        return store.delete(id);
    }

    /** The engine for the current rule set, rebuilt after a change. */
    public SyncRuleEngine engine() {
        return engine.updateAndGet(current -> current != null ? current : new SyncRuleEngine(store.all()));
    }
}
