package org.stockbridge.route;

/** One documented parameter of a route template, as an integrator sees it in the README's table. */
public record TemplateParameter(String name, boolean required, String defaultValue, String description) {

    public static TemplateParameter required(String name, String description) {
        return new TemplateParameter(name, true, null, description);
    }

    public static TemplateParameter optional(String name, String description) {
        return new TemplateParameter(name, false, null, description);
    }
}
