package org.stockbridge.push;

import org.springframework.jmx.export.annotation.ManagedOperation;
import org.springframework.jmx.export.annotation.ManagedOperationParameter;
import org.springframework.jmx.export.annotation.ManagedResource;
import org.springframework.stereotype.Component;
import org.stockbridge.hub.HubException;

/**
 * "Sync now" from Hawtio's JMX tab ({@code stockbridge:name=syncNow}): the same {@link SyncNow} as
 * {@code POST /api/sync/run}. Operations answer with a sentence rather than throwing, because Hawtio shows a
 * returned text plainly but an exception as a stack trace.
 */
@Component
@ManagedResource(objectName = "stockbridge:name=syncNow", description = "Push every linked product's current values to shops")
public class SyncNowOperations {

    private final SyncNow syncNow;
    private final ReconcileNow reconcileNow;

    SyncNowOperations(SyncNow syncNow, ReconcileNow reconcileNow) {
        this.syncNow = syncNow;
        this.reconcileNow = reconcileNow;
    }

    @ManagedOperation(description = "Reconcile one shop now (in the background): correct what it shows wrong")
    @ManagedOperationParameter(name = "connection", description = "the shop's connection id, e.g. woo-main")
    public String reconcile(String connection) {
        try {
            reconcileNow.start(connection);
            return "reconciliation of " + connection + " started";
        } catch (HubException e) {
            return "not started: " + e.getMessage();
        }
    }

    @ManagedOperation(description = "Sync now every shop the hub sends to")
    public String syncAll() {
        return syncNow.run(null) + " values queued for every shop the hub sends to";
    }

    @ManagedOperation(description = "Sync now one shop")
    @ManagedOperationParameter(name = "connection", description = "the shop's connection id, e.g. woo-main")
    public String sync(String connection) {
        try {
            return syncNow.run(connection) + " values queued for " + connection;
        } catch (HubException e) {
            return "nothing queued: " + e.getMessage();
        }
    }
}
