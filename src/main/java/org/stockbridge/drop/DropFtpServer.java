package org.stockbridge.drop;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.ftpserver.ConnectionConfigFactory;
import org.apache.ftpserver.DataConnectionConfigurationFactory;
import org.apache.ftpserver.FtpServer;
import org.apache.ftpserver.FtpServerFactory;
import org.apache.ftpserver.filesystem.nativefs.NativeFileSystemFactory;
import org.apache.ftpserver.ftplet.DefaultFtplet;
import org.apache.ftpserver.ftplet.FtpException;
import org.apache.ftpserver.ftplet.FtpReply;
import org.apache.ftpserver.ftplet.FtpRequest;
import org.apache.ftpserver.ftplet.FtpSession;
import org.apache.ftpserver.ftplet.FtpletResult;
import org.apache.ftpserver.ftplet.UserManager;
import org.apache.ftpserver.impl.DefaultFtpServer;
import org.apache.ftpserver.listener.ListenerFactory;
import org.apache.ftpserver.usermanager.PropertiesUserManagerFactory;
import org.apache.ftpserver.usermanager.impl.BaseUser;
import org.apache.ftpserver.usermanager.impl.WritePermission;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * An embedded Apache MINA FtpServer serving the {@link DropFolders}, so a wholesaler can upload its files with any
 * FTP client and no extra software on the hub's side.
 * <p>
 * One account per connection, named after the connection, from {@code stockbridge.ftp.users.<connection>.password}
 * (never logged, no default): its home is that connection's drop folder, it may write there and cannot leave it.
 * A connection without a password gets no account; without any account the server does not listen at all.
 * No anonymous login. {@code stockbridge.ftp.enabled=false} removes the server altogether.
 */
@Component
@ConditionalOnProperty(prefix = "stockbridge.ftp", name = "enabled", havingValue = "true", matchIfMissing = true)
public class DropFtpServer implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(DropFtpServer.class);
    private static final String LISTENER = "default";

    private final DropFtpProperties properties;
    private final DropFolders folders;
    private final String bindAddress;
    private final List<BaseUser> accounts;

    private volatile FtpServer server;
    private volatile int port = -1;

    public DropFtpServer(DropFtpProperties properties, DropFolders folders, Environment env) {
        this.properties = properties;
        this.folders = folders;
        String address = properties.bindAddress();
        if (address == null || address.isBlank()) {
            address = env.getProperty("server.address");
        }
        this.bindAddress = address == null || address.isBlank() ? null : address.trim();
        this.accounts = accounts(properties, folders);
    }

    private static List<BaseUser> accounts(DropFtpProperties properties, DropFolders folders) {
        properties.users().keySet().stream()
                .filter(id -> !folders.folders().containsKey(id))
                .findFirst()
                .ifPresent(id -> {
                    throw new IllegalStateException("stockbridge.ftp.users." + id + ": no drop folder for connection '" + id
                            + "'; FTP accounts exist for connections superior for stock, prices or products: "
                            + folders.folders().keySet());
                });
        List<BaseUser> result = new ArrayList<>();
        for (Map.Entry<String, Path> folder : folders.folders().entrySet()) {
            String id = folder.getKey();
            DropFtpProperties.User configured = properties.users().get(id);
            if (configured == null || !configured.hasPassword()) {
                LOG.info("Drop folder FTP: no account for connection '{}' (no password set in stockbridge.ftp.users.{}.password)",
                        id, id);
                continue;
            }
            if ("anonymous".equalsIgnoreCase(id)) {
                LOG.warn("Drop folder FTP: no account for connection 'anonymous' (anonymous login is refused)");
                continue;
            }
            BaseUser user = new BaseUser();
            user.setName(id);
            user.setPassword(configured.password());
            user.setHomeDirectory(folder.getValue().toString());
            user.setAuthorities(List.of(new WritePermission()));
            user.setEnabled(true);
            result.add(user);
        }
        return List.copyOf(result);
    }

    @Override
    public synchronized void start() {
        if (server != null) {
            return;
        }
        if (accounts.isEmpty()) {
            LOG.info("Drop folder FTP: not listening, no connection has an FTP password (stockbridge.ftp.users.<connection>.password)");
            return;
        }
        try {
            FtpServer created = factory().createServer();
            created.start();
            server = created;
            port = ((DefaultFtpServer) created).getListener(LISTENER).getPort();
        } catch (FtpException | RuntimeException e) {
            throw new IllegalStateException("Drop folder FTP server cannot listen on "
                    + (bindAddress == null ? "*" : bindAddress) + ":" + properties.port() + " (stockbridge.ftp.port): "
                    + e.getMessage(), e);
        }
        LOG.info("Drop folder FTP server listening on {}:{} (passive ports {}), accounts: {}",
                bindAddress == null ? "*" : bindAddress, port, properties.passivePorts(),
                accounts.stream().map(BaseUser::getName).toList());
    }

    private FtpServerFactory factory() throws FtpException {
        PropertiesUserManagerFactory userManagerFactory = new PropertiesUserManagerFactory();
        userManagerFactory.setFile(null); // in memory only: nothing is written to disk
        // ftpserver grants its admin user extra SITE commands; a connection id (no spaces) can never be this name
        userManagerFactory.setAdminName("(no admin)");
        UserManager users = userManagerFactory.createUserManager();
        for (BaseUser account : accounts) {
            users.save(account);
        }

        NativeFileSystemFactory fileSystem = new NativeFileSystemFactory();
        fileSystem.setCreateHome(true);

        ConnectionConfigFactory connections = new ConnectionConfigFactory();
        connections.setAnonymousLoginEnabled(false);

        DataConnectionConfigurationFactory data = new DataConnectionConfigurationFactory();
        data.setPassivePorts(properties.passivePorts());
        if (properties.passiveExternalAddress() != null && !properties.passiveExternalAddress().isBlank()) {
            data.setPassiveExternalAddress(properties.passiveExternalAddress().trim());
        }

        ListenerFactory listener = new ListenerFactory();
        listener.setPort(properties.port());
        if (bindAddress != null) {
            listener.setServerAddress(bindAddress);
        }
        listener.setDataConnectionConfiguration(data.createDataConnectionConfiguration());

        FtpServerFactory factory = new FtpServerFactory();
        factory.setUserManager(users);
        factory.setFileSystem(fileSystem);
        factory.setConnectionConfig(connections.createConnectionConfig());
        factory.addListener(LISTENER, listener.createListener());
        // a mutable map: ftpserver clears it when the server stops
        factory.setFtplets(new java.util.HashMap<>(Map.of("uploads", new UploadLog())));
        return factory;
    }

    @Override
    public synchronized void stop() {
        FtpServer running = server;
        server = null;
        port = -1;
        if (running != null) {
            running.stop();
            LOG.info("Drop folder FTP server stopped");
        }
    }

    @Override
    public boolean isRunning() {
        return server != null;
    }

    /** The port the server listens on (the chosen one when {@code stockbridge.ftp.port=0}). */
    public int port() {
        int current = port;
        if (current < 0) {
            throw new IllegalStateException("the drop folder FTP server is not listening");
        }
        return current;
    }

    /** The address the server listens on, or {@code null} for all interfaces. */
    public String bindAddress() {
        return bindAddress;
    }

    /** Names of the FTP accounts (= connection ids), never their passwords. */
    public List<String> accountNames() {
        return accounts.stream().map(BaseUser::getName).toList();
    }

    /** Logs each upload with its outcome, so an operator can see who delivered which file. */
    private static final class UploadLog extends DefaultFtplet {
        @Override
        public FtpletResult afterCommand(FtpSession session, FtpRequest request, FtpReply reply) throws FtpException {
            String command = request.getCommand();
            if (session.getUser() != null && ("STOR".equals(command) || "APPE".equals(command) || "STOU".equals(command))) {
                if (reply.getCode() == FtpReply.REPLY_226_CLOSING_DATA_CONNECTION) {
                    LOG.info("Drop folder FTP: connection '{}' uploaded {}", session.getUser().getName(), request.getArgument());
                } else {
                    LOG.warn("Drop folder FTP: upload of {} by connection '{}' failed: {} {}", request.getArgument(),
                            session.getUser().getName(), reply.getCode(), reply.getMessage());
                }
            }
            return FtpletResult.DEFAULT;
        }
    }
}
