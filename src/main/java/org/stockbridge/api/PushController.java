package org.stockbridge.api;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.stockbridge.hub.OutboxFailure;
import org.stockbridge.push.Failures;
import org.stockbridge.push.ReconcileNow;
import org.stockbridge.push.ShopBreakers;
import org.stockbridge.push.ShopStatus;
import org.stockbridge.push.SyncNow;

/** Hub → shop operations: failed transfers and their retry, "sync now", reconciliation and shop status. */
@RestController
@Tag(name = "Hub to shop", description = "Values shops refused, retries, and full pushes on demand")
public class PushController {

    private final Failures failures;
    private final SyncNow syncNow;
    private final ShopBreakers breakers;
    private final ReconcileNow reconcileNow;

    public PushController(Failures failures, SyncNow syncNow, ShopBreakers breakers, ReconcileNow reconcileNow) {
        this.failures = failures;
        this.syncNow = syncNow;
        this.breakers = breakers;
        this.reconcileNow = reconcileNow;
    }

    @PostMapping("/api/shops/{connection}/reconcile")
    @Operation(summary = "Reconcile a shop now, in the background: read its product list, queue corrections for the "
            + "stock and prices it shows wrong (sync records with result 'correction'), retry its failed values; a shop "
            + "whose values cannot be read back (or in dry-run) gets a full push")
    public ResponseEntity<Void> reconcile(@PathVariable String connection) {
        reconcileNow.start(connection);
        return ResponseEntity.accepted().build();
    }

    @GetMapping("/api/shops/{connection}/status")
    @Operation(summary = "A shop the hub sends to: its circuit breaker (CLOSED, OPEN until, HALF_OPEN; failed requests "
            + "in a row, last failure) and its outbox entries pending, being sent and failed")
    public ShopStatus status(@PathVariable String connection) {
        return breakers.status(connection);
    }

    @GetMapping("/api/failures")
    @Operation(summary = "Values a shop refused (or that ran out of attempts), oldest first, with the shop's reason")
    public List<OutboxFailure> failures() {
        return failures.list();
    }

    @PostMapping("/api/failures/{id}/retry")
    @Operation(summary = "Send one failed value again at the next poll (the hub's then-current value)")
    public ResponseEntity<Void> retry(@PathVariable long id) {
        failures.retry(id);
        return ResponseEntity.accepted().build();
    }

    @PostMapping("/api/failures/retry")
    @Operation(summary = "Send every failed value again at the next poll")
    public ResponseEntity<Map<String, Integer>> retryAll() {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("retried", failures.retryAll()));
    }

    @PostMapping("/api/sync/run")
    @Operation(summary = "Sync now: push every linked product's current stock and price to the shop (or every shop "
            + "the hub sends to), even values the shop was already sent")
    public ResponseEntity<Map<String, Integer>> syncNow(@RequestParam(required = false) String connection) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("queued", syncNow.run(connection)));
    }
}
