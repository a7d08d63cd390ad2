package org.stockbridge;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Stockbridge: the open inventory hub. Routes come from the routes folder; the hub store lives in {@code hub}. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class StockbridgeApplication {

    public static void main(String[] args) {
        SpringApplication.run(StockbridgeApplication.class, args);
    }
}
