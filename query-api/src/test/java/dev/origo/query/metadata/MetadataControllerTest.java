package dev.origo.query.metadata;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.head;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import dev.origo.query.cache.CachedViews;
import dev.origo.query.freshness.ReadYourWrites;
import dev.origo.query.problem.AssetNotFoundException;
import dev.origo.query.problem.PreconditionFailedException;
import dev.origo.query.view.AssetView;
import dev.origo.query.view.VersionView;

/**
 * {@code GET, HEAD /assets/{id}}: preconditions as on the content paths (RFC 9110 §13.2.2) against the
 * strong ETag {@code "meta-<sequence>"}, with no Last-Modified. A failed precondition is the same
 * {@link PreconditionFailedException} as on the content paths, which ProblemResponses turns into 412.
 */
class MetadataControllerTest {

    private static final UUID ID = UUID.fromString("dc11e355-8430-46a4-bc8c-cfaa2c85998a");
    private static final String PATH = "/assets/" + ID;
    private static final String ETAG = "\"meta-7\"";
    private static final String SHA256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    private static final String LONG_AGO = "Sat, 01 Jan 2000 00:00:00 GMT";
    private static final String FAR_AHEAD = "Fri, 01 Jan 2100 00:00:00 GMT";

    private final CachedViews views = mock(CachedViews.class);
    private final ReadYourWrites readYourWrites = mock(ReadYourWrites.class);
    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new MetadataController(views, readYourWrites,
            new PublicLinks(URI.create("https://cdn.example/")))).build();

    private static AssetView asset(long sequence) {
        Instant at = Instant.parse("2025-01-10T12:00:00Z");
        return new AssetView(ID, "report.pdf", "application/pdf", 4, SHA256, true, false, 0, at, at, sequence);
    }

    @BeforeEach
    void publicAssetAtSequenceSeven() {
        when(readYourWrites.minSequence(any())).thenCallRealMethod();
        when(readYourWrites.asset(ID, 0)).thenReturn(Optional.of(asset(7)));
        when(views.versionsOf(ID)).thenReturn(List.of());
    }

    private static void assertNotModified(ResultActions result) throws Exception {
        result.andExpect(status().isNotModified())
                .andExpect(header().string("ETag", ETAG))
                .andExpect(header().string("Cache-Control", "max-age=60, public"))
                .andExpect(header().string("Cache-Tag", "asset-" + ID))
                .andExpect(header().string("Surrogate-Key", "asset-" + ID))
                .andExpect(header().doesNotExist("Last-Modified"))
                .andExpect(content().string(""));
    }

    @Nested
    class WithoutPreconditions {

        @Test
        void servesMetadataWithItsValidatorAndCaching() throws Exception {
            mvc.perform(get(PATH))
                    .andExpect(status().isOk())
                    .andExpect(header().string("ETag", ETAG))
                    .andExpect(header().string("Cache-Control", "max-age=60, public"))
                    .andExpect(header().string("Cache-Tag", "asset-" + ID))
                    .andExpect(header().string("Surrogate-Key", "asset-" + ID))
                    .andExpect(header().doesNotExist("Last-Modified"))
                    .andExpect(jsonPath("$.id").value(ID.toString()))
                    .andExpect(jsonPath("$.sequence").value(7));
        }

        /** Metadata is cached publicly under its URL alone: a client's Host must never reach the links. */
        @Test
        void linksUseTheConfiguredPublicBaseUrlNotTheHost() throws Exception {
            VersionView version = new VersionView(UUID.fromString("0b7e1f7c-7d4b-4c51-9a36-5d0c2a0e8f11"), ID, 1,
                    SHA256, 4, "application/pdf", "report.pdf", Instant.parse("2025-01-11T12:00:00Z"), 2);
            when(views.versionsOf(ID)).thenReturn(List.of(version));

            mvc.perform(get(PATH).header("Host", "evil.example"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.downloadUrl").value("https://cdn.example/assets/" + ID + "/download"))
                    .andExpect(jsonPath("$.versions[0].url")
                            .value("https://cdn.example/assets/public/" + version.versionId()));
        }

        @Test
        void waitsForTheMinSequenceAndNamesItInTheEtag() throws Exception {
            when(readYourWrites.asset(ID, 8)).thenReturn(Optional.of(asset(8)));

            mvc.perform(get(PATH).header("X-Min-Sequence", "8"))
                    .andExpect(status().isOk())
                    .andExpect(header().string("ETag", "\"meta-8\""));

            verify(readYourWrites).asset(ID, 8);
        }

        @Test
        void unknownAssetIsNotFoundBeforeAnyPrecondition() {
            UUID unknown = UUID.fromString("00000000-0000-4000-8000-000000000000");
            when(readYourWrites.asset(unknown, 0)).thenReturn(Optional.empty());

            assertThatThrownBy(() -> mvc.perform(get("/assets/" + unknown).header("If-Match", "\"nope\"")))
                    .hasCauseInstanceOf(AssetNotFoundException.class);
        }
    }

    @Nested
    class IfMatch {

        @Test
        void failsWhenEtagDiffers() {
            assertThatThrownBy(() -> mvc.perform(get(PATH).header("If-Match", "\"nope\"")))
                    .hasCauseInstanceOf(PreconditionFailedException.class);
        }

        @Test
        void failsOnHeadToo() {
            assertThatThrownBy(() -> mvc.perform(head(PATH).header("If-Match", "\"nope\"")))
                    .hasCauseInstanceOf(PreconditionFailedException.class);
        }

        @Test
        void failsOnWeakEtagBecauseComparisonIsStrong() {
            assertThatThrownBy(() -> mvc.perform(get(PATH).header("If-Match", "W/" + ETAG)))
                    .hasCauseInstanceOf(PreconditionFailedException.class);
        }

        @Test
        void failsBeforeIfNoneMatchIsConsidered() {
            assertThatThrownBy(() -> mvc.perform(get(PATH).header("If-Match", "\"nope\"").header("If-None-Match", "*")))
                    .hasCauseInstanceOf(PreconditionFailedException.class);
        }

        @Test
        void proceedsWhenAnyListedEtagMatches() throws Exception {
            mvc.perform(get(PATH).header("If-Match", "\"other\", " + ETAG))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.sequence").value(7));
        }
    }

    @Nested
    class IfNoneMatch {

        @Test
        void returnsNotModifiedOnStar() throws Exception {
            assertNotModified(mvc.perform(get(PATH).header("If-None-Match", "*")));
        }

        @Test
        void returnsNotModifiedWhenWeakEtagIsInList() throws Exception {
            assertNotModified(mvc.perform(get(PATH).header("If-None-Match", "\"meta-6\", W/" + ETAG)));
        }

        @Test
        void returnsNotModifiedWhenEtagIsOnASecondFieldLine() throws Exception {
            assertNotModified(mvc.perform(get(PATH).header("If-None-Match", "\"meta-6\"").header("If-None-Match", ETAG)));
        }

        @Test
        void returnsNotModifiedForHead() throws Exception {
            assertNotModified(mvc.perform(head(PATH).header("If-None-Match", ETAG)));
        }

        @Test
        void returnsNotModifiedAfterIfMatchHeld() throws Exception {
            assertNotModified(mvc.perform(get(PATH).header("If-Match", ETAG).header("If-None-Match", ETAG)));
        }

        @Test
        void proceedsWhenEtagDiffers() throws Exception {
            mvc.perform(get(PATH).header("If-None-Match", "\"meta-6\""))
                    .andExpect(status().isOk())
                    .andExpect(header().string("ETag", ETAG));
        }

        @Test
        void proceedsOnUnquotedEtagAsTheContentPathsDo() throws Exception {
            mvc.perform(get(PATH).header("If-None-Match", "meta-7"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.sequence").value(7));
        }
    }

    /** No Last-Modified, so the date preconditions cannot be evaluated and are ignored (RFC 9110 §13.1.3–4). */
    @Nested
    class Dates {

        @Test
        void ignoresIfModifiedSince() throws Exception {
            mvc.perform(get(PATH).header("If-Modified-Since", FAR_AHEAD))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.sequence").value(7));
        }

        @Test
        void ignoresIfUnmodifiedSince() throws Exception {
            mvc.perform(get(PATH).header("If-Unmodified-Since", LONG_AGO))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.sequence").value(7));
        }
    }

    @Nested
    class Methods {

        @Test
        void headIsServedWithoutBody() throws Exception {
            mvc.perform(head(PATH))
                    .andExpect(status().isOk())
                    .andExpect(header().string("ETag", ETAG));
        }

        @Test
        void allowListsGetAndHead() throws Exception {
            mvc.perform(post(PATH))
                    .andExpect(status().isMethodNotAllowed())
                    .andExpect(header().string("Allow", "GET, HEAD"));
        }
    }
}
