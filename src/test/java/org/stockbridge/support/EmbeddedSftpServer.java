package org.stockbridge.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An SFTP server for tests of {@code sftp:} feeds: Apache SSHD on a free port of 127.0.0.1, one user with a
 * password, its file system rooted at a fresh temporary folder (the user sees that folder as {@code /}). Host keys
 * are generated in memory, so clients must not check them ({@link #camelUri(String)} says so).
 * <pre>
 * &#64;RegisterExtension
 * static EmbeddedSftpServer sftp = new EmbeddedSftpServer();
 * ...
 * sftp.put("feeds/stock.csv", "sku;qty\n");
 * consumer.receiveBody(sftp.camelUri("feeds") + "&amp;delete=true", 10_000, String.class);
 * </pre>
 * Use it as a static {@code @RegisterExtension} field (started before all tests of the class, stopped after), or
 * call {@link #start()} and {@link #close()} yourself.
 */
public class EmbeddedSftpServer implements BeforeAllCallback, AfterAllCallback, AutoCloseable {

    private final String user;
    private final String password;
    private SshServer server;
    private Path root;

    public EmbeddedSftpServer() {
        this("feed", randomPassword());
    }

    public EmbeddedSftpServer(String user, String password) {
        this.user = user;
        this.password = password;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        close();
    }

    public synchronized void start() throws IOException {
        if (server != null) {
            return;
        }
        root = Files.createTempDirectory("stockbridge-sftp-");
        SshServer sshd = SshServer.setUpDefaultServer();
        sshd.setHost("127.0.0.1");
        sshd.setPort(0);
        sshd.setKeyPairProvider(new SimpleGeneratorHostKeyProvider()); // no file: a new host key in memory
        sshd.setPasswordAuthenticator((name, secret, session) -> user.equals(name) && password.equals(secret));
        sshd.setPublickeyAuthenticator(null);
        sshd.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
        sshd.setFileSystemFactory(new VirtualFileSystemFactory(root));
        sshd.start();
        server = sshd;
    }

    @Override
    public synchronized void close() throws IOException {
        try {
            if (server != null) {
                server.stop(true);
            }
        } finally {
            server = null;
            if (root != null) {
                deleteRecursively(root);
                root = null;
            }
        }
    }

    public int port() {
        requireStarted();
        return server.getPort();
    }

    /** The folder the SFTP user sees as {@code /}. */
    public Path root() {
        requireStarted();
        return root;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /** Writes a UTF-8 file under {@link #root()}, creating its folders; returns its local path. */
    public Path put(String relativePath, String content) {
        Path file = root().resolve(relativePath);
        try {
            Files.createDirectories(file.getParent());
            return Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A Camel {@code sftp:} endpoint URI for a folder under the root ({@code ""} for the root itself), with the
     * password and host-key checking switched off; append further options with {@code &}.
     */
    public String camelUri(String folder) {
        String path = folder == null || folder.isEmpty() ? "" : folder.replaceAll("^/+", "");
        return "sftp://" + user + "@127.0.0.1:" + port() + "/" + path
                + "?password=RAW(" + password + ")&strictHostKeyChecking=no&useUserKnownHostsFile=false";
    }

    private void requireStarted() {
        if (server == null) {
            throw new IllegalStateException("EmbeddedSftpServer is not started");
        }
    }

    private static String randomPassword() {
        String alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder("test-");
        for (int i = 0; i < 16; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    private static void deleteRecursively(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
