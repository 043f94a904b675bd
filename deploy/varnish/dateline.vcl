# Varnish in front of Dateline: caches reader pages for as long as Dateline's s-maxage says, drops them by
# surrogate key the moment a story is published, updated or unpublished (xkey vmod), serves stale pages while
# it refreshes them and while Dateline is down, and never stores the newsroom or a signed-in request.
#
# Needs Varnish >= 6 and the xkey vmod (Debian/Ubuntu: apt-get install varnish varnish-modules).
# Dateline purges with:  PURGE / HTTP/1.1  +  xkey-purge: article:slug section:world home feeds
# (EDGE_PURGE_URL=http://VARNISH:6081/ in Dateline's environment).
vcl 4.1;

import std;
import xkey;

backend dateline {
    .host = "127.0.0.1";
    .port = "3000";
    .connect_timeout = 2s;
    .first_byte_timeout = 30s;
    # Dateline's cheapest page; it knows the backend is down within a few seconds, so grace can switch from
    # "stale while revalidating" (a minute) to "stale if error" (a day).
    .probe = {
        .url = "/robots.txt";
        .interval = 2s;
        .timeout = 1s;
        .window = 5;
        .threshold = 3;
        .initial = 3;
    }
}

# Who may purge: the Dateline machines. Nobody else, or anyone could empty the cache.
acl purgers {
    "127.0.0.1";
    "::1";
    # "10.0.0.0"/24;
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(403, "Forbidden"));
        }
        if (req.http.xkey-purge) {
            # A hard purge: a changed story must never be served from the old copy, not even in grace.
            set req.http.n-gone = xkey.purge(req.http.xkey-purge);
            return (synth(200, "Invalidated " + req.http.n-gone + " objects"));
        }
        return (purge);
    }

    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }

    # Live updates (Server-Sent Events on /live): one endless stream per reader. Piped, so Varnish neither stores
    # nor buffers it; the built-in vcl_pipe closes the backend connection after it. Dateline's heartbeat (25 s)
    # stays under pipe_timeout (60 s by default), so an idle stream is not cut.
    if (req.url ~ "^/live(\?|$)") {
        return (pipe);
    }

    # The newsroom and anyone signed in to it: never from the cache, cookies intact.
    if (req.url ~ "^/newsroom(/|\?|$)" || req.http.Cookie ~ "(^|;\s*)(__Host-)?dl_session=") {
        return (pass);
    }

    # A reader's account pages (any edition: /account, /ar/account …) read the reader's session cookie: passed
    # with cookies intact, never stored. Every other page is the same for signed-in readers and is cached below.
    if (req.url ~ "^(/[a-z]{2,3}(-[a-z0-9]+)?)?/account(/|\?|$)") {
        return (pass);
    }

    # The TLS terminator in front of Varnish says https; anything else is plain HTTP (two cache variants at most).
    if (req.http.X-Forwarded-Proto != "https") {
        unset req.http.X-Forwarded-Proto;
    }

    # Reader pages read no cookies and no credentials; without them every reader shares one cached copy.
    unset req.http.Cookie;
    unset req.http.Authorization;

    # Tracking parameters do not change a page (Dateline ignores them too): one object, not one per campaign.
    if (req.url ~ "[?&](utm_[a-z]+|fbclid|gclid|mc_cid|mc_eid)=") {
        set req.url = regsuball(req.url, "(utm_[a-z]+|fbclid|gclid|mc_cid|mc_eid)=[^&]*&?", "");
        set req.url = regsub(req.url, "[?&]+$", "");
    }

    # Dateline varies on Accept-Encoding; browsers send dozens of spellings. Varnish stores the gzip form
    # and unzips it for the rare client without gzip, so two values are enough.
    if (req.http.Accept-Encoding ~ "gzip") {
        set req.http.Accept-Encoding = "gzip";
    } else {
        unset req.http.Accept-Encoding;
    }

    # stale-while-revalidate: while Dateline is healthy, serve a stale page for at most a minute (Dateline's
    # stale-while-revalidate=60) while a background fetch refreshes it. When the probe says Dateline is down,
    # the object's whole grace applies: stale-if-error (a day).
    if (std.healthy(req.backend_hint)) {
        set req.grace = 60s;
    }
    return (hash);
}

sub vcl_hash {
    # Dateline sends Strict-Transport-Security only to requests that came over TLS: an https copy and a plain-HTTP
    # copy of a page are kept apart, so neither replays the other's headers. The built-in vcl_hash adds URL and host.
    if (req.http.X-Forwarded-Proto) {
        hash_data(req.http.X-Forwarded-Proto);
    }
}

sub vcl_backend_response {
    # Dateline says what it means: s-maxage sets beresp.ttl (Varnish prefers it to max-age), and pages it
    # marks private/no-store (newsroom, errors, search) are not stored (built-in VCL, run after this).
    if (beresp.http.Cache-Control ~ "stale-if-error=\d+") {
        set beresp.grace = std.duration(regsub(beresp.http.Cache-Control, "^.*stale-if-error=(\d+).*$", "\1s"), 60s);
    }
    # Expired copies stay a while longer so Varnish can revalidate them with If-None-Match (a cheap 304).
    set beresp.keep = 10m;

    # Dateline failing while Varnish refreshes a stale page in the background: keep the stale page (stale-if-error).
    if (beresp.status >= 500 && bereq.is_bgfetch) {
        return (abandon);
    }
}

sub vcl_backend_error {
    if (bereq.is_bgfetch) {
        return (abandon);
    }
    # A Dateline process that just died answers nothing until the probe marks it sick (a few seconds): try
    # once more, which a round-robin director sends to another process. Only reads are retried.
    if (bereq.retries < 1 && bereq.method ~ "^(GET|HEAD)$") {
        return (retry);
    }
}

sub vcl_deliver {
    # Downstream caches (browsers, office proxies) cannot be purged: they get max-age only, never s-maxage or grace.
    if (resp.http.Cache-Control ~ "s-maxage") {
        set resp.http.Cache-Control = regsuball(resp.http.Cache-Control, ",\s*(s-maxage|stale-while-revalidate|stale-if-error)=\d+", "");
    }
    # Surrogate keys are for this cache only.
    unset resp.http.xkey;
    unset resp.http.Surrogate-Key;
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
}
