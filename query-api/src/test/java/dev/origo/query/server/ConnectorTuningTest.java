package dev.origo.query.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.apache.catalina.connector.Connector;
import org.apache.catalina.core.StandardContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.util.unit.DataSize;

class ConnectorTuningTest {

    @Test
    void setsTheWriteBufferAndDirectBuffers() {
        Connector connector = new Connector("org.apache.coyote.http11.Http11NioProtocol");
        assertThat(connector.getProperty("socket.appWriteBufSize")).hasToString("8192");
        assertThat(connector.getProperty("socket.directBuffer")).hasToString("false");

        new ConnectorTuning().socketBuffers(new ConnectorProperties(DataSize.ofKilobytes(32), true, ConnectorProtocol.NIO)).customize(connector);

        assertThat(connector.getProperty("socket.appWriteBufSize")).hasToString("32768");
        assertThat(connector.getProperty("socket.directBuffer")).hasToString("true");
    }

    @Test
    void directBuffersCanBeTurnedOff() {
        Connector connector = new Connector("org.apache.coyote.http11.Http11NioProtocol");

        new ConnectorTuning().socketBuffers(new ConnectorProperties(DataSize.ofKilobytes(8), false, ConnectorProtocol.NIO)).customize(connector);

        assertThat(connector.getProperty("socket.directBuffer")).hasToString("false");
    }

    @Test
    void addsTheValveThatLetsHeaderWriterReachTomcatsResponse() {
        StandardContext context = new StandardContext();

        new ConnectorTuning().currentResponse(new HeaderWriter()).customize(context);

        assertThat(context.getPipeline().getValves())
                .anySatisfy(valve -> assertThat(valve.getClass().getEnclosingClass()).isEqualTo(HeaderWriter.class));
    }

    @Test
    void theConnectorIsNio2UnlessNioIsConfigured() {
        assertThat(bind(Map.of()).protocol()).isEqualTo(ConnectorProtocol.NIO2);
        assertThat(bind(Map.of("origo.server.protocol", "nio")).protocol()).isEqualTo(ConnectorProtocol.NIO);
    }

    @ParameterizedTest
    @EnumSource(ConnectorProtocol.class)
    void theFactoryStartsTheConfiguredConnector(ConnectorProtocol protocol) {
        TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory(0);
        new ConnectorTuning().connectorProtocol(new ConnectorProperties(DataSize.ofKilobytes(32), true, protocol))
                .customize(factory);

        TomcatWebServer server = (TomcatWebServer) factory.getWebServer();
        try {
            server.start();
            assertThat(server.getTomcat().getConnector().getProtocolHandler().getClass().getName())
                    .isEqualTo(protocol.className());
        } finally {
            server.stop();
            server.destroy();
        }
    }

    /**
     * Tomcat refuses a request whose headers exceed its limit with a 400 before reading all of it. The client still
     * reads the whole answer and a clean end of stream: without {@link LingeringClose}, NIO2 closed the socket with
     * the rest unread and the client got a reset.
     */
    @ParameterizedTest
    @EnumSource(ConnectorProtocol.class)
    void anOversizedRequestGetsItsAnswerAndACleanEndOfStream(ConnectorProtocol protocol) throws Exception {
        TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory(0);
        new ConnectorTuning().connectorProtocol(new ConnectorProperties(DataSize.ofKilobytes(32), true, protocol))
                .customize(factory);
        TomcatWebServer server = (TomcatWebServer) factory.getWebServer();
        server.start();
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(64 * 1024)
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));

            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);

            assertThat(answer).startsWith("HTTP/1.1 400 ");
        } finally {
            server.stop();
            server.destroy();
        }
    }

    private static ConnectorProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("origo.server", ConnectorProperties.class);
    }
}
