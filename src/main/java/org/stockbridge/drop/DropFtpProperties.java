package org.stockbridge.drop;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code stockbridge.ftp.*}: the embedded FTP server that serves the drop folders.
 *
 * @param enabled             {@code false} switches the server off (default {@code true})
 * @param port                control port (default 2121); {@code 0} picks a free port, see {@link DropFtpServer#port()}
 * @param bindAddress         address to listen on; default {@code server.address} (127.0.0.1 in the local default),
 *                            all interfaces when neither is set
 * @param passivePorts        passive data ports, e.g. {@code 30000-30009} (ftpserver syntax; {@code 0} = any free port)
 * @param passiveExternalAddress address announced in PASV replies when the hub sits behind NAT or in a container
 * @param users               one account per connection: {@code users.<connection>.password}; the account's home is
 *                            that connection's drop folder. No password, no account.
 */
@ConfigurationProperties("stockbridge.ftp")
public record DropFtpProperties(
        Boolean enabled,
        Integer port,
        String bindAddress,
        String passivePorts,
        String passiveExternalAddress,
        Map<String, User> users) {

    public static final int DEFAULT_PORT = 2121;
    public static final String DEFAULT_PASSIVE_PORTS = "30000-30009";

    public DropFtpProperties {
        enabled = enabled == null || enabled;
        port = port == null ? DEFAULT_PORT : port;
        passivePorts = passivePorts == null || passivePorts.isBlank() ? DEFAULT_PASSIVE_PORTS : passivePorts.trim();
        users = users == null ? Map.of() : new LinkedHashMap<>(users);
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("stockbridge.ftp.port must be between 0 and 65535, not " + port);
        }
    }

    /** One FTP account. The password never appears in logs or {@code toString()}. */
    public record User(String password) {

        public boolean hasPassword() {
            return password != null && !password.isBlank();
        }

        @Override
        public String toString() {
            return "User[password=****]";
        }
    }
}
