package cn.civicloop.opinion;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.civicloop.support.Api;
import cn.civicloop.support.ApiTest;

/** The officer imports a CSV of posts: all rows or none, a bad row named by its line, a repeated import adds nothing. */
class OpinionImportApiTests extends ApiTest {

    private Api.Answer upload(String token, String code, String csv) {
        return api.postRaw("/api/v1/opinion/sources/" + code + "/import", token, "text/csv",
                csv.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    @Test
    void importsAllRowsOrNone() {
        String officer = api.login("opinion");
        String code = "import-" + Long.toString(System.nanoTime(), 36);
        assertThat(api.post("/api/v1/opinion/sources", officer, Map.of("code", code, "name", "人工导入", "kind",
                "IMPORT")).status()).isEqualTo(201);
        String now = java.time.OffsetDateTime.now().toString();
        String bad = "id,time,title,text,likes\r\n"
                + "a1," + now + ",金桂园小区电梯停运,三天没修好,5\r\n"
                + "a2,下周三,金桂园小区电梯又坏了,,1\r\n";
        Api.Answer refused = upload(officer, code, bad);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.contentType()).contains("application/problem+json");
        assertThat(refused.json().get("errors").get(0).get("reason").asString())
                .isEqualTo("第 3 行：时间“下周三”无法识别");

        String good = "\uFEFFtitle,id,time,likes,author\r\n"
                + code + "金桂园小区电梯停运三天," + "a1," + now + ",5,业主甲\r\n"
                + code + "金桂园小区电梯停运没人修," + "a2," + now + ",1,业主乙\r\n";
        Api.Answer first = upload(officer, code, good);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().get("accepted").asInt()).isEqualTo(2);
        assertThat(first.json().get("topics")).hasSize(1);
        assertThat(upload(officer, code, good).json().get("duplicates").asInt()).isEqualTo(2);
        assertThat(upload(api.login("leader"), code, good).status()).isEqualTo(403);
    }
}
