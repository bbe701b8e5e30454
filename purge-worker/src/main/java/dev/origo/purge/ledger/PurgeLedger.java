package dev.origo.purge.ledger;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.origo.events.ReadModelChange;
import dev.origo.purge.provider.PurgeTargets;

/** The worker's own table {@code purge.ledger}. Lists travel as newline-joined text: URLs and tags never hold one. */
@Repository
public class PurgeLedger {

    private final JdbcClient jdbc;

    PurgeLedger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records that the notice's purge started (again, if it was redelivered). */
    public void begin(String provider, ReadModelChange notice, PurgeTargets targets, Instant at) {
        jdbc.sql("""
                insert into purge.ledger (event_id, provider, asset_id, sequence, event_type, urls, tags,
                                          occurred_at, first_attempt_at, outcome)
                values (:event, :provider, :asset, :sequence, :type, string_to_array(:urls, E'\\n'),
                        string_to_array(:tags, E'\\n'), cast(:occurred as timestamptz), :at, 'pending')
                on conflict (event_id, provider) do update
                    set outcome = 'pending', urls = excluded.urls, tags = excluded.tags""")
                .param("event", eventId(notice))
                .param("provider", provider)
                .param("asset", notice.assetId())
                .param("sequence", notice.sequence())
                .param("type", notice.eventType())
                .param("urls", joined(targets.urls()))
                .param("tags", joined(targets.tags()))
                .param("occurred", time(notice.occurredAt()))
                .param("at", time(at))
                .update();
    }

    /** The CDN confirmed every request of the notice. {@code repurgeDue} is null when no second purge follows. */
    public void purged(String provider, ReadModelChange notice, int attempts, String purgeId, Instant at,
                       Instant repurgeDue) {
        jdbc.sql("""
                update purge.ledger
                   set outcome = 'purged', attempts = attempts + :attempts, completed_at = :at, purge_id = :id,
                       failure_reason = null, repurge_due_at = cast(:due as timestamptz), repurge_attempts = 0,
                       repurged_at = null
                 where event_id = :event and provider = :provider""")
                .param("attempts", attempts)
                .param("at", time(at))
                .param("id", purgeId)
                .param("due", time(repurgeDue))
                .param("event", eventId(notice))
                .param("provider", provider)
                .update();
    }

    /** The purge kept failing (or was rejected) and the notice went to the dead-letter topic. */
    public void deadLettered(String provider, ReadModelChange notice, int attempts, String reason, Instant at) {
        jdbc.sql("""
                update purge.ledger
                   set outcome = 'dead_lettered', attempts = attempts + :attempts, completed_at = :at,
                       failure_reason = :reason, repurge_due_at = null
                 where event_id = :event and provider = :provider""")
                .param("attempts", attempts)
                .param("at", time(at))
                .param("reason", reason)
                .param("event", eventId(notice))
                .param("provider", provider)
                .update();
    }

    /**
     * Claims up to {@code limit} second purges that are due: their due time moves to {@code leaseUntil},
     * so that another worker takes one over only if this one did not finish it by then.
     */
    public List<DueRepurge> claimDueRepurges(String provider, Instant now, Instant leaseUntil, int maxAttempts,
                                             int limit) {
        return jdbc.sql("""
                update purge.ledger l
                   set repurge_due_at = :lease, repurge_attempts = l.repurge_attempts + 1
                  from (select event_id, provider from purge.ledger
                         where provider = :provider and outcome = 'purged' and repurged_at is null
                           and repurge_due_at <= :now and repurge_attempts < :max
                         order by repurge_due_at
                         limit :limit
                         for update skip locked) due
                 where l.event_id = due.event_id and l.provider = due.provider
                returning l.event_id, array_to_string(l.urls, E'\\n') as urls, array_to_string(l.tags, E'\\n') as tags""")
                .param("lease", time(leaseUntil))
                .param("provider", provider)
                .param("now", time(now))
                .param("max", maxAttempts)
                .param("limit", limit)
                .query((rs, row) -> new DueRepurge(rs.getObject("event_id", UUID.class),
                        new PurgeTargets(split(rs.getString("urls")), split(rs.getString("tags")))))
                .list();
    }

    /** The second purge of these events is done. */
    public void repurged(String provider, List<UUID> eventIds, Instant at) {
        for (UUID event : eventIds) {
            jdbc.sql("update purge.ledger set repurged_at = :at where event_id = :event and provider = :provider")
                    .param("at", time(at))
                    .param("event", event)
                    .param("provider", provider)
                    .update();
        }
    }

    /** A second purge that is due. */
    public record DueRepurge(UUID eventId, PurgeTargets targets) {
    }

    /** Notices without an event id (none today) are keyed by a name-based id of asset and sequence. */
    static UUID eventId(ReadModelChange notice) {
        return notice.eventId() != null ? notice.eventId()
                : UUID.nameUUIDFromBytes((notice.assetId() + "/" + notice.sequence()).getBytes(
                        java.nio.charset.StandardCharsets.UTF_8));
    }

    private static String joined(List<String> values) {
        return String.join("\n", values);
    }

    private static List<String> split(String text) {
        return text == null || text.isEmpty() ? List.of() : Arrays.asList(text.split("\n"));
    }

    private static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
