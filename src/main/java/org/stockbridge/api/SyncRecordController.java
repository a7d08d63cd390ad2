package org.stockbridge.api;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.stockbridge.hub.HubService;
import org.stockbridge.hub.SyncRecord;
import org.stockbridge.hub.SyncRecordQuery;

@RestController
@RequestMapping("/api/sync-records")
@Validated
@Tag(name = "Sync records", description = "Every change the hub received or sent, newest first")
public class SyncRecordController {

    private final HubService hub;

    public SyncRecordController(HubService hub) {
        this.hub = hub;
    }

    @GetMapping
    @Operation(summary = "Sync records filtered by SKU, connection and time (since inclusive, until exclusive; ISO-8601 instants)")
    public List<SyncRecord> list(@RequestParam(required = false) String sku,
            @RequestParam(required = false) String connection,
            @RequestParam(required = false) Instant since,
            @RequestParam(required = false) Instant until,
            @RequestParam(defaultValue = "100") @Min(1) @Max(10000) int limit) {
        return hub.syncRecords(new SyncRecordQuery(sku, connection, since, until, limit));
    }
}
