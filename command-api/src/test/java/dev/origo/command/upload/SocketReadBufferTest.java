package dev.origo.command.upload;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.catalina.connector.Connector;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class SocketReadBufferTest {

    @Test
    void raisesTomcatsReadBufferToTheConfiguredSize() {
        Connector connector = new Connector("org.apache.coyote.http11.Http11NioProtocol");
        assertThat(connector.getProperty("socket.appReadBufSize")).hasToString("8192");

        new SocketReadBuffer().tomcatReadBuffer(new UploadProperties(DataSize.ofGigabytes(5), null, DataSize.ofKilobytes(64)))
                .customize(connector);

        assertThat(connector.getProperty("socket.appReadBufSize")).hasToString("65536");
    }
}
