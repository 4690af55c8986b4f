package cn.civicloop.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.civicloop.support.Api;
import cn.civicloop.support.ApiTest;

/**
 * The evaluation module's refusals are sentences of its bundle, answered wholly in the request's language
 * (Accept-Language for the API, ?lang for the pages' calls): who may do what, a period or formula that cannot be read,
 * an objection to a case that counts nowhere, with the data (a period, a character's place, a subject kind) inside.
 */
class EvaluationRefusalLanguageApiTests extends ApiTest {

    private static final String BASE = "/api/v1/evaluation";
    private static final String OFFICE = "evaluation";
    private static final Map<String, String> ENGLISH = Map.of("Accept-Language", "en-US,en;q=0.9");
    private static final Map<String, String> CHINESE = Map.of("Accept-Language", "zh-CN,zh;q=0.9");
    private static final String CJK = "\\p{IsHan}";
    private static final String LATIN_WORDS = "[A-Za-z]{3,} [A-Za-z]{3,}";

    private static void chineseOnly(Api.Answer zh, String detail) {
        assertThat(zh.text("detail")).isEqualTo(detail).doesNotContainPattern(LATIN_WORDS).doesNotContain("(");
    }

    private static void englishOnly(Api.Answer en, String detail) {
        assertThat(en.text("detail")).isEqualTo(detail);
        assertThat(en.body()).doesNotContainPattern(CJK);
    }

    @Test
    void whoMayDoWhatIsRefusedInTheRequestsLanguage() {
        String zfj = api.login("zfj");
        Api.Answer zh = api.post(BASE + "/backfill", zfj, Map.of("reason", "补录"), CHINESE);
        assertThat(zh.status()).isEqualTo(403);
        chineseOnly(zh, "仅考评办可执行此操作");
        Api.Answer en = api.post(BASE + "/backfill", zfj, Map.of("reason", "backfill"), ENGLISH);
        assertThat(en.status()).isEqualTo(403);
        englishOnly(en, "Only the evaluation office may do this");

        chineseOnly(api.get(BASE + "/periods/2026-11/police-blocks", zfj), "仅考评办和区领导可查看块区出警考评");
        englishOnly(api.get(BASE + "/periods/2026-11/police-blocks", zfj, ENGLISH),
                "Only the evaluation office and leaders may read the police blocks' figures");
        // the pages' calls carry the language the person chose
        englishOnly(api.get(BASE + "/backfill?lang=en", zfj), "Only the evaluation office and leaders may read this");

        Api.Answer office = api.post(BASE + "/objections", api.login(OFFICE), Map.of(), ENGLISH);
        assertThat(office.status()).isEqualTo(403);
        englishOnly(office, "Only a handling department may object");
    }

    @Test
    void aPeriodOrKindThatCannotBeReadIsNamedInTheSentence() {
        String office = api.login(OFFICE);
        Api.Answer zh = api.get(BASE + "/periods/2026-13/ranking?kind=DEPARTMENT", office);
        assertThat(zh.status()).as(zh.body()).isEqualTo(422);
        assertThat(zh.json().get("errors").get(0).get("field").asString()).isEqualTo("period");
        chineseOnly(zh, "时段格式应为 2026-11、2026-Q4、2026 或 2026-11-03..2026-11-20：2026-13");
        Api.Answer en = api.get(BASE + "/periods/2026-13/ranking?kind=DEPARTMENT", office, ENGLISH);
        englishOnly(en, "Write the period as 2026-11, 2026-Q4, 2026 or 2026-11-03..2026-11-20, not 2026-13");
        assertThat(en.json().get("errors").get(0).get("reason").asString()).isEqualTo(en.text("detail"));

        Api.Answer kind = api.get(BASE + "/weights/PLANET", office, ENGLISH);
        assertThat(kind.status()).isEqualTo(422);
        englishOnly(kind, "The subject kind is DEPARTMENT, LINKAGE, UNIT, STREET, GRID, ROAD_AREA, ROAD_CHIEF"
                + " or POLICE_BLOCK, not PLANET");
    }

    @Test
    void aWeightOrFormulaRefusalReadsItsInnerWordsInTheSameLanguage() {
        String office = api.login(OFFICE);
        Map<String, Object> wrongKind = Map.of("weights", Map.of("RESPONSE", BigDecimal.ONE), "reason", "试");
        Api.Answer zh = api.put(BASE + "/weights/ROAD_CHIEF", office, wrongKind);
        assertThat(zh.status()).isEqualTo(422);
        chineseOnly(zh, "此指标不适用于路长：RESPONSE");
        englishOnly(put(BASE + "/weights/ROAD_CHIEF", office, wrongKind), "Road chiefs are not evaluated by the indicator RESPONSE");

        Map<String, Object> broken = Map.of("nameZh", "满意率", "nameEn", "Satisfied", "formula",
                "count(HANDLED)", "direction", "HIGHER", "unit", "PERCENT", "reason", "试");
        Api.Answer formulaZh = api.put(BASE + "/indicators/SATISFIED", office, broken);
        assertThat(formulaZh.status()).isEqualTo(422);
        chineseOnly(formulaZh, "公式第14个字符处：未知的事实 HANDLED");
        englishOnly(put(BASE + "/indicators/SATISFIED", office, broken),
                "At character 14 of the formula: unknown fact HANDLED");
    }

    @Test
    void anObjectionToACaseThatCountsNowhereNamesTheCase() {
        Map<String, Object> filing = Map.of("caseNumber", "NOPE-1", "indicators", List.of("SATISFIED"),
                "reasonKind", "UNREASONABLE_DEMAND", "reason", "诉求不合理");
        String zfj = api.login("zfj");
        Api.Answer zh = api.post(BASE + "/objections", zfj, filing);
        assertThat(zh.status()).isEqualTo(404);
        chineseOnly(zh, "此工单未计入考评：NOPE-1");
        englishOnly(api.post(BASE + "/objections", zfj, filing, ENGLISH), "The case NOPE-1 counts in no evaluation");

        Map<String, Object> unknownReason = Map.of("caseNumber", "NOPE-1", "indicators", List.of("SATISFIED"),
                "reasonKind", "WEATHER", "reason", "暴雨");
        Api.Answer en = api.post(BASE + "/objections", zfj, unknownReason, ENGLISH);
        assertThat(en.status()).isEqualTo(422);
        assertThat(en.text("detail")).startsWith("The reason kind is one of ").contains("FORCE_MAJEURE");
        assertThat(en.body()).doesNotContainPattern(CJK);
        assertThat(api.post(BASE + "/objections", zfj, unknownReason).text("detail")).startsWith("理由类别应为 ")
                .endsWith(" 之一").doesNotContain("(");
    }

    /** A PUT in English, as the pages ask for it: {@link Api#put} takes no headers. */
    private Api.Answer put(String path, String token, Object body) {
        return api.put(path + (path.contains("?") ? "&" : "?") + "lang=en", token, body);
    }
}
