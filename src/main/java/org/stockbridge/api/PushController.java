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
import org.stockbridge.push.SyncNow;

/** Hub → shop operations: failed transfers and their retry, and "sync now". */
@RestController
@Tag(name = "Hub to shop", description = "Values shops refused, retries, and full pushes on demand")
public class PushController {

    private final Failures failures;
    private final SyncNow syncNow;

    public PushController(Failures failures, SyncNow syncNow) {
        this.failures = failures;
        this.syncNow = syncNow;
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
