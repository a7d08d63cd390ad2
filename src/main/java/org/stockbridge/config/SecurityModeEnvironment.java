package org.stockbridge.config;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Makes Hawtio's own authentication follow {@link SecurityMode}, so no one can switch the login off for Hawtio
 * alone by forgetting a property when the hub is exposed.
 */
public class SecurityModeEnvironment implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        boolean login = SecurityMode.loginRequired(env);
        env.getPropertySources().addFirst(new MapPropertySource("stockbridgeSecurityMode",
                Map.of("hawtio.authenticationEnabled", String.valueOf(login))));
    }
}
