package org.stockbridge;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * A test against the whole hub: Spring Boot on a random port, Camel, the store on H2 or — with
 * {@code -Dstockbridge.test.db=postgres} — on the PostgreSQL named by {@code STOCKBRIDGE_TEST_PG_URL}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = StockbridgeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@CamelSpringBootTest
@ActiveProfiles(resolver = TestDatabase.class)
public @interface HubTest {
}
