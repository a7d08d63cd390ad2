package org.stockbridge.api;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.stockbridge.feed.intake.HeldFeeds;
import org.stockbridge.hub.FeedRun;
import org.stockbridge.hub.FeedRunStore;
import org.stockbridge.hub.HeldFeed;

@RestController
@RequestMapping("/api/feeds")
@Validated
@Tag(name = "Feeds", description = "Feed files processed, and full feeds held by the guard")
public class FeedController {

    private final HeldFeeds heldFeeds;
    private final FeedRunStore runs;

    public FeedController(HeldFeeds heldFeeds, FeedRunStore runs) {
        this.heldFeeds = heldFeeds;
        this.runs = runs;
    }

    @GetMapping("/runs")
    @Operation(summary = "Feed files processed, newest first: rows, bad rows, unknown keys, values changed, outcome")
    public List<FeedRun> runs(@RequestParam(required = false) String connection,
            @RequestParam(defaultValue = "50") @Min(1) @Max(1000) int limit) {
        return runs.recent(connection, limit);
    }

    @GetMapping("/held")
    @Operation(summary = "Full feeds held because they had far fewer rows than the previous one")
    public List<HeldFeed> held() {
        return heldFeeds.held();
    }

    @PostMapping("/held/{id}/release")
    @Operation(summary = "Apply a held feed anyway (including stock 0 for the products it lacks)")
    public FeedRun release(@PathVariable long id) {
        return heldFeeds.release(id).run();
    }

    @PostMapping("/held/{id}/discard")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Throw a held feed away; nothing of it is applied")
    public void discard(@PathVariable long id) {
        heldFeeds.discard(id);
    }
}
