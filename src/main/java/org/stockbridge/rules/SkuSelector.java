package org.stockbridge.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * Which SKUs a rule covers: either an explicit list of SKUs or one glob pattern ({@code ACME-*}, {@code *-RED},
 * {@code SHIRT-?}). Exactly one of the two must be given; the record itself accepts anything so that
 * {@link SyncRuleValidator} can report what is wrong instead of a constructor failing half-way through an API call.
 *
 * @param skus    the explicit SKUs (exact, case-sensitive), empty when a pattern is used
 * @param pattern the glob pattern, {@code null} when a list is used
 */
public record SkuSelector(List<String> skus, String pattern) {

    public SkuSelector {
        // Copy that tolerates null elements, so the validator can name them instead of List.copyOf throwing.
        skus = skus == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(skus));
    }

    public static SkuSelector skus(String... skus) {
        return new SkuSelector(Arrays.asList(skus), null);
    }

    public static SkuSelector skus(Collection<String> skus) {
        return new SkuSelector(new ArrayList<>(skus), null);
    }

    public static SkuSelector pattern(String glob) {
        return new SkuSelector(List.of(), glob);
    }

    public boolean usesPattern() {
        return pattern != null;
    }

    @Override
    public String toString() {
        return usesPattern() ? "pattern " + pattern : "SKUs " + skus;
    }
}
