package cn.civicloop.opinion.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

/**
 * Polls the RSS/Atom sources that are due, each on its own interval, with conditional GET (ETag, Last-Modified).
 * A feed that fails (unreachable, not a feed, unsafe XML) is retried with back-off — its interval doubled per
 * failure in a row, at most a day — and shows as unhealthy; one source's failure never stops the others.
 */
@Service
public class FeedPolling {

    private static final Logger log = LoggerFactory.getLogger(FeedPolling.class);
    static final int MAX_BYTES = 5 * 1024 * 1024;
    private static final Duration MAX_BACKOFF = Duration.ofDays(1);

    private record Due(long id, String url, int minutes, int failures, String etag, String lastModified) {
    }

    private final JdbcClient jdbc;
    private final TopicBoard board;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NORMAL).build();

    FeedPolling(JdbcClient jdbc, TopicBoard board, Clock clock) {
        this.jdbc = jdbc;
        this.board = board;
        this.clock = clock;
    }

    /** Polls every feed that is due; returns how many were polled. */
    public int pollDue() {
        Timestamp now = Timestamp.from(clock.instant());
        List<Due> due = jdbc.sql("""
                select id, feed_url, poll_minutes, failures, etag, last_modified from opinion_source
                where kind = 'FEED' and (next_poll_at is null or next_poll_at <= ?) order by id fetch first 50 rows only""")
                .param(now)
                .query((rs, n) -> new Due(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getString(5),
                        rs.getString(6)))
                .list();
        for (Due source : due) {
            try {
                poll(source);
            } catch (Exception e) {
                fail(source, e);
            }
        }
        return due.size();
    }

    private void poll(Due source) throws IOException, InterruptedException, FeedParser.FeedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(source.url()))
                .timeout(Duration.ofSeconds(20)).header("User-Agent", "CivicLoop-opinion");
        if (source.etag() != null) {
            request.header("If-None-Match", source.etag());
        }
        if (source.lastModified() != null) {
            request.header("If-Modified-Since", source.lastModified());
        }
        HttpResponse<InputStream> response = http.send(request.GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            if (response.statusCode() == 304) {
                succeed(source, source.etag(), source.lastModified());
                return;
            }
            if (response.statusCode() != 200) {
                throw new IOException("HTTP " + response.statusCode());
            }
            byte[] bytes = body.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new IOException("feed larger than " + MAX_BYTES + " bytes");
            }
            List<IncomingPost> posts = FeedParser.parse(new java.io.ByteArrayInputStream(bytes));
            board.ingest(source.id(), posts);
            succeed(source, response.headers().firstValue("ETag").orElse(null),
                    response.headers().firstValue("Last-Modified").orElse(null));
        }
    }

    private void succeed(Due source, String etag, String lastModified) {
        Instant now = clock.instant();
        jdbc.sql("""
                update opinion_source set failures = 0, last_success_at = ?, etag = ?, last_modified = ?,
                    next_poll_at = ? where id = ?""")
                .params(Timestamp.from(now), etag, lastModified,
                        Timestamp.from(now.plus(Duration.ofMinutes(source.minutes()))), source.id())
                .update();
    }

    private void fail(Due source, Exception e) {
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        int failures = source.failures() + 1;
        Duration wait = Duration.ofMinutes(source.minutes()).multipliedBy(1L << Math.min(failures, 16));
        if (wait.compareTo(MAX_BACKOFF) > 0) {
            wait = MAX_BACKOFF;
        }
        String message = String.valueOf(e.getMessage());
        log.warn("feed source {} failed ({} in a row): {}", source.id(), failures, message);
        Instant now = clock.instant();
        jdbc.sql("""
                update opinion_source set failures = ?, last_failure_at = ?, last_error = ?, next_poll_at = ?
                where id = ?""")
                .params(failures, Timestamp.from(now), message.length() > 500 ? message.substring(0, 500) : message,
                        Timestamp.from(now.plus(wait)), source.id())
                .update();
    }

    @Configuration(proxyBeanMethods = false)
    static class FeedTask {

        @Bean
        RecurringTask<Void> opinionFeedsTask(FeedPolling polling) {
            return Tasks.recurring("opinion-feeds", FixedDelay.of(Duration.ofMinutes(1)))
                    .execute((instance, context) -> polling.pollDue());
        }
    }
}
