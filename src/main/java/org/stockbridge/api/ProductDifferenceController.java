package org.stockbridge.api;

import java.security.Principal;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.stockbridge.hub.HubService;
import org.stockbridge.hub.ProductDifference;

@RestController
@RequestMapping("/api/product-differences")
@Tag(name = "Product differences", description = "Product data a manual-mode connection reports differently from the hub")
public class ProductDifferenceController {

    private final HubService hub;

    public ProductDifferenceController(HubService hub) {
        this.hub = hub;
    }

    @GetMapping
    @Operation(summary = "Open differences (name, EAN), optionally of one connection")
    public List<ProductDifference> open(@RequestParam(required = false) String connection) {
        return hub.productDifferences(connection);
    }

    @PostMapping("/{id}/apply")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Take the connection's value into the hub")
    public void apply(@PathVariable long id, Principal principal) {
        hub.applyDifference(id, Actor.reason(principal));
    }

    @PostMapping("/{id}/dismiss")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Keep the hub's value")
    public void dismiss(@PathVariable long id) {
        hub.dismissDifference(id);
    }
}
