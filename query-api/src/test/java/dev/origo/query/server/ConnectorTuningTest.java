package dev.origo.query.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.catalina.connector.Connector;
import org.apache.catalina.core.StandardContext;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class ConnectorTuningTest {

    @Test
    void setsTheWriteBufferAndDirectBuffers() {
        Connector connector = new Connector("org.apache.coyote.http11.Http11NioProtocol");
        assertThat(connector.getProperty("socket.appWriteBufSize")).hasToString("8192");
        assertThat(connector.getProperty("socket.directBuffer")).hasToString("false");

        new ConnectorTuning().socketBuffers(new ConnectorProperties(DataSize.ofKilobytes(32), true)).customize(connector);

        assertThat(connector.getProperty("socket.appWriteBufSize")).hasToString("32768");
        assertThat(connector.getProperty("socket.directBuffer")).hasToString("true");
    }

    @Test
    void directBuffersCanBeTurnedOff() {
        Connector connector = new Connector("org.apache.coyote.http11.Http11NioProtocol");

        new ConnectorTuning().socketBuffers(new ConnectorProperties(DataSize.ofKilobytes(8), false)).customize(connector);

        assertThat(connector.getProperty("socket.directBuffer")).hasToString("false");
    }

    @Test
    void addsTheValveThatLetsHeaderWriterReachTomcatsResponse() {
        StandardContext context = new StandardContext();

        new ConnectorTuning().currentResponse(new HeaderWriter()).customize(context);

        assertThat(context.getPipeline().getValves())
                .anySatisfy(valve -> assertThat(valve.getClass().getEnclosingClass()).isEqualTo(HeaderWriter.class));
    }
}
