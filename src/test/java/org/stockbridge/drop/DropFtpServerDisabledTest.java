package org.stockbridge.drop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.stockbridge.HubTest;

@HubTest
@TestPropertySource(properties = {
        "stockbridge.drop-dir=target/test-drop/ftp-off-${random.uuid}",
        "stockbridge.ftp.enabled=false",
        "stockbridge.ftp.users.acme.password=test-only-not-used"})
class DropFtpServerDisabledTest {

    /** A port that was free a moment ago: the server would listen there if it were not switched off. */
    static final int PORT = freePort();

    @DynamicPropertySource
    static void port(DynamicPropertyRegistry registry) {
        registry.add("stockbridge.ftp.port", () -> PORT);
    }

    @Autowired
    ApplicationContext context;

    @Autowired
    DropFolders folders;

    @Test
    void noServerAndNothingListening() {
        assertThat(context.getBeansOfType(DropFtpServer.class)).isEmpty();
        assertThatThrownBy(() -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", PORT), 2_000);
            }
        }).isInstanceOf(IOException.class);
    }

    @Test
    void dropFoldersStillExist() {
        assertThat(folders.folderOf("acme")).isDirectory();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
