package org.stockbridge.route;

import org.apache.camel.Exchange;
import org.apache.camel.support.SynchronizationAdapter;

/**
 * The turn one request took in its shop's {@link ShopPace}, kept on its exchange ({@link ShopExchange#PACE_TURN}).
 * It is handed back exactly once: when the answer is in, or when the exchange ends without one (a catalog page
 * that failed after its retries), so no slot is ever kept by a request that is gone. A failed attempt hands its
 * turn back at once ({@link #failed}) and its redelivery takes a new one ({@link #again}): the shop counts every
 * arrival, not every exchange.
 */
final class PaceTurn {

    private final ShopPace pace;
    private final boolean push;
    private int slot;
    private boolean underWay;
    private boolean sendAgain; // failed under way: a redelivery needs a new turn

    private PaceTurn(ShopPace pace, boolean push) {
        this.pace = pace;
        this.push = push;
    }

    /**
     * Waits for the next turn in {@code pace} and puts it on the exchange; the request leaves at once after.
     * {@code push}: whether the shop's next drain waits for it ({@link ShopPace#leave(boolean)}).
     */
    static void take(Exchange exchange, ShopPace pace, boolean push) throws InterruptedException {
        PaceTurn turn = new PaceTurn(pace, push);
        turn.leave();
        exchange.setProperty(ShopExchange.PACE_TURN, turn);
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                turn.answered();
            }
        });
    }

    /** The exchange's request has its answer (or failed): its turn goes back to the pace, if it still holds one. */
    static void answered(Exchange exchange) {
        PaceTurn turn = exchange.getProperty(ShopExchange.PACE_TURN, PaceTurn.class);
        if (turn != null) {
            turn.answered();
        }
    }

    /**
     * The error handler saw the exchange fail (before any redelivery delay): if its request was under way, the
     * shop has answered it (with an error) or never will, so the turn goes back now rather than after the backoff,
     * which would hold the slot for seconds (up to a shop's Retry-After) and stall the shop's other requests.
     */
    static void failed(Exchange exchange) {
        PaceTurn turn = exchange.getProperty(ShopExchange.PACE_TURN, PaceTurn.class);
        if (turn != null && turn.answered()) {
            turn.markSendAgain();
        }
    }

    /**
     * Before a redelivery: a request that failed under way is sent again and waits for a new turn, since the
     * shop counts it again. A redelivery of another step, after the answer was in, takes none: it sends nothing.
     * Interrupted while waiting, the redelivery is stopped rather than sent without a turn.
     */
    static void again(Exchange exchange) {
        PaceTurn turn = exchange.getProperty(ShopExchange.PACE_TURN, PaceTurn.class);
        if (turn == null || !turn.takeSendAgain()) {
            return;
        }
        try {
            turn.leave();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.setException(e);
            exchange.setRouteStop(true);
        }
    }

    private void leave() throws InterruptedException {
        int taken = pace.leave(push);
        synchronized (this) {
            slot = taken;
            underWay = true;
        }
    }

    private synchronized void markSendAgain() {
        sendAgain = true;
    }

    private synchronized boolean takeSendAgain() {
        boolean needed = sendAgain;
        sendAgain = false;
        return needed;
    }

    /** Hands the turn back if the request still held it; whether it did. */
    private synchronized boolean answered() {
        if (!underWay) {
            return false;
        }
        underWay = false;
        pace.answered(slot);
        return true;
    }
}
