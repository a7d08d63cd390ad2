package org.stockbridge.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.camel.ConsumerTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.stockbridge.HubTest;

/** The SFTP stand-in works with the hub's own Camel sftp: component (camel-ftp over JSch). */
@HubTest
class EmbeddedSftpServerTest {

    @RegisterExtension
    static EmbeddedSftpServer sftp = new EmbeddedSftpServer();

    @Autowired
    ConsumerTemplate consumer;

    @AfterEach
    void stopConsumers() throws Exception {
        consumer.cleanUp();
    }

    @Test
    void camelSftpConsumerDownloadsAFileFromTheRoot() {
        Path placed = sftp.put("stock.csv", "sku;qty\nA-1;5\nŻ-2;0\n");

        String body = consumer.receiveBody(sftp.camelUri("") + "&delete=true&charset=UTF-8", 20_000, String.class);

        assertThat(body).isEqualTo("sku;qty\nA-1;5\nŻ-2;0\n");
        assertThat(placed).doesNotExist(); // delete=true: the consumer removed it through SFTP
    }

    @Test
    void wrongPasswordIsRefused() throws Exception {
        sftp.put("refused/stock.csv", "sku;qty\n");
        String uri = "sftp://" + sftp.user() + "@127.0.0.1:" + sftp.port() + "/refused?password=wrong"
                + "&strictHostKeyChecking=no&useUserKnownHostsFile=false&maximumReconnectAttempts=0";

        assertThat(consumer.receiveBody(uri, 3_000, String.class)).isNull();
        assertThat(Files.exists(sftp.root().resolve("refused/stock.csv"))).isTrue();
    }
}
