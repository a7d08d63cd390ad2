package org.stockbridge.route;

import java.util.Set;
import java.util.TreeSet;

import org.apache.camel.RouteTemplateContext;
import org.stockbridge.feed.FeedMapping;
import org.stockbridge.feed.MappingException;
import org.stockbridge.feed.intake.FeedMappings;
import org.stockbridge.hub.Connection;
import org.stockbridge.hub.ReferenceDataStore;
import org.stockbridge.hub.Role;

/**
 * Checks of a route template's parameters when a route is created from it: Camel refuses a missing required
 * parameter on its own, but silently ignores a misspelt optional one — this refuses it, naming the template,
 * the parameter and the parameters that exist.
 */
final class TemplateParameters {

    private TemplateParameters() {
    }

    static void requireKnown(String template, RouteTemplateContext context, Set<String> known) {
        Set<String> unknown = new TreeSet<>(context.getParameters().keySet());
        unknown.removeAll(known);
        // Camel adds its own bookkeeping parameters (routeId, templateId, location...)
        unknown.removeIf(name -> name.startsWith("_") || name.equals("routeId") || name.equals("templateId")
                || name.equals("location"));
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("route template " + template + ": unknown parameter(s) " + unknown
                    + "; its parameters are " + new TreeSet<>(known));
        }
    }

    static String required(String template, RouteTemplateContext context, String name) {
        String value = context.getProperty(name, String.class);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("route template " + template + ": parameter '" + name + "' is required");
        }
        return value;
    }

    /** Parameter {@code connection}: declared, and superior for at least one data kind (the hub takes data from it). */
    static Connection superiorConnection(String template, RouteTemplateContext context, ReferenceDataStore reference) {
        String id = required(template, context, "connection");
        Connection connection = reference.connection(id).orElseThrow(() -> new IllegalArgumentException("route template "
                + template + ": parameter 'connection': '" + id + "' is not declared under stockbridge.connections"));
        if (connection.stock() != Role.SUPERIOR && connection.prices() != Role.SUPERIOR
                && connection.products() != Role.SUPERIOR) {
            throw new IllegalArgumentException("route template " + template + ": parameter 'connection': '" + id
                    + "' is superior for neither stock, prices nor products, so the hub takes nothing from it");
        }
        return connection;
    }

    /** Parameter {@code mapping}: a mapping file that loads. */
    static FeedMapping mapping(String template, RouteTemplateContext context, FeedMappings mappings) {
        try {
            return mappings.get(required(template, context, "mapping"));
        } catch (MappingException e) {
            throw new IllegalArgumentException("route template " + template + ": parameter 'mapping': " + e.getMessage(), e);
        }
    }
}
