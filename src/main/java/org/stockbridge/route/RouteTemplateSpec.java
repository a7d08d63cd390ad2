package org.stockbridge.route;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.apache.camel.model.RouteTemplateDefinition;

/**
 * A route template's contract with integrators: its name, its documented parameters, and the checks of their
 * values. {@link RouteFilesCheck} applies it to every {@code templatedRoute} in the routes folder before Camel
 * starts, so a mistake is reported with the file and route it is in.
 */
public interface RouteTemplateSpec {

    String template();

    List<TemplateParameter> parameters();

    /** Checks literal parameter values (placeholders are left to Camel); throws IllegalArgumentException. */
    void validate(Map<String, String> values);

    /** Problems with the parameter names: unknown (misspelt) ones and missing required ones. */
    default List<String> nameProblems(Set<String> given) {
        Set<String> known = parameters().stream().map(TemplateParameter::name).collect(Collectors.toCollection(TreeSet::new));
        Set<String> unknown = new TreeSet<>(given);
        unknown.removeAll(known);
        List<String> missing = parameters().stream().filter(p -> p.required() && !given.contains(p.name()))
                .map(TemplateParameter::name).toList();
        var problems = new java.util.ArrayList<String>();
        unknown.forEach(name -> problems.add("unknown parameter '" + name + "'; its parameters are " + known));
        missing.forEach(name -> problems.add("parameter '" + name + "' is required"));
        return problems;
    }

    /** Declares the parameters on Camel's template definition, so Camel's tooling sees the same contract. */
    default RouteTemplateDefinition declareOn(RouteTemplateDefinition template) {
        return declareOn(template, context -> { });
    }

    /**
     * As {@link #declareOn(RouteTemplateDefinition)}, then {@code bind} runs for each route created: for checks
     * that need resolved placeholders and for the route's local beans.
     */
    default RouteTemplateDefinition declareOn(RouteTemplateDefinition template,
            java.util.function.Consumer<org.apache.camel.RouteTemplateContext> bind) {
        for (TemplateParameter p : parameters()) {
            if (p.required() || p.defaultValue() != null) {
                template.templateParameter(p.name(), p.defaultValue(), p.description());
            } else {
                template.templateOptionalParameter(p.name(), p.description());
            }
        }
        return template.configure(context -> {
            Set<String> given = new TreeSet<>(context.getParameters().keySet());
            // Camel's own bookkeeping parameters are not the integrator's
            given.removeIf(name -> name.startsWith("_") || Set.of("routeId", "templateId", "location").contains(name));
            List<String> problems = nameProblems(given);
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException("route template " + template() + ": " + String.join("; ", problems));
            }
            Map<String, String> values = new java.util.HashMap<>();
            context.getParameters().forEach((k, v) -> values.put(k, v == null ? null : v.toString()));
            try {
                validate(values);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("route template " + template() + ": " + e.getMessage(), e);
            }
            bind.accept(context);
        });
    }
}
