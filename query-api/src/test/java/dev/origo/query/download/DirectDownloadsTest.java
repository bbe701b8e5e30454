package dev.origo.query.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

import dev.origo.query.problem.AssetNotFoundException;

class DirectDownloadsTest {

    private static final String ID = "dc11e355-8430-46a4-bc8c-cfaa2c85998a";

    private final DownloadController downloads = mock(DownloadController.class);
    private final HandlerExceptionResolver resolver = mock(HandlerExceptionResolver.class);
    private final DirectDownloads filter = new DirectDownloads(downloads, provider(resolver));
    private final MockHttpServletResponse response = new MockHttpServletResponse();
    private final MockFilterChain chain = new MockFilterChain();

    @SuppressWarnings("unchecked")
    private static ObjectProvider<HandlerExceptionResolver> provider(HandlerExceptionResolver... resolvers) {
        ObjectProvider<HandlerExceptionResolver> provider = mock(ObjectProvider.class);
        when(provider.orderedStream()).thenAnswer(invocation -> Stream.of(resolvers));
        return provider;
    }

    private static MockHttpServletRequest request(String method, String uri) {
        return new MockHttpServletRequest(method, uri);
    }

    @Nested
    class Answers {

        @Test
        void latestContentWithoutMvc() throws Exception {
            MockHttpServletRequest request = request("GET", "/assets/" + ID + "/download");

            filter.doFilter(request, response, chain);

            verify(downloads).latest(ID, request, response);
            assertThat(chain.getRequest()).as("passed on to MVC").isNull();
        }

        @Test
        void publishedVersionsOnHeadToo() throws Exception {
            MockHttpServletRequest request = request("HEAD", "/assets/public/" + ID.toUpperCase());

            filter.doFilter(request, response, chain);

            verify(downloads).version(ID.toUpperCase(), request, response);
            assertThat(chain.getRequest()).isNull();
        }
    }

    @Nested
    class PassesOnToMvc {

        @Test
        void otherMethodsPathsAndMalformedIds() throws Exception {
            for (String[] request : List.of(
                    new String[] {"POST", "/assets/" + ID + "/download"},
                    new String[] {"OPTIONS", "/assets/public/" + ID},
                    new String[] {"GET", "/assets/" + ID},
                    new String[] {"GET", "/assets/" + ID + "/download/"},
                    new String[] {"GET", "/assets/%64" + ID.substring(1) + "/download"},
                    new String[] {"GET", "/assets/public/download"},
                    new String[] {"GET", "/assets/public/" + ID + "x"},
                    new String[] {"GET", "/assets/" + ID.replace('-', 'x') + "/download"},
                    new String[] {"GET", "/assets/private/" + ID},
                    new String[] {"GET", "/prefix/assets/" + ID + "/download"})) {
                MockFilterChain next = new MockFilterChain();

                filter.doFilter(request(request[0], request[1]), response, next);

                assertThat(next.getRequest()).as("%s %s", request[0], request[1]).isNotNull();
            }
            verifyNoInteractions(downloads);
        }
    }

    @Nested
    class Exceptions {

        @Test
        void goToTheSameResolversAsInMvc() throws Exception {
            MockHttpServletRequest request = request("GET", "/assets/" + ID + "/download");
            AssetNotFoundException notFound = new AssetNotFoundException(UUID.fromString(ID));
            doThrow(notFound).when(downloads).latest(ID, request, response);
            when(resolver.resolveException(request, response, null, notFound)).thenReturn(new ModelAndView());
            response.setHeader("Content-Disposition", "inline");

            filter.doFilter(request, response, chain);

            verify(resolver).resolveException(request, response, null, notFound);
            assertThat(request.getAttribute(DispatcherServlet.EXCEPTION_ATTRIBUTE)).isSameAs(notFound);
            assertThat(response.getHeader("Content-Disposition")).isNull();
        }

        @Test
        void thatNoResolverTakesGoToTheContainer() throws Exception {
            MockHttpServletRequest request = request("GET", "/assets/" + ID + "/download");
            IOException interrupted = new IOException("S3 went away mid-body");
            doThrow(interrupted).when(downloads).latest(eq(ID), any(), any());

            assertThatThrownBy(() -> filter.doFilter(request, response, chain)).isSameAs(interrupted);
        }
    }
}
