package cn.civicloop.triage.learning;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.civicloop.support.Api;
import cn.civicloop.support.ApiTest;
import cn.civicloop.support.Node;
import tools.jackson.databind.JsonNode;

/**
 * Importing the district's history, training with a report, activating and rolling back: through the admin API, as
 * an admin would, with files of our own writing ({@code triage/learning/history.csv}) or generated on the fly.
 */
class RoutingLearningApiTests extends ApiTest {

    private static final String BASE = "/api/v1/admin/routing";
    private static final Duration WAIT = Duration.ofSeconds(120);

    @Autowired
    JdbcClient jdbc;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aCsvFileIsImportedWholeWithItsDuplicatesCounted() throws Exception {
        byte[] file = withDuplicateRow(history());
        JsonNode created = create("history.csv", "AUTO", Map.of());
        JsonNode done = put(created.get("id").asLong(), file, "text/csv");
        assertThat(done.get("status").asString()).isEqualTo("DONE");
        assertThat(done.get("encoding").asString()).isEqualTo("UTF_8");
        assertThat(done.get("rowsRead").asLong()).isEqualTo(101);
        assertThat(done.get("duplicates").asLong()).isEqualTo(1);
        assertThat(done.get("rowsStored").asLong()).isEqualTo(100);
        assertThat(storedExamples(created.get("id").asLong())).isEqualTo(100);
        assertThat(done.get("report").get("perCategory").get("城乡建设").asLong()).isEqualTo(25);
    }

    @Test
    void oneBadRowRefusesTheWholeFileAndTheReportNamesEachLineAndReason() throws Exception {
        String csv = new String(history(), StandardCharsets.UTF_8)
                + "2024-05-01,楼下有人卖假药,,医药卫生,区卫健委\n"
                + "2024-05-02,,,城乡建设,区住建局\n"
                + "2024-13-45,标题,内容,交通运输,区交通运输局\n";
        long id = create("history.csv", "UTF-8", Map.of()).get("id").asLong();
        Api.Answer refused = putRaw(id, csv.getBytes(StandardCharsets.UTF_8), "text/csv");
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        JsonNode errors = refused.json().get("errors");
        List<String> lines = errors.valueStream().map(e -> e.get("field").asString()).toList();
        assertThat(lines).containsExactly("line 102", "line 103", "line 104");
        assertThat(errors.get(0).get("reason").asString()).contains("医药卫生").contains("分类树");
        assertThat(errors.get(1).get("reason").asString()).contains("标题和内容都为空");
        assertThat(errors.get(2).get("reason").asString()).contains("2024-13-45");
        JsonNode view = api.get(BASE + "/imports/" + id, admin()).json();
        assertThat(view.get("status").asString()).isEqualTo("REFUSED");
        assertThat(view.get("rowsStored").asLong()).isZero();
        assertThat(view.get("report").get("unknownLabels").get("医药卫生").asLong()).isEqualTo(1);
        assertThat(storedExamples(id)).as("nothing half-imported").isZero();

        // mapped onto a category of the tree, and the two other rows fixed, the same file goes in whole
        String fixed = new String(history(), StandardCharsets.UTF_8) + "2024-05-01,楼下有人卖假药,,医药卫生,区卫健委\n";
        long again = create("history.csv", "UTF-8", Map.of("医药卫生", "卫生计生")).get("id").asLong();
        JsonNode done = put(again, fixed.getBytes(StandardCharsets.UTF_8), "text/csv");
        assertThat(done.get("status").asString()).isEqualTo("DONE");
        assertThat(done.get("report").get("perCategory").get("卫生计生").asLong()).isEqualTo(1);
    }

    @Test
    void aGbkFileIsDetectedAndPreviewedInChinese() throws Exception {
        byte[] gbk = new String(history(), StandardCharsets.UTF_8).getBytes(Charset.forName("GBK"));
        Api.Answer preview = api.postRaw(BASE + "/imports/preview?fileName=history.csv", admin(), "text/csv", gbk, Map.of());
        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        assertThat(preview.json().get("encoding").asString()).isEqualTo("GBK");
        assertThat(preview.json().get("header").valueStream().map(JsonNode::asString).toList())
                .containsExactly("受理时间", "标题", "诉求内容", "一级分类", "承办单位");
        assertThat(preview.json().get("rows")).hasSize(5);

        long id = create("history-gbk.csv", "AUTO", Map.of()).get("id").asLong();
        JsonNode done = put(id, gbk, "text/csv");
        assertThat(done.get("encoding").asString()).isEqualTo("GBK");
        assertThat(done.get("rowsStored").asLong()).isEqualTo(100);
        assertThat(jdbc.sql("select count(*) from triage_example where import_id = ? and label = '交通运输'").param(id)
                .query(Long.class).single()).isEqualTo(25);
    }

    @Test
    void anExcelFileIsImportedLikeItsCsv() throws Exception {
        byte[] xlsx = Spreadsheets.xlsx(new String(history(), StandardCharsets.UTF_8));
        long id = create("history.xlsx", "AUTO", Map.of()).get("id").asLong();
        JsonNode done = put(id, xlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(done.get("format").asString()).isEqualTo("XLSX");
        assertThat(done.get("rowsStored").asLong()).isEqualTo(100);
    }

    @Test
    void wrongColumnsAndFilesThatAreNoTableAreRefusedReadably() throws Exception {
        Map<String, Object> form = mapping("history.csv", "AUTO", Map.of());
        form.put("category", "分类");
        long id = api.post(BASE + "/imports", admin(), form).json().get("id").asLong();
        Api.Answer wrong = putRaw(id, history(), "text/csv");
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(wrong.json().get("detail").asString()).contains("分类").contains("一级分类");

        Map<String, Object> noText = mapping("history.csv", "AUTO", Map.of());
        noText.remove("title");
        noText.remove("content");
        assertThat(api.post(BASE + "/imports", admin(), noText).status()).isEqualTo(422);

        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        long pic = create("photo.png", "AUTO", Map.of()).get("id").asLong();
        Api.Answer notTable = putRaw(pic, png, "text/csv");
        assertThat(notTable.status()).isEqualTo(422);
        assertThat(notTable.json().get("detail").asString()).contains("CSV").contains("Excel");
    }

    @Test
    void aTwoGigabyteUploadIsRefusedWith413BeforeItsBodyIsSent() throws Exception {
        long id = create("huge.csv", "AUTO", Map.of()).get("id").asLong();
        try (Socket socket = new Socket("127.0.0.1", port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            // only the headers and a few bytes: an early refusal answers without waiting for the 2 GB
            out.write(("PUT " + BASE + "/imports/" + id + "/file HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                    + admin() + "\r\nContent-Type: text/csv\r\nContent-Length: " + (2L << 30) + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(GeneratedHistory.HEADER.getBytes(StandardCharsets.UTF_8));
            out.flush();
            String status = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))
                    .readLine();
            assertThat(status).startsWith("HTTP/1.1 413");
        }
    }

    @Test
    void aBigFileStreamsInWithProgressEvents() throws Exception {
        long id = create("generated.csv", "UTF-8", Map.of()).get("id").asLong();
        List<String> events = new ArrayList<>();
        CompletableFuture<Void> listening = listen(BASE + "/imports/" + id + "/events", events);
        Node.await(WAIT, "the stream's first event", () -> !snapshot(events).isEmpty());
        int rows = 60_000;
        // the upload holds after half its rows until the stream has shown them being read: a fast machine reads the
        // whole file between two ticks of the stream otherwise
        Runnable untilProgressShown = () -> Node.await(WAIT, "a progress event while the upload is held",
                () -> snapshot(events).stream().anyMatch(RoutingLearningApiTests::isProgress));
        HttpResponse<String> done = putStream(id, new GeneratedHistory(rows, rows / 2, untilProgressShown));
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        JsonNode view = Api.json().readTree(done.body());
        assertThat(view.get("rowsStored").asLong()).isEqualTo(rows);
        assertThat(storedExamples(id)).isEqualTo(rows);
        listening.get(30, TimeUnit.SECONDS);
        List<String> seen = snapshot(events);
        assertThat(seen.get(seen.size() - 1)).contains("\"status\":\"DONE\"");
        assertThat(seen).as("progress between the start and the end").anyMatch(RoutingLearningApiTests::isProgress);
    }

    private static boolean isProgress(String event) {
        return event.contains("\"status\":\"RUNNING\"") && !event.contains("\"rowsRead\":0,");
    }

    @Test
    void anImportCancelledMidwayLeavesNothing() throws Exception {
        long id = create("generated.csv", "UTF-8", Map.of()).get("id").asLong();
        CompletableFuture<HttpResponse<String>> upload = http.sendAsync(putRequest(id,
                HttpRequest.BodyPublishers.ofInputStream(() -> new GeneratedHistory(2_000_000))),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        Node.await(WAIT, "rows stored", () -> api.get(BASE + "/imports/" + id, admin()).json().get("rowsStored").asLong() > 0);
        assertThat(api.post(BASE + "/imports/" + id + "/cancel", admin(), Map.of()).status()).isEqualTo(200);
        HttpResponse<String> answer = upload.get(120, TimeUnit.SECONDS);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(Api.json().readTree(answer.body()).get("status").asString()).isEqualTo("CANCELLED");
        assertThat(storedExamples(id)).isZero();
    }

    @Test
    void trainingNeedsEnoughExamplesInTwoCategories() throws Exception {
        String one = GeneratedHistory.HEADER + GeneratedHistory.row(1);
        long single = create("one.csv", "UTF-8", Map.of()).get("id").asLong();
        put(single, one.getBytes(StandardCharsets.UTF_8), "text/csv");
        Api.Answer refused = api.post(BASE + "/training", admin(), Map.of("imports", true, "importIds", List.of(single)));
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.json().get("detail").asString()).contains("50").contains("1 条");

        StringBuilder oneLabel = new StringBuilder(GeneratedHistory.HEADER);
        for (int i = 0; i < 80; i++) {
            oneLabel.append(GeneratedHistory.row(i * 4L)); // every fourth row: all 城乡建设
        }
        long same = create("one-label.csv", "UTF-8", Map.of()).get("id").asLong();
        put(same, oneLabel.toString().getBytes(StandardCharsets.UTF_8), "text/csv");
        Api.Answer oneCategory = api.post(BASE + "/training", admin(), Map.of("imports", true, "importIds", List.of(same)));
        assertThat(oneCategory.status()).isEqualTo(422);
        assertThat(oneCategory.json().get("detail").asString()).contains("1 个类别");
    }

    @Test
    void aRunReportsBothModelsOnTheSameHeldOutPartAndItsCandidateCanBeActivatedAndRolledBack() throws Exception {
        long id = create("history.csv", "AUTO", Map.of()).get("id").asLong();
        put(id, history(), "text/csv");
        String before = activeVersion();
        JsonNode run = startRun(Map.of("seed", true, "imports", true, "importIds", List.of(id)));
        long runId = run.get("id").asLong();
        List<String> events = new ArrayList<>();
        listen(BASE + "/training/" + runId + "/events", events).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(snapshot(events).get(snapshot(events).size() - 1)).contains("\"status\":\"DONE\"");
        JsonNode done = api.get(BASE + "/training/" + runId, admin()).json();
        assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("DONE");
        JsonNode report = done.get("report");
        for (String side : List.of("candidate", "inService")) {
            JsonNode m = report.get(side);
            assertThat(m.get("examples").asInt()).isEqualTo(report.get("heldOut").asInt()).isPositive();
            assertThat(m.get("perClass").size()).isGreaterThanOrEqualTo(4);
            int labels = m.get("labels").size();
            assertThat(m.get("confusion")).hasSize(labels);
            int total = 0;
            for (JsonNode row : m.get("confusion")) {
                for (JsonNode cell : row) {
                    total += cell.asInt();
                }
            }
            assertThat(total).isEqualTo(m.get("examples").asInt());
            assertThat(m.get("reliability")).hasSize(10);
            assertThat(m.get("automation").get(0).get("routedShare").asDouble())
                    .isGreaterThanOrEqualTo(m.get("automation").get(m.get("automation").size() - 1).get("routedShare").asDouble());
        }
        assertThat(done.get("inServiceVersion").asString()).isEqualTo(before);
        assertThat(activeVersion()).as("a run only proposes").isEqualTo(before);

        String candidate = done.get("candidateVersion").asString();
        try {
            assertThat(api.post(BASE + "/models/" + candidate + "/activate", admin(), Map.of()).status()).isEqualTo(200);
            assertThat(activeVersion()).isEqualTo(candidate);
            assertThat(api.get(BASE + "/training/" + runId, admin()).json().get("decision").asString()).isEqualTo("ACTIVATED");
            assertThat(jdbc.sql("select count(*) from security_audit_log where action = 'CONFIG_CHANGE' and target = 'routing model'")
                    .query(Long.class).single()).isPositive();
        } finally {
            // roll back: the other tests of the shared database expect the model they started with
            assertThat(api.post(BASE + "/models/" + before + "/activate", admin(), Map.of()).status()).isEqualTo(200);
        }
        assertThat(activeVersion()).isEqualTo(before);
        assertThat(api.post(BASE + "/models/no-such-version/activate", admin(), Map.of()).status()).isEqualTo(404);
    }

    @Test
    void aRunWhoseInstanceStoppedIsMarkedFailedTheModelStaysAndItCanBeRestarted() throws Exception {
        String before = activeVersion();
        Timestamp longAgo = Timestamp.from(Instant.now().minus(Duration.ofMinutes(10)));
        long id = jdbc.sql("insert into triage_training_run (status, phase, sources, requested_by, started_at, heartbeat_at)"
                + " values ('RUNNING', 'TRAINING', 'seed', 'admin', ?, ?)").params(longAgo, longAgo)
                .update(new org.springframework.jdbc.support.GeneratedKeyHolder(), "id") > 0
                        ? jdbc.sql("select max(id) from triage_training_run").query(Long.class).single() : -1;
        jdbc.sql("update triage_training_lock set run_id = ?, heartbeat_at = ? where name = 'training'")
                .params(id, longAgo).update();

        JsonNode failed = api.get(BASE + "/training/" + id, admin()).json();
        assertThat(failed.get("status").asString()).isEqualTo("FAILED");
        assertThat(failed.get("error").asString()).isEqualTo("STOPPED");
        assertThat(activeVersion()).isEqualTo(before);

        Api.Answer restarted = api.post(BASE + "/training/" + id + "/restart", admin(), Map.of());
        assertThat(restarted.status()).as(restarted.body()).isEqualTo(202);
        long again = restarted.json().get("id").asLong();
        Api.Answer busy = api.post(BASE + "/training", admin(), Map.of("seed", true));
        assertThat(busy.status()).as("one run at a time").isIn(202, 409);
        Node.await(WAIT, "the restarted run", () -> !api.get(BASE + "/training/" + again, admin()).json()
                .get("status").asString().equals("RUNNING"));
        assertThat(api.get(BASE + "/training/" + again, admin()).json().get("status").asString()).isEqualTo("DONE");
        if (busy.status() == 202) {
            long other = busy.json().get("id").asLong();
            Node.await(WAIT, "the other run", () -> !api.get(BASE + "/training/" + other, admin()).json()
                    .get("status").asString().equals("RUNNING"));
        }
        assertThat(activeVersion()).isEqualTo(before);
    }

    // ---- helpers

    private String admin() {
        return api.login("admin");
    }

    private String activeVersion() {
        return api.get(BASE + "/models", admin()).json().valueStream().filter(v -> v.get("active").asBoolean())
                .map(v -> v.get("version").asString()).findFirst().orElseThrow();
    }

    private JsonNode startRun(Map<String, Object> body) {
        // another test's run may still hold the lock for a moment
        Api.Answer[] answer = new Api.Answer[1];
        Node.await(WAIT, "the training lock", () -> {
            answer[0] = api.post(BASE + "/training", admin(), body);
            return answer[0].status() != 409;
        });
        assertThat(answer[0].status()).as(answer[0].body()).isEqualTo(202);
        return answer[0].json();
    }

    private long storedExamples(long importId) {
        return jdbc.sql("select count(*) from triage_example where import_id = ?").param(importId).query(Long.class).single();
    }

    private static byte[] history() throws Exception {
        try (InputStream in = RoutingLearningApiTests.class.getResourceAsStream("/triage/learning/history.csv")) {
            return in.readAllBytes();
        }
    }

    private static byte[] withDuplicateRow(byte[] csv) {
        String text = new String(csv, StandardCharsets.UTF_8);
        String second = text.split("\n")[1];
        return (text + second + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private Map<String, Object> mapping(String fileName, String encoding, Map<String, String> labels) {
        Map<String, Object> form = new HashMap<>();
        form.put("fileName", fileName);
        form.put("source", "测试导入");
        form.put("encoding", encoding);
        form.put("title", "标题");
        form.put("content", "诉求内容");
        form.put("category", "一级分类");
        form.put("department", "承办单位");
        form.put("date", "受理时间");
        form.put("labels", labels);
        return form;
    }

    private JsonNode create(String fileName, String encoding, Map<String, String> labels) {
        Api.Answer a = api.post(BASE + "/imports", admin(), mapping(fileName, encoding, labels));
        assertThat(a.status()).as(a.body()).isEqualTo(201);
        return a.json();
    }

    private JsonNode put(long id, byte[] body, String type) throws Exception {
        Api.Answer a = putRaw(id, body, type);
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        return a.json();
    }

    private Api.Answer putRaw(long id, byte[] body, String type) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base() + BASE + "/imports/" + id + "/file"))
                .header("Authorization", "Bearer " + admin()).header("Content-Type", type)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Api.Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
    }

    private HttpRequest putRequest(long id, HttpRequest.BodyPublisher body) {
        return HttpRequest.newBuilder(URI.create(base() + BASE + "/imports/" + id + "/file"))
                .header("Authorization", "Bearer " + admin()).header("Content-Type", "text/csv").PUT(body).build();
    }

    private HttpResponse<String> putStream(long id, InputStream body) throws Exception {
        return http.send(putRequest(id, HttpRequest.BodyPublishers.ofInputStream(() -> body)),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Reads an event stream into {@code events} (one entry per data line) until its {@code done} event. */
    private CompletableFuture<Void> listen(String path, List<String> events) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base() + path)).header("Authorization", "Bearer " + admin())
                .header("Accept", "text/event-stream").GET().build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofLines()).thenAccept(r -> {
            boolean[] done = {false};
            boolean[] finished = {false};
            r.body().takeWhile(line -> !finished[0]).forEach(line -> {
                if (line.startsWith("event:done")) {
                    done[0] = true;
                }
                if (line.startsWith("data:")) {
                    synchronized (events) {
                        events.add(line.substring(5));
                    }
                    finished[0] = done[0];
                }
            });
        });
    }

    private static List<String> snapshot(List<String> events) {
        synchronized (events) {
            return List.copyOf(events);
        }
    }

    private String base() {
        return "http://localhost:" + port();
    }
}
