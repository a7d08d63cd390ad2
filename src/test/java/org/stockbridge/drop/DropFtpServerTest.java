package org.stockbridge.drop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.stockbridge.HubTest;

@HubTest
@TestPropertySource(properties = {
        "stockbridge.drop-dir=target/test-drop/ftp-${random.uuid}",
        "stockbridge.ftp.port=0",
        "stockbridge.ftp.users.acme.password=" + DropFtpServerTest.ACME_PASSWORD,
        // a second wholesaler with a drop folder but no FTP password: no account, and acme must not reach its folder
        "stockbridge.connections.beta.type=wholesaler",
        "stockbridge.connections.beta.prices=superior"})
class DropFtpServerTest {

    static final String ACME_PASSWORD = "test-only-Acme-7f3b";

    @Autowired
    DropFtpServer server;

    @Autowired
    DropFolders folders;

    private final FTPClient ftp = new FTPClient();

    @AfterEach
    void disconnect() throws IOException {
        if (ftp.isConnected()) {
            try {
                ftp.logout();
            } catch (IOException ignored) {
                // the server may already have closed the connection
            }
            ftp.disconnect();
        }
    }

    @Test
    void createsDropFoldersForSuperiorConnectionsOnly() {
        assertThat(folders.folders()).containsOnlyKeys("acme", "beta", "erp", "supplier");
        assertThat(folders.folderOf("acme")).isDirectory().endsWith(Path.of("acme"));
        assertThat(folders.folderOf("beta")).isDirectory();
        assertThatThrownBy(() -> folders.folderOf("woo-main")).isInstanceOf(IllegalArgumentException.class);
        assertThat(folders.root().resolve("woo-main")).doesNotExist();
    }

    @Test
    void onlyConnectionsWithAPasswordGetAnAccount() {
        assertThat(server.isRunning()).isTrue();
        assertThat(server.port()).isPositive();
        assertThat(server.bindAddress()).isEqualTo("127.0.0.1");
        assertThat(server.accountNames()).containsExactly("acme");
    }

    @Test
    void wholesalerUploadsAFileIntoItsDropFolder() throws IOException {
        byte[] content = "sku;qty\nA-1;5\nŻ-2;0\n".getBytes(StandardCharsets.UTF_8);
        login("acme", ACME_PASSWORD);
        ftp.setFileType(FTP.BINARY_FILE_TYPE);

        assertThat(ftp.storeFile("stock.csv", new ByteArrayInputStream(content))).as(ftp.getReplyString()).isTrue();

        assertThat(folders.folderOf("acme").resolve("stock.csv")).hasBinaryContent(content);
    }

    @Test
    void wrongPasswordIsRefused() throws IOException {
        connect();
        assertThat(ftp.login("acme", ACME_PASSWORD + "x")).isFalse();
        assertThat(ftp.storeFile("x.csv", new ByteArrayInputStream(new byte[] {1}))).isFalse();
    }

    @Test
    void anonymousAndAccountlessConnectionsAreRefused() throws IOException {
        connect();
        assertThat(ftp.login("anonymous", "someone@example.com")).isFalse();
        ftp.disconnect();
        connect();
        assertThat(ftp.login("beta", "")).isFalse();
    }

    @Test
    void wholesalerCannotLeaveItsDropFolder() throws IOException {
        login("acme", ACME_PASSWORD);
        ftp.changeWorkingDirectory("..");
        assertThat(ftp.printWorkingDirectory()).isEqualTo("/");
        ftp.changeWorkingDirectory("/../beta");
        assertThat(ftp.printWorkingDirectory()).isEqualTo("/");

        byte[] content = "escape".getBytes(StandardCharsets.UTF_8);
        for (String path : new String[] {"../beta/escape.csv", "/../beta/escape-2.csv", "../escape-3.csv"}) {
            ftp.storeFile(path, new ByteArrayInputStream(content)); // refused or kept inside the home: both fine
        }

        assertThat(folders.folderOf("beta")).isEmptyDirectory();
        try (Stream<Path> outside = Files.list(folders.root())) {
            assertThat(outside).allSatisfy(p -> assertThat(p).isDirectory());
        }
        try (Stream<Path> inside = Files.walk(folders.folderOf("acme"))) {
            assertThat(inside).allSatisfy(p -> assertThat(p.normalize()).startsWith(folders.folderOf("acme")));
        }
    }

    private void connect() throws IOException {
        ftp.connect("127.0.0.1", server.port());
    }

    private void login(String user, String password) throws IOException {
        connect();
        assertThat(ftp.login(user, password)).as(ftp.getReplyString()).isTrue();
        ftp.enterLocalPassiveMode();
    }
}
