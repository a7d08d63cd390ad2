package org.stockbridge.api;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.stockbridge.hub.Connection;
import org.stockbridge.hub.PriceGroup;
import org.stockbridge.hub.ReferenceDataStore;
import org.stockbridge.hub.Warehouse;

@RestController
@RequestMapping("/api")
@Tag(name = "Reference data", description = "Warehouses, price groups and connections (declared in configuration)")
public class ReferenceDataController {

    private final ReferenceDataStore reference;

    public ReferenceDataController(ReferenceDataStore reference) {
        this.reference = reference;
    }

    @GetMapping("/warehouses")
    @Operation(summary = "List warehouses")
    public List<Warehouse> warehouses() {
        return reference.warehouses();
    }

    @GetMapping("/price-groups")
    @Operation(summary = "List price groups with their currency")
    public List<PriceGroup> priceGroups() {
        return reference.priceGroups();
    }

    @GetMapping("/connections")
    @Operation(summary = "List connections with their role (superior, inferior, none) per data kind")
    public List<Connection> connections() {
        return reference.connections();
    }
}
