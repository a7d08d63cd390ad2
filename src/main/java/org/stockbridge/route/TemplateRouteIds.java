package org.stockbridge.route;

import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.model.Model;
import org.apache.camel.model.ModelLifecycleStrategySupport;
import org.apache.camel.model.PropertyDefinition;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.springframework.stereotype.Component;

/**
 * Gives a route created from one of the hub's templates without a {@code routeId} the id {@code <connection>-<template>}
 * ({@code acme-feed-to-hub}, {@code woo-main-api-to-hub}), so every flow is found by the same name in routes/,
 * Hawtio and the logs. Camel cannot do this itself: it drops the {@code routeId} of a template's route and numbers
 * such routes {@code route1}, {@code route2}... The routes folder is loaded before this runs, and reloaded files
 * come later: both are named.
 */
@Component
public class TemplateRouteIds implements CamelContextConfiguration {

    /** The route property a template marks its routes with ({@code .routeProperty(TemplateRouteIds.TEMPLATE, id)}). */
    static final String TEMPLATE = "stockbridge.template";

    @Override
    public void beforeApplicationStart(CamelContext camel) {
        Model model = camel.getCamelContextExtension().getContextPlugin(Model.class);
        model.getRouteDefinitions().forEach(route -> name(camel, route));
        model.addModelLifecycleStrategy(new ModelLifecycleStrategySupport() {
            @Override
            public void onAddRouteDefinition(RouteDefinition route) {
                name(camel, route);
            }
        });
    }

    private static void name(CamelContext camel, RouteDefinition route) {
        Map<String, Object> parameters = route.getTemplateParameters();
        String template = route.getRouteProperties() == null ? null : route.getRouteProperties().stream()
                .filter(p -> TEMPLATE.equals(p.getKey())).map(PropertyDefinition::getValue).findFirst().orElse(null);
        if (!route.hasCustomIdAssigned() && template != null && parameters != null
                && parameters.get("connection") instanceof String connection) {
            route.setId(camel.resolvePropertyPlaceholders(connection) + "-" + template);
        }
    }

    @Override
    public void afterApplicationStart(CamelContext camel) {
        // nothing to do once started
    }
}
