package org.stockbridge.feed.intake;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.stockbridge.hub.HeldFeed;
import org.stockbridge.hub.HeldFeedStore;
import org.stockbridge.hub.HubException;

/** The operator's side of the full-feed guard: list held feeds, apply one anyway, or throw it away. */
@Service
public class HeldFeeds {

    private static final Logger LOG = LoggerFactory.getLogger(HeldFeeds.class);

    private final HeldFeedStore store;
    private final FeedIngestion ingestion;
    private final FeedMappings mappings;

    public HeldFeeds(HeldFeedStore store, FeedIngestion ingestion, FeedMappings mappings) {
        this.store = store;
        this.ingestion = ingestion;
        this.mappings = mappings;
    }

    public List<HeldFeed> held() {
        return store.held();
    }

    /** Applies the held file without the guard (the operator vouched for it), including zeroing what it lacks. */
    public FeedOutcome release(long id) {
        HeldFeed feed = decide(id, HeldFeed.RELEASED);
        Path file = Path.of(feed.stagedPath());
        LOG.info("{}: held feed {} ({}) released by an operator", feed.connection(), id, feed.fileName());
        FeedOutcome outcome = ingestion.ingest(new FeedJob(feed.connection(), feed.mapping(), mappings.get(feed.mapping()),
                file, feed.fileName(), feed.fileKey(), file.getParent(), file.getParent(), false));
        delete(file);
        return outcome;
    }

    public void discard(long id) {
        HeldFeed feed = decide(id, HeldFeed.DISCARDED);
        LOG.info("{}: held feed {} ({}) discarded by an operator", feed.connection(), id, feed.fileName());
        delete(Path.of(feed.stagedPath()));
    }

    private HeldFeed decide(long id, String state) {
        HeldFeed feed = store.find(id).orElseThrow(() -> new HubException(HubException.Kind.NOT_FOUND, "no held feed " + id));
        if (!store.decide(id, state)) {
            throw HubException.invalid("held feed " + id + " was already " + store.find(id).map(HeldFeed::state).orElse("decided"));
        }
        return feed;
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("could not delete {}: {}", file, e.getMessage());
        }
    }
}
