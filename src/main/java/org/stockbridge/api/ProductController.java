package org.stockbridge.api;

import java.math.BigDecimal;
import java.net.URI;
import java.security.Principal;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.stockbridge.hub.HubService;
import org.stockbridge.hub.Link;
import org.stockbridge.hub.PriceChange;
import org.stockbridge.hub.Product;
import org.stockbridge.hub.ProductData;
import org.stockbridge.hub.ProductView;
import org.stockbridge.hub.StockChange;

@RestController
@RequestMapping("/api/products")
@Validated
@Tag(name = "Products", description = "Hub products, their stock per warehouse, prices per price group and links")
public class ProductController {

    private final HubService hub;

    public ProductController(HubService hub) {
        this.hub = hub;
    }

    @GetMapping
    @Operation(summary = "List products by SKU")
    public List<Product> list(@RequestParam(defaultValue = "0") @Min(0) int offset,
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        return hub.products(offset, limit);
    }

    @GetMapping("/{sku}")
    @Operation(summary = "Read a product with stock, reserved and available per warehouse, prices and links")
    public ProductView get(@PathVariable String sku) {
        return hub.product(Skus.valid(sku));
    }

    @PutMapping("/{sku}")
    @Operation(summary = "Create or update a product's EAN, name and attributes")
    public ResponseEntity<ProductView> put(@PathVariable String sku, @Valid @RequestBody ProductRequest body) {
        boolean created = hub.saveProduct(Skus.valid(sku), new ProductData(body.ean(), body.name(), body.attributes()));
        ProductView view = hub.product(sku);
        return created ? ResponseEntity.created(URI.create("/api/products/" + sku)).body(view) : ResponseEntity.ok(view);
    }

    @PutMapping("/{sku}/stock/{warehouse}")
    @Operation(summary = "Set the on-hand stock of a product in a warehouse")
    public ProductView putStock(@PathVariable String sku, @PathVariable String warehouse,
            @Valid @RequestBody StockRequest body, Principal principal) {
        hub.setStock(null, StockChange.set(Skus.valid(sku), warehouse, body.quantity(), Actor.reason(principal)));
        return hub.product(sku);
    }

    @PutMapping("/{sku}/prices/{priceGroup}")
    @Operation(summary = "Set a product's gross price in a price group (decimal string)")
    public ProductView putPrice(@PathVariable String sku, @PathVariable String priceGroup,
            @Valid @RequestBody PriceRequest body, Principal principal) {
        hub.setPrice(null, new PriceChange(Skus.valid(sku), priceGroup, new BigDecimal(body.amount()), Actor.reason(principal)));
        return hub.product(sku);
    }

    @PutMapping("/{sku}/links/{connection}")
    @Operation(summary = "Link a product to its id in a connection")
    public ProductView putLink(@PathVariable String sku, @PathVariable String connection,
            @Valid @RequestBody LinkRequest body) {
        hub.link(Skus.valid(sku), new Link(connection, body.externalId(), body.externalSku(), "manual"));
        return hub.product(sku);
    }
}
