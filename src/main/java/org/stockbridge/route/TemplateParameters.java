package org.stockbridge.route;


import org.apache.camel.RouteTemplateContext;
import org.stockbridge.feed.FeedMapping;
import org.stockbridge.feed.MappingException;
import org.stockbridge.feed.intake.FeedMappings;
import org.stockbridge.hub.Connection;
import org.stockbridge.hub.ReferenceDataStore;
import org.stockbridge.hub.Role;

/**
 * Checks of parameter values shared by the hub's route templates; each error names the parameter.
 */
final class TemplateParameters {

    private TemplateParameters() {
    }

    static String required(String template, RouteTemplateContext context, String name) {
        String value = context.getProperty(name, String.class);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("route template " + template + ": parameter '" + name + "' is required");
        }
        return value;
    }

    /** Parameter {@code connection}: declared, and superior for at least one data kind (the hub takes data from it). */
    static Connection superiorConnection(String id, ReferenceDataStore reference) {
        Connection connection = reference.connection(id).orElseThrow(() -> new IllegalArgumentException(
                "parameter 'connection': '" + id + "' is not declared under stockbridge.connections"));
        if (connection.stock() != Role.SUPERIOR && connection.prices() != Role.SUPERIOR
                && connection.products() != Role.SUPERIOR) {
            throw new IllegalArgumentException("parameter 'connection': '" + id
                    + "' is superior for neither stock, prices nor products, so the hub takes nothing from it");
        }
        return connection;
    }

    /** Parameter {@code mapping}: a mapping file that loads. */
    static FeedMapping mapping(String name, FeedMappings mappings) {
        try {
            return mappings.get(name);
        } catch (MappingException e) {
            throw new IllegalArgumentException("parameter 'mapping': " + e.getMessage(), e);
        }
    }
}
