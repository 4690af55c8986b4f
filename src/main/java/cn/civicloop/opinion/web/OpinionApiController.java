package cn.civicloop.opinion.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.civicloop.opinion.internal.FeedPolling;
import cn.civicloop.opinion.internal.IncomingPost;
import cn.civicloop.opinion.internal.OpinionProperties;
import cn.civicloop.opinion.internal.PostImport;
import cn.civicloop.opinion.internal.PostRefusals;
import cn.civicloop.opinion.internal.PostTimes;
import cn.civicloop.opinion.internal.Sources;
import cn.civicloop.opinion.internal.TopicAccess;
import cn.civicloop.opinion.internal.TopicBoard;
import cn.civicloop.security.Actors;
import cn.civicloop.shared.InvalidInputException;
import cn.civicloop.shared.PayloadTooLargeException;
import cn.civicloop.shared.Phrase;
import cn.civicloop.shared.web.RefusalText;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Sources, vendor pushes and the top-N topics (owner roles in {@link OpinionEndpoints}). */
@Tag(name = "Online opinion")
@RestController
@RequestMapping("/api/v1/opinion")
class OpinionApiController {

    /** A push body larger than this is refused before it is parsed (about 500 posts of 8,000 characters). */
    private static final int MAX_BODY_BYTES = 8 * 1024 * 1024;

    private final Sources sources;
    private final TopicBoard board;
    private final OpinionProperties settings;
    private final FeedPolling feeds;
    private final PostImport imports;
    private final TopicAccess access;
    private final JsonMapper json = JsonMapper.builder().build();

    OpinionApiController(Sources sources, TopicBoard board, OpinionProperties settings, FeedPolling feeds,
            PostImport imports, TopicAccess access) {
        this.access = access;
        this.feeds = feeds;
        this.imports = imports;
        this.sources = sources;
        this.board = board;
        this.settings = settings;
    }

    record NewSource(String code, String name, Sources.Kind kind, String feedUrl, Integer pollMinutes) {
    }

    @Operation(summary = "Register a source; a push source's secret is in this answer only")
    @PostMapping("/sources")
    ResponseEntity<Sources.Registered> register(@RequestBody NewSource body) {
        if (body.kind() == null) {
            throw new InvalidInputException("kind", Phrase.of("problem.opinion.source-kind", "请选择来源类型：PUSH、FEED 或 IMPORT"));
        }
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(sources.register(body.code(), body.name(), body.kind(), body.feedUrl(), body.pollMinutes()));
    }

    @Operation(summary = "Sources with their health")
    @GetMapping("/sources")
    List<Sources.Source> sources() {
        return sources.all();
    }

    @Operation(summary = "A vendor's signed batch of posts (HMAC-SHA256 over timestamp.body)")
    @PostMapping(path = "/sources/{code}/posts", consumes = "application/json")
    ResponseEntity<?> push(@PathVariable String code, @RequestHeader(name = "X-Opinion-Timestamp", required = false)
            String timestamp, @RequestHeader(name = "X-Opinion-Signature", required = false) String signature,
            @RequestBody byte[] body) {
        if (body.length > MAX_BODY_BYTES) {
            throw new PayloadTooLargeException("body",
                    Phrase.of("problem.opinion.push-too-large", "推送内容最多 {0} 字节", MAX_BODY_BYTES));
        }
        Sources.Source source = sources.verifyPush(code, timestamp, signature, body);
        JsonNode posts = parse(body).path("posts");
        if (!posts.isArray()) {
            throw new InvalidInputException("posts", Phrase.of("problem.opinion.posts-required", "须给出帖子数组 posts"));
        }
        if (posts.size() > settings.maxBatch()) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, RefusalText.in(
                    Phrase.of("problem.opinion.too-many-posts", "每次最多 {0} 条帖子，请拆分后分批发送", settings.maxBatch()),
                    LocaleContextHolder.getLocale()));
            problem.setProperty("maxBatch", settings.maxBatch());
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header("Retry-After", "1")
                    .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        List<IncomingPost> batch = new ArrayList<>();
        for (int i = 0; i < posts.size(); i++) {
            batch.add(post(posts.get(i), i));
        }
        TopicBoard.Outcome outcome = board.ingest(source.id(), batch);
        sources.recordSuccess(source.id());
        return ResponseEntity.ok(outcome);
    }

    @Operation(summary = "Import posts of a source from a CSV file (id,time,title,text,…); all rows or none")
    @PostMapping(path = "/sources/{code}/import", consumes = "text/csv")
    TopicBoard.Outcome importCsv(@PathVariable String code, @RequestBody byte[] csv) {
        if (csv.length > MAX_BODY_BYTES) {
            throw new PayloadTooLargeException("file",
                    Phrase.of("problem.opinion.import-too-large", "导入文件最多 {0} 字节", MAX_BODY_BYTES));
        }
        Sources.Source source = sources.find(code)
                .orElseThrow(() -> new cn.civicloop.shared.NotFoundException(
                        Phrase.of("problem.opinion.no-source", "没有来源 {0}", code)));
        TopicBoard.Outcome outcome = imports.importCsv(source.id(), csv);
        sources.recordSuccess(source.id());
        return outcome;
    }

    @Operation(summary = "Poll the feeds that are due now (the scheduler does it every minute)")
    @PostMapping("/feeds/poll")
    Map<String, Object> pollFeeds() {
        return Map.of("polled", feeds.pollDue());
    }

    @Operation(summary = "The hottest recent topics (rank, id, heat, level, time range, one-line description)")
    @GetMapping("/topics")
    Map<String, Object> topics(@RequestParam(defaultValue = "20") int limit) {
        return Map.of("topics", access.visible(board.top(Math.max(1, Math.min(limit, 100))), TopicBoard.TopicRow::id,
                Actors.current()));
    }

    @Operation(summary = "The posts of a topic, newest first, authors masked")
    @GetMapping("/topics/{id}/posts")
    Map<String, Object> posts(@PathVariable String id, @RequestParam(defaultValue = "50") int limit) {
        access.check(id, Actors.current());
        return Map.of("posts", board.posts(id, Math.max(1, Math.min(limit, 200))));
    }

    private JsonNode parse(byte[] body) {
        try {
            return json.readTree(body);
        } catch (RuntimeException e) {
            throw new InvalidInputException("body", Phrase.of("problem.opinion.not-json", "请求体不是 JSON"));
        }
    }

    private static IncomingPost post(JsonNode p, int index) {
        String field = "posts[" + index + "]";
        String id = p.path("id").asString("").strip();
        if (id.isEmpty() || id.length() > 200) {
            throw new InvalidInputException(field + ".id", PostRefusals.ID);
        }
        Instant at = PostTimes.parse(p.path("time").asString(""));
        if (at == null) {
            throw new InvalidInputException(field + ".time", PostRefusals.TIME);
        }
        String title = limit(p.path("title").asString(""), 500);
        String text = limit(p.path("text").asString(""), 8000);
        if (title.isBlank() && text.isBlank()) {
            throw new InvalidInputException(field, PostRefusals.TITLE_OR_TEXT);
        }
        return new IncomingPost(id, limit(p.path("url").asString(null), 2000), limit(p.path("author").asString(null), 200),
                title, text, at, p.path("likes").asLong(0), p.path("opposes").asLong(0), p.path("replies").asLong(0),
                p.path("reposts").asLong(0), limit(p.path("place").asString(null), 200));
    }

    private static String limit(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
