package org.stockbridge.drop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

class DropFtpPropertiesTest {

    @Test
    void defaults() {
        DropFtpProperties p = bind(Map.of());
        assertThat(p.enabled()).isTrue();
        assertThat(p.port()).isEqualTo(2121);
        assertThat(p.passivePorts()).isEqualTo("30000-30009");
        assertThat(p.bindAddress()).isNull();
        assertThat(p.users()).isEmpty();
    }

    @Test
    void passwordFromTheEnvironmentAndNeverInToString() {
        DropFtpProperties p = bind(Map.of(
                "STOCKBRIDGE_FTP_USERS_ACME_PASSWORD", "test-only-secret",
                "STOCKBRIDGE_FTP_ENABLED", "false",
                "STOCKBRIDGE_FTP_PORT", "0"));
        assertThat(p.users()).containsOnlyKeys("acme");
        assertThat(p.users().get("acme").password()).isEqualTo("test-only-secret");
        assertThat(p.enabled()).isFalse();
        assertThat(p.port()).isZero();
        assertThat(p.toString()).doesNotContain("test-only-secret");
    }

    private static DropFtpProperties bind(Map<String, Object> environmentVariables) {
        StandardEnvironment env = new StandardEnvironment();
        // named like the real one, so Spring Boot maps FOO_BAR names the way it does for the process environment
        env.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        environmentVariables));
        return new Binder(ConfigurationPropertySources.get(env))
                .bindOrCreate("stockbridge.ftp", DropFtpProperties.class);
    }
}
