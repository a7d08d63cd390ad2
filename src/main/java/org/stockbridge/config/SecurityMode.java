package org.stockbridge.config;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * Decides whether operators must log in. The local default (no {@code prod} profile, HTTP bound to a loopback
 * address) needs no login: only this machine can reach the hub. Anything else — the {@code prod} profile, a bind
 * address other than loopback (including none, which means every interface), or
 * {@code stockbridge.security.login-required=true} — requires a login for Hawtio, Actuator and the admin API.
 */
public final class SecurityMode {

    private SecurityMode() {
    }

    public static boolean loginRequired(Environment env) {
        return env.acceptsProfiles(Profiles.of("prod"))
                || env.getProperty("stockbridge.security.login-required", Boolean.class, false)
                || !isLoopback(env.getProperty("server.address"));
    }

    static boolean isLoopback(String address) {
        if (address == null || address.isBlank()) {
            return false;
        }
        try {
            return InetAddress.getByName(address.trim()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
