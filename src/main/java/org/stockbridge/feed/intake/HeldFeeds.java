package org.stockbridge.feed.intake;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.stockbridge.hub.FeedRunStore;
import org.stockbridge.hub.HeldFeed;
import org.stockbridge.hub.HeldFeedStore;
import org.stockbridge.hub.HubException;

/** The operator's side of the full-feed guard: list held feeds, apply one anyway, or throw it away. */
@Service
public class HeldFeeds {

    private static final Logger LOG = LoggerFactory.getLogger(HeldFeeds.class);

    private final HeldFeedStore store;
    private final FeedRunStore runs;
    private final FeedIngestion ingestion;
    private final FeedMappings mappings;

    public HeldFeeds(HeldFeedStore store, FeedRunStore runs, FeedIngestion ingestion, FeedMappings mappings) {
        this.store = store;
        this.runs = runs;
        this.ingestion = ingestion;
        this.mappings = mappings;
    }

    public List<HeldFeed> held() {
        return store.held();
    }

    /**
     * Applies the held file without the guard (the operator vouched for it), including zeroing what it lacks. Refused
     * when a full feed of the same connection and mapping was applied after it was held: its rows are older than
     * that feed's, and zeroing what it lacks would undo it. If applying fails, the feed is held again (its staged
     * copy is kept), so the operator can release it again or discard it.
     */
    public FeedOutcome release(long id) {
        HeldFeed feed = store.find(id).orElseThrow(() -> notFound(id));
        if (HeldFeed.HELD.equals(feed.state()) && runs.fullFeedAppliedSince(feed.connection(), feed.mapping(), feed.heldAt())) {
            throw HubException.invalid("held feed " + id + " (" + feed.fileName() + ") is older than a full feed of "
                    + feed.connection() + " applied since: discard it");
        }
        decide(feed, HeldFeed.RELEASED);
        Path file = Path.of(feed.stagedPath());
        LOG.info("{}: held feed {} ({}) released by an operator", feed.connection(), id, feed.fileName());
        FeedOutcome outcome;
        try {
            outcome = ingestion.ingest(new FeedJob(feed.connection(), feed.mapping(), mappings.get(feed.mapping()),
                    file, feed.fileName(), feed.fileKey(), file.getParent(), file.getParent(), false));
        } catch (RuntimeException e) {
            store.undecide(id, HeldFeed.RELEASED);
            LOG.warn("{}: held feed {} ({}) could not be applied and is held again: {}", feed.connection(), id,
                    feed.fileName(), e.toString());
            throw e;
        }
        delete(file);
        return outcome;
    }

    /**
     * At start: a released feed whose staged copy is still there was cut off while being applied (the copy is
     * deleted only once it was), by a crash or a stop. It is held again, so an operator can release it again; the
     * rows its validation kept beside it ({@link ParsedRows}) are deleted, a release writes them anew.
     */
    @EventListener(ApplicationReadyEvent.class)
    public void holdInterruptedReleases() {
        for (HeldFeed feed : store.inState(HeldFeed.RELEASED)) {
            if (feed.stagedPath() != null && Files.exists(Path.of(feed.stagedPath()))) {
                delete(ParsedRows.beside(Path.of(feed.stagedPath())));
                store.undecide(feed.id(), HeldFeed.RELEASED);
                LOG.warn("{}: held feed {} ({}) was being released when the hub stopped: held again", feed.connection(),
                        feed.id(), feed.fileName());
            }
        }
    }

    public void discard(long id) {
        HeldFeed feed = store.find(id).orElseThrow(() -> notFound(id));
        decide(feed, HeldFeed.DISCARDED);
        LOG.info("{}: held feed {} ({}) discarded by an operator", feed.connection(), id, feed.fileName());
        delete(Path.of(feed.stagedPath()));
    }

    private void decide(HeldFeed feed, String state) {
        if (!store.decide(feed.id(), state)) {
            throw HubException.invalid("held feed " + feed.id() + " was already "
                    + store.find(feed.id()).map(HeldFeed::state).orElse("decided"));
        }
    }

    private static HubException notFound(long id) {
        return new HubException(HubException.Kind.NOT_FOUND, "no held feed " + id);
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("could not delete {}: {}", file, e.getMessage());
        }
    }
}
