package org.stockbridge.config;

import static org.springframework.security.config.Customizer.withDefaults;

import java.io.IOException;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Login for Hawtio, Actuator and the admin API whenever {@link SecurityMode} requires it; none in the local default.
 * One operator account, from {@code stockbridge.admin.username} / {@code stockbridge.admin.password}
 * (environment: {@code STOCKBRIDGE_ADMIN_USERNAME}, {@code STOCKBRIDGE_ADMIN_PASSWORD}); there is no default password.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
public class SecurityConfig {

    private static final Logger LOG = LoggerFactory.getLogger(SecurityConfig.class);

    /**
     * Scripts and monitoring: the admin API, the OpenAPI description and Actuator (but Hawtio and its Jolokia
     * back end). HTTP Basic on every request, no session, so no cookie a third-party page could ride on.
     */
    @Bean
    @Order(1)
    SecurityFilterChain machineEndpoints(HttpSecurity http, Environment env) throws Exception {
        http.securityMatcher(SecurityConfig::isMachineEndpoint);
        if (!SecurityMode.loginRequired(env)) {
            return open(http);
        }
        return http
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .anyRequest().authenticated())
                .httpBasic(b -> b.realmName("stockbridge"))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable())
                .build();
    }

    /** Browsers: Hawtio (with Jolokia), Swagger UI and the login page. Form login with a session and CSRF protection. */
    @Bean
    @Order(2)
    SecurityFilterChain browserEndpoints(HttpSecurity http, Environment env) throws Exception {
        if (!SecurityMode.loginRequired(env)) {
            LOG.info("Local default: Hawtio, Actuator and the admin API answer without login on {}", env.getProperty("server.address"));
            return open(http);
        }
        LOG.info("Login required for Hawtio, Actuator and the admin API");
        return http
                .authorizeHttpRequests(a -> a
                        // the error page a refused machine request is forwarded to must not turn into a login redirect
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .anyRequest().authenticated())
                .formLogin(withDefaults())
                .httpBasic(b -> b.realmName("stockbridge"))
                // Hawtio's browser app sends the token back from the XSRF-TOKEN cookie
                .csrf(c -> c.csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
                        .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler()))
                .addFilterAfter(new CsrfCookieFilter(), BasicAuthenticationFilter.class)
                .build();
    }

    private static SecurityFilterChain open(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(a -> a.anyRequest().permitAll()).csrf(c -> c.disable()).build();
    }

    @Bean
    UserDetailsService operators(StockbridgeProperties properties, Environment env) {
        var admin = properties.admin();
        if (admin.password() == null || admin.password().isBlank()) {
            if (SecurityMode.loginRequired(env)) {
                throw new IllegalStateException("Login is required (prod profile or a non-loopback server.address) but "
                        + "no operator password is set: set STOCKBRIDGE_ADMIN_PASSWORD (stockbridge.admin.password)");
            }
            return new InMemoryUserDetailsManager();
        }
        PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        return new InMemoryUserDetailsManager(User.withUsername(admin.username())
                .password(encoder.encode(admin.password()))
                .roles("admin", "viewer")
                .build());
    }

    private static boolean isMachineEndpoint(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/api/") || path.startsWith("/v3/api-docs")
                || (path.startsWith("/actuator/") && !path.startsWith("/actuator/hawtio") && !path.startsWith("/actuator/jolokia"));
    }

    /** Loads the deferred CSRF token on every request so the XSRF-TOKEN cookie reaches Hawtio's browser app. */
    static final class CsrfCookieFilter extends OncePerRequestFilter {
        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
            if (token != null) {
                token.getToken();
            }
            chain.doFilter(request, response);
        }
    }
}
