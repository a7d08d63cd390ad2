package org.stockbridge.api;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.stockbridge.hub.HubException;
import org.stockbridge.rules.RuleProblem;
import org.stockbridge.rules.SyncRule;
import org.stockbridge.rules.store.SyncRules;

@RestController
@RequestMapping("/api/rules")
@Tag(name = "Sync rules", description = "What each shop is shown: warehouses summed, threshold, rate, priority shop, safety stock")
public class RuleController {

    /** A saved rule with the warnings its check produced. */
    public record SavedRule(SyncRule rule, List<RuleProblem> warnings) {
    }

    private final SyncRules rules;

    public RuleController(SyncRules rules) {
        this.rules = rules;
    }

    @GetMapping
    @Operation(summary = "All sync rules, by priority")
    public List<SyncRule> list() {
        return rules.all();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One sync rule")
    public SyncRule get(@PathVariable long id) {
        return rules.find(id).orElseThrow(() -> notFound(id));
    }

    @PostMapping
    @Operation(summary = "Create a sync rule (at most 200); invalid rules are refused with every problem named")
    public ResponseEntity<SavedRule> create(@RequestBody RuleRequest body) {
        SyncRules.Saved saved = rules.create(body.toRule());
        return ResponseEntity.created(URI.create("/api/rules/" + saved.rule().id()))
                .body(new SavedRule(saved.rule(), saved.check().warnings()));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Replace a sync rule; it applies to computations from now on")
    public SavedRule update(@PathVariable long id, @RequestBody RuleRequest body) {
        SyncRules.Saved saved = rules.update(id, body.toRule()).orElseThrow(() -> notFound(id));
        return new SavedRule(saved.rule(), saved.check().warnings());
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a sync rule")
    public ResponseEntity<Void> delete(@PathVariable long id) {
        if (!rules.delete(id)) {
            throw notFound(id);
        }
        return ResponseEntity.noContent().build();
    }

    private static HubException notFound(long id) {
        return new HubException(HubException.Kind.NOT_FOUND, "no sync rule " + id);
    }
}
