package org.stockbridge.push;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stockbridge.format.ItemResult;
import org.stockbridge.format.ItemResults;

/**
 * The circuit breaker of one shop: after {@code failures} requests in a row that failed as a whole (unreachable,
 * timed out, 5xx, 429) the shop is paused ({@code OPEN}) for {@code openFor}; then one request tries (
 * {@code HALF_OPEN}): its success closes the breaker, its failure pauses the shop again.
 * <p>
 * Why not Camel's {@code circuitBreaker()} EIP: its Resilience4j implementation (camel-resilience4j) is not served
 * by the Maven repository this project builds from, and the EIP would wrap only the HTTP call, while a paused shop
 * must also stop claiming outbox entries — the route skips its drain while the breaker is open, so it neither
 * blocks nor spins, and other shops (each on its own route) are not slowed. Time comes from the hub's
 * {@link Clock}.
 * <p>
 * A request the shop judged item by item (some ok or refused) counts as an answer: the shop is up.
 */
public final class ShopBreaker {

    public enum State { CLOSED, OPEN, HALF_OPEN }

    /** What operators see (API, JMX). {@code openUntil} is null unless open. */
    public record Status(State state, int failuresInARow, String lastFailure, Instant openUntil, int timesOpened) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(ShopBreaker.class);

    private final String connection;
    private final int threshold;
    private final Duration openFor;
    private final Clock clock;

    private State state = State.CLOSED;
    private int failuresInARow;
    private String lastFailure;
    private Instant openUntil;
    private boolean trialUnderWay;
    private int timesOpened;

    public ShopBreaker(String connection, int threshold, Duration openFor, Clock clock) {
        this.connection = connection;
        this.threshold = threshold;
        this.openFor = openFor;
        this.clock = clock;
    }

    /** True while the shop is paused: the route does not even look at its outbox. */
    public synchronized boolean paused() {
        return state == State.OPEN && clock.instant().isBefore(openUntil);
    }

    /**
     * Whether one request may go to the shop now. When the pause is over the first request asked for is the trial
     * (half-open); until its answer is known no other request goes.
     */
    public synchronized boolean admit() {
        switch (state) {
            case CLOSED:
                return true;
            case OPEN:
                if (clock.instant().isBefore(openUntil)) {
                    return false;
                }
                state = State.HALF_OPEN;
                trialUnderWay = true;
                return true;
            default:
                if (trialUnderWay) {
                    return false;
                }
                trialUnderWay = true;
                return true;
        }
    }

    /** The results of an admitted request: all retryable counts as a failure of the shop, anything else as an answer. */
    public void answered(ItemResults results) {
        if (!results.results().isEmpty() && results.retryable().size() == results.results().size()) {
            failed(results.results().stream().map(ItemResult::reason).filter(reason -> reason != null).findFirst()
                    .orElse("no reason given"));
        } else {
            succeeded();
        }
    }

    synchronized void succeeded() {
        failuresInARow = 0;
        trialUnderWay = false;
        if (state != State.CLOSED) {
            state = State.CLOSED;
            openUntil = null;
            LOG.info("{}: circuit breaker closed, the shop answers again (the last failure was: {})", connection, lastFailure);
        }
    }

    synchronized void failed(String reason) {
        failuresInARow++;
        lastFailure = reason;
        trialUnderWay = false;
        if (state == State.HALF_OPEN) {
            open();
            // still paused as far as an operator is concerned: the opening was logged, its end will be
            LOG.debug("{}: circuit breaker trial failed, paused again until {}: {}", connection, openUntil, reason);
        } else if (state == State.CLOSED && failuresInARow >= threshold) {
            open();
            timesOpened++;
            LOG.warn("{}: circuit breaker opened after {} failed requests in a row; pushes to the shop paused for {}, "
                    + "then one request tries again. Last failure: {}", connection, failuresInARow, openFor, reason);
        }
    }

    public synchronized Status status() {
        return new Status(state, failuresInARow, lastFailure, state == State.OPEN ? openUntil : null, timesOpened);
    }

    private void open() {
        state = State.OPEN;
        openUntil = clock.instant().plus(openFor);
    }
}
