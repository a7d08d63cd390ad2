package org.stockbridge.api;

import java.security.Principal;

/** Who made an admin API change, as written into the sync record's reason. */
final class Actor {

    private Actor() {
    }

    static String reason(Principal principal) {
        return "admin API (" + (principal == null ? "local" : "user " + principal.getName()) + ")";
    }
}
