package org.stockbridge.route;

import org.apache.camel.Exchange;
import org.apache.camel.support.SynchronizationAdapter;

/**
 * The turn one request took in its shop's {@link ShopPace}, kept on its exchange ({@link ShopExchange#PACE_TURN}).
 * It is handed back exactly once: when the answer is in, or when the exchange ends without one (a catalog page
 * that failed after its retries), so no slot is ever kept by a request that is gone. A redelivery of the request
 * takes a new turn ({@link #again}): the shop counts every arrival, not every exchange.
 */
final class PaceTurn {

    private final ShopPace pace;
    private int slot;
    private boolean underWay;

    private PaceTurn(ShopPace pace) {
        this.pace = pace;
    }

    /** Waits for the next turn in {@code pace} and puts it on the exchange; the request leaves at once after. */
    static void take(Exchange exchange, ShopPace pace) throws InterruptedException {
        PaceTurn turn = new PaceTurn(pace);
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
     * Before a redelivery of the exchange's request: the failed attempt is answered, the next one waits its turn.
     * A redelivery of another step, after the answer was in, takes no turn: it sends nothing to the shop.
     */
    static void again(Exchange exchange) throws InterruptedException {
        PaceTurn turn = exchange.getProperty(ShopExchange.PACE_TURN, PaceTurn.class);
        if (turn != null && turn.answered()) {
            turn.leave();
        }
    }

    private void leave() throws InterruptedException {
        int taken = pace.leave();
        synchronized (this) {
            slot = taken;
            underWay = true;
        }
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
