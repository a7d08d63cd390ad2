package org.stockbridge.route;

import java.util.Set;
import java.util.TreeSet;

import org.apache.camel.RouteTemplateContext;

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
}
