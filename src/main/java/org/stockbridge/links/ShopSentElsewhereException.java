package org.stockbridge.links;

/**
 * Another instance of the hub sends to the shop ({@link org.stockbridge.push.ShopSenders}): reading its product
 * list or creating products there from this instance would add requests that instance's pace does not count. The
 * admin API answers 409; asked again (on another instance, or once the sender has stopped) it may succeed.
 */
public class ShopSentElsewhereException extends RuntimeException {

    public ShopSentElsewhereException(String connection) {
        super("connection '" + connection + "': another instance of the hub sends to this shop (one sender per shop), "
                + "so this one does not send it requests; ask that instance, or again once it has stopped");
    }
}
