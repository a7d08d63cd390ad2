package org.stockbridge.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.mock.env.MockEnvironment;
import org.stockbridge.StockbridgeApplication;
import org.stockbridge.TestDatabase;

class SecurityModeTest {

    @Test
    void onlyALoopbackBindWithoutProdProfileIsLocal() {
        assertThat(SecurityMode.loginRequired(new MockEnvironment().withProperty("server.address", "127.0.0.1"))).isFalse();
        assertThat(SecurityMode.loginRequired(new MockEnvironment().withProperty("server.address", "localhost"))).isFalse();
        assertThat(SecurityMode.loginRequired(new MockEnvironment().withProperty("server.address", "::1"))).isFalse();
        assertThat(SecurityMode.loginRequired(new MockEnvironment().withProperty("server.address", "0.0.0.0"))).isTrue();
        assertThat(SecurityMode.loginRequired(new MockEnvironment())).as("no address binds every interface").isTrue();
        var prod = new MockEnvironment().withProperty("server.address", "127.0.0.1");
        prod.setActiveProfiles("prod");
        assertThat(SecurityMode.loginRequired(prod)).isTrue();
    }

    @Test
    void anExposedHubWithoutPasswordDoesNotStart() {
        String[] profiles = new TestDatabase().resolve(getClass());
        assertThatThrownBy(() -> new SpringApplicationBuilder(StockbridgeApplication.class).profiles(profiles)
                .run("--server.port=0", "--server.address=0.0.0.0", "--spring.main.banner-mode=off",
                        // a second hub in this JVM: its Spring beans must not claim the JMX names of the first
                        "--spring.jmx.enabled=false").close())
                .hasStackTraceContaining("STOCKBRIDGE_ADMIN_PASSWORD");
    }
}
