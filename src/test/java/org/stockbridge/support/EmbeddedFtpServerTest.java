package org.stockbridge.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The FTP stand-in serves files to a plain FTP client (commons-net, what camel-ftp uses) and cuts downloads on demand. */
class EmbeddedFtpServerTest {

    @RegisterExtension
    static EmbeddedFtpServer ftp = new EmbeddedFtpServer("feed", "secret-for-tests");

    FTPClient client = new FTPClient();

    @BeforeEach
    void login() throws IOException {
        ftp.restoreDownloads();
        client.connect("127.0.0.1", ftp.port());
        assertThat(client.login(ftp.user(), ftp.password())).isTrue();
        client.enterLocalPassiveMode();
        client.setFileType(FTP.BINARY_FILE_TYPE);
    }

    @AfterEach
    void logout() throws IOException {
        if (client.isConnected()) {
            client.disconnect();
        }
    }

    @Test
    void servesAFileAndRenamesIt() throws IOException {
        byte[] content = "sku;qty\nA-1;5\nŻ-2;0\n".getBytes(StandardCharsets.UTF_8);
        ftp.put("feeds/stock.csv", content);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(client.retrieveFile("feeds/stock.csv", out)).isTrue();
        assertThat(out.toByteArray()).isEqualTo(content);

        assertThat(client.makeDirectory("feeds/.done")).isTrue();
        assertThat(client.rename("feeds/stock.csv", "feeds/.done/stock.csv")).isTrue();
        assertThat(ftp.root().resolve("feeds/.done/stock.csv")).hasBinaryContent(content);
    }

    @Test
    void cutsDownloadsWhileSwitchedOnAndTheClientSeesAFailedTransfer() throws IOException {
        byte[] content = "x".repeat(1000).getBytes(StandardCharsets.US_ASCII);
        ftp.put("cut.bin", content);
        int cutBefore = ftp.cutDownloads();

        ftp.cutDownloadsAfter(100);
        ByteArrayOutputStream partial = new ByteArrayOutputStream();
        assertThat(client.retrieveFile("cut.bin", partial)).as("the server reports the transfer as failed").isFalse();
        assertThat(partial.size()).isLessThan(content.length);
        assertThat(ftp.cutDownloads()).isEqualTo(cutBefore + 1);

        ftp.restoreDownloads();
        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        assertThat(client.retrieveFile("cut.bin", whole)).isTrue();
        assertThat(whole.toByteArray()).isEqualTo(content);
    }
}
