package cn.civicloop.partner;

import static cn.civicloop.support.CaseSteps.assignedTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import cn.civicloop.support.Api;
import cn.civicloop.support.ApiTest;
import cn.civicloop.support.PageSession;
import tools.jackson.databind.JsonNode;

/**
 * The partner API of a linked agency's system: client credentials and their rotation, the agency's cases only (another
 * holder's case is 404), the same masking and rules as its staff, the timeline naming the system, and bad input as
 * problem documents.
 */
class PartnerApiTests extends ApiTest {

    private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H',
            'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0 };

    /** A client credential pair and its key id. */
    record Credentials(long clientRef, String name, String clientId, String secret, long keyId) {
    }

    @Test
    void theSystemSignsAndRepliesWithEvidenceAsItsAgencysHandlerAndTheTimelineNamesIt() {
        Credentials picc = newClient("INS-PICC");
        String token = token(picc.clientId(), picc.secret());
        Map<String, Object> appeal = appeal("车辆剐蹭理赔 " + UUID.randomUUID());
        appeal.put("anonymous", true);
        String number = assignedTo(api, "INS-PICC", appeal);

        JsonNode seen = api.get("/api/v1/partner/cases/" + number, token).json();
        JsonNode staff = api.get("/api/v1/cases/" + number, api.login("picc")).json();
        assertThat(seen.get("contactPhone").asString()).isEqualTo(staff.get("contactPhone").asString())
                .isNotEqualTo("13812345678").contains("****");
        assertThat(seen.get("contactName").asString()).isEqualTo(staff.get("contactName").asString());
        assertThat(seen.get("status").asString()).isEqualTo("ASSIGNED");

        Api.Answer signed = api.post("/api/v1/partner/cases/" + number + "/sign", token, Map.of("note", "理赔系统已接单"));
        assertThat(signed.status()).as(signed.body()).isEqualTo(200);
        assertThat(signed.json().get("status").asString()).isEqualTo("IN_PROGRESS");

        Api.Answer replied = api.postMultipart("/api/v1/partner/cases/" + number + "/reply", token, "request",
                Map.of("text", "已现场查勘定损，理赔款已支付"), "photos", Map.of("survey.png", PNG));
        assertThat(replied.status()).as(replied.body()).isEqualTo(200);
        assertThat(replied.json().get("status").asString()).isEqualTo("REPLIED");
        assertThat(replied.json().get("attachments").size()).isEqualTo(1);
        long photo = replied.json().get("attachments").get(0).get("id").asLong();
        assertThat(api.get("/api/v1/partner/cases/" + number + "/attachments/" + photo, token).status()).isEqualTo(200);

        List<JsonNode> timeline = new ArrayList<>();
        api.get("/api/v1/cases/" + number + "/timeline", api.login("operator")).json().forEach(timeline::add);
        JsonNode sign = timeline.stream().filter(e -> e.get("action").asString().equals("SIGN")).findFirst().orElseThrow();
        JsonNode reply = timeline.stream().filter(e -> e.get("action").asString().equals("REPLY")).findFirst().orElseThrow();
        assertThat(sign.get("actorName").asString()).isEqualTo(picc.name());
        assertThat(reply.get("actorName").asString()).isEqualTo(picc.name());
        assertThat(reply.get("reason").asString()).contains("理赔款已支付");
    }

    @Test
    void anotherAgencysCaseDoesNotExistForTheSystem() {
        Credentials picc = newClient("INS-PICC");
        String token = token(picc.clientId(), picc.secret());
        String other = assignedTo(api, "INS-PA", appeal("平安理赔件 " + UUID.randomUUID()));

        Api.Answer read = api.get("/api/v1/partner/cases/" + other, token);
        Api.Answer unknown = api.get("/api/v1/partner/cases/SZ-20000101-999999", token);
        Api.Answer sign = api.post("/api/v1/partner/cases/" + other + "/sign", token, Map.of());
        assertThat(read.status()).isEqualTo(404);
        assertThat(read.contentType()).startsWith("application/problem+json");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(sign.status()).isEqualTo(404);
        assertThat(api.get("/api/v1/partner/cases/" + other + "/timeline", token).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/cases/" + other, api.login("operator")).json().get("status").asString())
                .isEqualTo("ASSIGNED");
        JsonNode page = api.get("/api/v1/partner/cases?limit=200", token).json();
        page.get("items").forEach(c -> assertThat(c.get("number").asString()).isNotEqualTo(other));
    }

    @Test
    void aRotatedKeyWorksForItsOverlapOnlyAndARevokedKeyAndItsTokensStopAtOnce() {
        Credentials picc = newClient("INS-PICC");
        String admin = api.login("admin");
        String oldToken = token(picc.clientId(), picc.secret());

        JsonNode overlapping = api.post("/api/v1/admin/partner/clients/" + picc.clientRef() + "/keys", admin,
                Map.of("overlapHours", 24)).json();
        assertThat(exchange(picc.clientId(), picc.secret()).status()).isEqualTo(200);
        assertThat(exchange(picc.clientId(), overlapping.get("secret").asString()).status()).isEqualTo(200);

        JsonNode fresh = api.post("/api/v1/admin/partner/clients/" + picc.clientRef() + "/keys", admin,
                Map.of("overlapHours", 0)).json();
        Api.Answer expired = exchange(picc.clientId(), picc.secret());
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.contentType()).startsWith("application/problem+json");
        assertThat(exchange(picc.clientId(), overlapping.get("secret").asString()).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/partner/cases", oldToken).status()).as("a token of an expired key").isEqualTo(401);
        String freshToken = token(picc.clientId(), fresh.get("secret").asString());
        assertThat(api.get("/api/v1/partner/cases", freshToken).status()).isEqualTo(200);

        Api.Answer revoked = api.post("/api/v1/admin/partner/clients/" + picc.clientRef() + "/keys/"
                + fresh.get("keyId").asLong() + "/revoke", admin, Map.of());
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
        assertThat(api.get("/api/v1/partner/cases", freshToken).status()).isEqualTo(401);
        assertThat(exchange(picc.clientId(), fresh.get("secret").asString()).status()).isEqualTo(401);
        assertThat(exchange(picc.clientId(), "wrong-" + fresh.get("secret").asString()).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/partner/cases", null).status()).isEqualTo(401);
    }

    @Test
    void pagesFollowTheOrderOfChangesWithoutRepeatingACase() {
        Credentials picc = newClient("INS-PICC");
        String token = token(picc.clientId(), picc.secret());
        String since = Instant.now().minusSeconds(1).toString();
        List<String> mine = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            mine.add(assignedTo(api, "INS-PICC", appeal("分页理赔件 " + i + " " + UUID.randomUUID())));
        }
        List<String> seen = new ArrayList<>();
        String after = null;
        String last = null;
        for (int pages = 0; pages < 50; pages++) {
            Api.Answer page = api.get("/api/v1/partner/cases?status=ASSIGNED&limit=1&since=" + enc(since)
                    + (after == null ? "" : "&after=" + after), token);
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            for (JsonNode c : page.json().get("items")) {
                seen.add(c.get("number").asString());
                String updated = c.get("updatedAt").asString();
                assertThat(last == null || Instant.parse(updated).compareTo(Instant.parse(last)) >= 0).isTrue();
                last = updated;
                assertThat(c.get("status").asString()).isEqualTo("ASSIGNED");
            }
            JsonNode next = page.json().get("next");
            if (next == null || next.isNull()) {
                break;
            }
            after = next.asString();
        }
        assertThat(seen).containsAll(mine).doesNotHaveDuplicates();
    }

    @Test
    void badInputIsAProblemDocumentAndTheAdministrationIsTheAdministrators() {
        Credentials picc = newClient("INS-PICC");
        String token = token(picc.clientId(), picc.secret());
        for (String query : List.of("limit=0", "limit=100000", "status=SOLVED", "since=yesterday", "after=%21%21")) {
            Api.Answer refused = api.get("/api/v1/partner/cases?" + query, token);
            assertThat(refused.status()).as(query + " " + refused.body()).isEqualTo(422);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
        Api.Answer grant = api.postRaw("/api/v1/partner/token", null, "application/x-www-form-urlencoded",
                ("grant_type=password&client_id=" + picc.clientId()).getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(grant.status()).isEqualTo(422);
        assertThat(grant.contentType()).startsWith("application/problem+json");

        String admin = api.login("admin");
        Api.Answer notLinked = api.post("/api/v1/admin/partner/clients", admin,
                Map.of("departmentId", departmentId("ZJJ"), "name", "住建局系统 " + UUID.randomUUID()));
        assertThat(notLinked.status()).as(notLinked.body()).isEqualTo(422);
        Api.Answer badUrl = api.put("/api/v1/admin/partner/clients/" + picc.clientRef() + "/webhook", admin,
                Map.of("url", "ftp://example.org/x"));
        assertThat(badUrl.status()).as(badUrl.body()).isEqualTo(422);
        assertThat(api.get("/api/v1/admin/partner/clients", api.login("picc")).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/admin/partner/clients", token).status()).isEqualTo(401);
        assertThat(api.get("/admin/partner", null).status()).isNotEqualTo(200);
    }

    @Test
    void theAdministratorsPageIssuesASecretOnceAndReplaysNothingThatIsNotDead() {
        PageSession admin = PageSession.login(port(), "admin");
        admin.get("/admin/partner");
        String name = "页面接入系统-" + UUID.randomUUID().toString().substring(0, 8);
        var created = admin.post("/admin/partner/clients",
                Map.of("departmentId", String.valueOf(departmentId("INS-GS")), "name", name));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
        String shown = admin.get("/admin/partner").body();
        assertThat(shown).contains(name).contains("id=\"issued-secret\"").contains("密钥只显示这一次");
        String again = admin.get("/admin/partner").body();
        assertThat(again).contains(name).doesNotContain("id=\"issued-secret\"");
        var refused = admin.post("/admin/partner/clients", Map.of("departmentId", String.valueOf(departmentId("ZJJ")),
                "name", "不是联动单位的系统"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("请选择一个在用的社会联动单位");
        String english = admin.get("/admin/partner?lang=en").body();
        assertThat(english).contains("Linked agency systems").contains("Deliveries given up")
                .doesNotContain("合作单位系统接入");
    }

    // --- helpers ---

    private Credentials newClient(String agency) {
        String name = "理赔系统-" + UUID.randomUUID().toString().substring(0, 8);
        Api.Answer created = api.post("/api/v1/admin/partner/clients", api.login("admin"),
                Map.of("departmentId", departmentId(agency), "name", name));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode c = created.json();
        return new Credentials(c.get("client").get("id").asLong(), name, c.get("clientId").asString(),
                c.get("secret").asString(), c.get("keyId").asLong());
    }

    private String token(String clientId, String secret) {
        Api.Answer a = exchange(clientId, secret);
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        assertThat(a.json().get("token_type").asString()).isEqualTo("Bearer");
        assertThat(a.json().get("expires_in").asLong()).isBetween(1L, 900L);
        return a.text("access_token");
    }

    /** The exchange with HTTP Basic, as OAuth 2.0 prefers it. */
    private Api.Answer exchange(String clientId, String secret) {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return api.postRaw("/api/v1/partner/token", null, "application/x-www-form-urlencoded",
                "grant_type=client_credentials".getBytes(StandardCharsets.UTF_8), Map.of("Authorization", "Basic " + basic));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
