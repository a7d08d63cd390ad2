package org.stockbridge.support;

import org.apache.camel.CamelContext;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * For a test class whose routes poll a stand-in server: after its tests, stop the hub's routes and only then the
 * server, so that no poll finds the server gone while Spring still keeps the context.
 */
public final class StopRoutesFirst {

    private StopRoutesFirst() {
    }

    public static AfterAllCallback then(Runnable stopServer) {
        return test -> {
            SpringExtension.getApplicationContext(test).getBean(CamelContext.class).getRouteController().stopAllRoutes();
            stopServer.run();
        };
    }
}
