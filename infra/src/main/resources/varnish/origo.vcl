# Origo's edge: Varnish in front of the query-api (DESIGN §6, §7).
#
# - caches what the origin's Cache-Control allows, for as long as it allows (s-maxage before
#   max-age, Varnish's own rule), and nothing that is private, no-store or no-cache;
# - accepts PURGE <path> (drops that object) and BAN with an X-Ban-Tag header (drops every object
#   whose Surrogate-Key holds that tag) only from the `purgers` ACL; 405 from anywhere else;
# - answers X-Cache: HIT, MISS or PASS; passes every origin header through unchanged;
# - keys /assets/ objects by path alone (the origin reads no query string there), passes
#   read-your-writes requests (X-Min-Sequence) to the origin, and does not serve the origin's
#   actuator to the public.
#
# ./origo and the tests fill in the backend port and may narrow the ACL: the lines marked
# "origo:" are replaced textually, so keep their shape.
vcl 4.1;

backend origin {
    .host = "127.0.0.1";
    .port = "8080";                    # origo:backend-port
    .connect_timeout = 2s;
    .first_byte_timeout = 30s;
    .between_bytes_timeout = 30s;
}

acl purgers {
    "127.0.0.1";                       # origo:purger
    "::1";                             # origo:purger
}

sub vcl_recv {
    # The origin reads no query string on /assets/, so /download?utm=1 is /download: one object,
    # which the purge of the plain path drops. Otherwise every variant kept the old content for its
    # whole s-maxage after a replace (the purge names the plain URL).
    if (req.url ~ "^/assets/[^?]*\?") {
        set req.url = regsub(req.url, "\?.*$", "");
    }
    if (req.method == "PURGE" || req.method == "BAN") {
        if (client.ip !~ purgers) {
            return (synth(405, "Method Not Allowed"));
        }
        if (req.method == "PURGE") {
            return (purge);
        }
        # Tags are asset-<uuid> / version-<uuid>: anything else could smuggle a regex into the ban.
        if (req.http.X-Ban-Tag !~ "^[A-Za-z0-9][A-Za-z0-9_.:-]*$") {
            return (synth(400, "X-Ban-Tag missing or malformed"));
        }
        # obj.* only, so that Varnish's ban lurker can apply the ban in the background.
        ban("obj.http.Surrogate-Key ~ (^|\s)" + req.http.X-Ban-Tag + "(\s|$)");
        return (synth(200, "Banned"));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # The origin's health and metrics are for operators, not for the edge's public.
    if (req.url ~ "^/actuator(/|\?|$)") {
        return (synth(404, "Not Found"));
    }
    # Read-your-writes (X-Min-Sequence, DESIGN §4): only the origin knows whether it has reached the
    # sequence; a cached copy may be older.
    if (req.http.X-Min-Sequence) {
        return (pass);
    }
    # Private links are per token and never shared: do not even look them up.
    if (req.url ~ "^/assets/private/") {
        return (pass);
    }
    # One origin per edge: the object is named by its path alone (see vcl_hash), so the host
    # header neither splits the cache nor decides what a PURGE hits.
    # Authorization or cookies: Varnish's built-in vcl_recv passes those requests.
}

sub vcl_hash {
    hash_data(req.url);
    return (lookup);
}

sub vcl_purge {
    return (synth(200, "Purged"));
}

sub vcl_backend_response {
    # Never store a response the origin marked private or not storable (the built-in rule also
    # does this; it is spelled out because it is the edge's most important promise).
    if (beresp.http.Cache-Control ~ "(?i)(^|[,\s])(private|no-store|no-cache)([,\s=]|$)"
            || beresp.http.Set-Cookie) {
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;         # remember "do not cache" (hit-for-miss) for this long
        return (deliver);
    }
    # Without stale-while-revalidate the origin did not allow serving stale: no grace.
    if (beresp.http.Cache-Control !~ "(?i)stale-while-revalidate") {
        set beresp.grace = 0s;
    }
}

sub vcl_deliver {
    if (obj.uncacheable) {
        set resp.http.X-Cache = "PASS";
    } else if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
}
