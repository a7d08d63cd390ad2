package org.stockbridge.api;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.stockbridge.hub.HubException;
import org.stockbridge.hub.LinkMatchReport;
import org.stockbridge.links.ExportOrder;
import org.stockbridge.links.ProductsToShopReport;
import org.stockbridge.links.ShopLinkOperations;
import org.stockbridge.links.ShopSentElsewhereException;
import org.stockbridge.links.ShopUnavailableException;

/** Links in bulk between hub products and one shop's products, and products-to-shop. */
@RestController
@RequestMapping("/api/connections/{connection}")
@Validated
@Tag(name = "Links", description = "Bulk linking from a shop's product list, unlinked products on both sides, "
        + "and hub products created in a shop that lacks them")
public class LinkController {

    private final ShopLinkOperations operations;

    public LinkController(ShopLinkOperations operations) {
        this.operations = operations;
    }

    @PostMapping("/links/match")
    @Operation(summary = "Read the shop's product list and link every hub product that matches exactly one shop "
            + "product by the fields given in order (sku, ean, name; default sku); existing links are kept, "
            + "ambiguous matches are reported and not linked")
    public LinkMatchReport match(@PathVariable String connection, @RequestParam(required = false) String by) {
        return operations.match(connection, by);
    }

    @GetMapping("/unlinked")
    @Operation(summary = "side=hub: hub products with no link to the connection, by SKU; side=shop: the shop's "
            + "products (read from the shop now) that no hub product is linked to")
    public List<?> unlinked(@PathVariable String connection, @RequestParam(defaultValue = "hub") String side,
            @RequestParam(defaultValue = "0") @Min(0) int offset,
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        return switch (side) {
            case "hub" -> operations.unlinkedHubProducts(connection, offset, limit);
            case "shop" -> operations.unlinkedShopProducts(connection);
            default -> throw HubException.invalid("side: '" + side + "' is not hub or shop");
        };
    }

    @PostMapping("/products-to-shop")
    @Operation(summary = "Create hub products the shop lacks there and link them to the ids it answers with: the "
            + "SKUs in the body, or without a body the first `limit` unlinked hub products by SKU")
    public ProductsToShopReport productsToShop(@PathVariable String connection,
            @RequestBody(required = false) ExportRequest body,
            @RequestParam(defaultValue = "100") @Min(1) @Max(10000) int limit) {
        return operations.productsToShop(connection, new ExportOrder(body == null ? null : body.skus(), limit));
    }

    @ExceptionHandler(ShopSentElsewhereException.class)
    ProblemDetail sentElsewhere(ShopSentElsewhereException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    }

    @ExceptionHandler(ShopUnavailableException.class)
    ProblemDetail shopUnavailable(ShopUnavailableException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY, e.getMessage());
    }

    /** Body of {@code POST /api/connections/{connection}/products-to-shop}. */
    public record ExportRequest(List<String> skus) {
    }
}
