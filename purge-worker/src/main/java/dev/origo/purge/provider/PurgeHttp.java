package dev.origo.purge.provider;

import java.net.http.HttpClient;

import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

import dev.origo.purge.PurgeProperties;

/** The HTTP client of the purge providers: JDK HttpClient under RestClient, with timeouts. */
final class PurgeHttp {

    private PurgeHttp() {
    }

    static RestClient restClient(PurgeProperties.Http http, String baseUrl) {
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(http.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(client);
        factory.setReadTimeout(http.readTimeout());
        RestClient.Builder builder = RestClient.builder().requestFactory(factory);
        if (baseUrl != null) {
            builder.baseUrl(baseUrl);
        }
        return builder.build();
    }
}
