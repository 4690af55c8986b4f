package cn.civicloop.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.civicloop.support.Api;
import cn.civicloop.support.ApiTest;
import tools.jackson.databind.JsonNode;

/**
 * The calendar admin API over HTTP. Edits go to 2031, a year without shipped data and far from the dates other
 * tests use, and are removed after each test so that the shared database stays as shipped.
 */
class CalendarAdminApiTests extends ApiTest {

    private static final LocalDate TUESDAY = LocalDate.of(2031, 3, 4);
    private static final LocalDate SATURDAY = LocalDate.of(2031, 3, 8);

    @Autowired
    BusinessCalendar calendar;

    @LocalServerPort
    int serverPort;

    private final Map<String, String> tokens = new HashMap<>();

    private String token(String user) {
        return tokens.computeIfAbsent(user, api::login);
    }

    @AfterEach
    void removeTestDays() {
        delete(TUESDAY, token("admin"));
        delete(SATURDAY, token("admin"));
    }

    @Test
    void theShippedYearIsListedWithItsWorkingDays() {
        Api.Answer a = api.get("/api/v1/admin/calendar/2026", token("admin"));
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        JsonNode year = a.json();
        assertThat(year.get("year").asInt()).isEqualTo(2026);
        assertThat(year.get("workingDays").asInt()).as("261 weekdays - 19 holidays + 6 调休 workdays").isEqualTo(248);
        List<JsonNode> days = year.get("days").valueStream().toList();
        assertThat(days).hasSize(33 + 6);
        assertThat(days.get(0).get("date").asString()).isEqualTo("2026-01-01");
        assertThat(days).anySatisfy(d -> {
            assertThat(d.get("date").asString()).isEqualTo("2026-10-01");
            assertThat(d.get("kind").asString()).isEqualTo("HOLIDAY");
            assertThat(d.get("name").asString()).isEqualTo("国庆节");
        });
        assertThat(days).anySatisfy(d -> {
            assertThat(d.get("date").asString()).isEqualTo("2026-02-14");
            assertThat(d.get("kind").asString()).isEqualTo("WORKDAY");
        });
    }

    @Test
    void anAdminMarksAHolidayAndAWorkdayAndTheCalendarFollows() {
        assertThat(TUESDAY.getDayOfWeek()).isEqualTo(DayOfWeek.TUESDAY);
        assertThat(SATURDAY.getDayOfWeek()).isEqualTo(DayOfWeek.SATURDAY);
        assertThat(workingDays(2031)).as("no data: 261 weekdays").isEqualTo(261);
        assertThat(calendar.deadline(at("2031-03-03T10:00"), TimeLimit.workingDays(1))).isEqualTo(at("2031-03-04T17:30"));

        Api.Answer holiday = put(TUESDAY, "HOLIDAY", " 测试假日 ");
        assertThat(holiday.status()).as(holiday.body()).isEqualTo(200);
        assertThat(holiday.json().get("date").asString()).isEqualTo("2031-03-04");
        assertThat(holiday.json().get("name").asString()).isEqualTo("测试假日");
        Api.Answer workday = put(SATURDAY, "WORKDAY", "测试调休上班");
        assertThat(workday.status()).as(workday.body()).isEqualTo(200);

        assertThat(calendar.isWorkingDay(TUESDAY)).isFalse();
        assertThat(calendar.isWorkingDay(SATURDAY)).isTrue();
        assertThat(calendar.deadline(at("2031-03-03T10:00"), TimeLimit.workingDays(1))).isEqualTo(at("2031-03-05T17:30"));
        assertThat(calendar.deadline(at("2031-03-07T10:00"), TimeLimit.workingDays(1))).isEqualTo(at("2031-03-08T17:30"));
        JsonNode year = api.get("/api/v1/admin/calendar/2031", token("admin")).json();
        assertThat(year.get("workingDays").asInt()).isEqualTo(261);
        assertThat(year.get("days").valueStream().map(d -> d.get("kind").asString())).containsExactly("HOLIDAY", "WORKDAY");

        // a second PUT replaces the day
        assertThat(put(SATURDAY, "HOLIDAY", "改为放假").status()).isEqualTo(200);
        assertThat(calendar.isWorkingDay(SATURDAY)).isFalse();
        assertThat(workingDays(2031)).isEqualTo(260);

        assertThat(delete(TUESDAY, token("admin"))).isEqualTo(204);
        assertThat(calendar.isWorkingDay(TUESDAY)).isTrue();
        assertThat(delete(TUESDAY, token("admin"))).as("gone already").isEqualTo(404);
        assertThat(workingDays(2031)).isEqualTo(261);
    }

    @Test
    void badDaysAreRefusedWithTheFieldNamed() {
        Api.Answer weekdayWorkday = put(TUESDAY, "WORKDAY", "周二调休");
        assertProblem(weekdayWorkday, 422);
        assertThat(fields(weekdayWorkday)).containsExactly("kind");

        Api.Answer unknownKind = put(TUESDAY, "PARTY", "聚会");
        assertProblem(unknownKind, 400);
        assertThat(fields(unknownKind)).containsExactly("kind");

        Api.Answer noName = api.put("/api/v1/admin/calendar/days/" + TUESDAY, token("admin"), Map.of("kind", "HOLIDAY"));
        assertProblem(noName, 400);
        assertThat(fields(noName)).containsExactly("name");
        assertProblem(put(TUESDAY, "HOLIDAY", "名".repeat(41)), 400);

        Api.Answer noSuchDate = api.put("/api/v1/admin/calendar/days/2031-02-30", token("admin"),
                Map.of("kind", "HOLIDAY", "name", "x"));
        assertProblem(noSuchDate, 400);
        assertThat(fields(noSuchDate)).containsExactly("date");
        assertProblem(put(LocalDate.of(1999, 12, 31), "HOLIDAY", "千年虫"), 422);
        Api.Answer farYear = api.get("/api/v1/admin/calendar/1900", token("admin"));
        assertProblem(farYear, 422);
        assertThat(fields(farYear)).containsExactly("year");
        assertProblem(api.get("/api/v1/admin/calendar/abc", token("admin")), 400);

        assertThat(calendar.isWorkingDay(TUESDAY)).as("nothing was stored").isTrue();
        assertThat(api.get("/api/v1/admin/calendar/2031", token("admin")).json().get("days").size()).isZero();
    }

    @Test
    void aRefusalIsAnsweredInOneLanguage() {
        Api.Answer zh = put(TUESDAY, "WORKDAY", "周二调休");
        assertThat(zh.text("detail")).isEqualTo("只有周六、周日可以设为调休上班");
        Api.Answer en = api.put("/api/v1/admin/calendar/days/" + TUESDAY + "?lang=en", token("admin"),
                Map.of("kind", "WORKDAY", "name", "x"));
        assertThat(en.text("detail")).isEqualTo("Only a Saturday or Sunday can be declared a workday");
        assertThat(en.json().get("errors").get(0).get("reason").asString()).isEqualTo(en.text("detail"));

        // numbers inside the reason are data, never regrouped ("2,000")
        Api.Answer farYear = api.get("/api/v1/admin/calendar/1900", token("admin"));
        assertThat(farYear.text("detail")).isEqualTo("年份须在 2000–2099 之间");
        Api.Answer farYearEn = api.get("/api/v1/admin/calendar/1900?lang=en", token("admin"));
        assertThat(farYearEn.text("detail")).isEqualTo("The year must be between 2000 and 2099");

        Api.Answer nothing = api.delete("/api/v1/admin/calendar/days/" + TUESDAY, token("admin"));
        assertThat(nothing.status()).isEqualTo(404);
        assertThat(nothing.text("detail")).isEqualTo("2031-03-04 没有节假日或调休记录");
        Api.Answer nothingEn = api.delete("/api/v1/admin/calendar/days/" + TUESDAY + "?lang=en", token("admin"));
        assertThat(nothingEn.text("detail")).isEqualTo("No holiday or workday is declared on 2031-03-04");

        for (Api.Answer a : List.of(en, farYearEn, nothingEn)) {
            assertThat(a.body()).doesNotContainPattern("\\p{IsHan}");
        }
        for (Api.Answer a : List.of(zh, farYear, nothing)) {
            assertThat(a.text("detail")).as("no English gloss").doesNotContainPattern("[A-Za-z]");
        }
    }

    @ParameterizedTest(name = "{0} may not edit the calendar")
    @ValueSource(strings = { "operator", "dispatcher", "leader", "zfj-head" })
    void onlyAdminsEditTheCalendar(String user) {
        assertProblem(api.get("/api/v1/admin/calendar/2026", token(user)), 403);
        assertProblem(api.put("/api/v1/admin/calendar/days/" + TUESDAY, token(user),
                Map.of("kind", "HOLIDAY", "name", "越权")), 403);
        assertThat(delete(LocalDate.of(2026, 10, 1), token(user))).isEqualTo(403);
        assertThat(calendar.isWorkingDay(TUESDAY)).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 1))).isFalse();
        assertProblem(api.get("/api/v1/admin/calendar/2026", null), 401);
    }

    private Api.Answer put(LocalDate date, String kind, String name) {
        return api.put("/api/v1/admin/calendar/days/" + date, token("admin"), Map.of("kind", kind, "name", name));
    }

    /** Api has no DELETE; a plain request on the same port. */
    private int delete(LocalDate date, String token) {
        HttpRequest request = HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + serverPort + "/api/v1/admin/calendar/days/" + date)).DELETE()
                .header("Authorization", "Bearer " + token).build();
        try {
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                    .statusCode();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private int workingDays(int year) {
        return api.get("/api/v1/admin/calendar/" + year, token("admin")).json().get("workingDays").asInt();
    }

    private Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(calendar.zone()).toInstant();
    }

    private static void assertProblem(Api.Answer a, int status) {
        assertThat(a.status()).as(a.body()).isEqualTo(status);
        assertThat(a.contentType()).startsWith("application/problem+json");
    }

    private static List<String> fields(Api.Answer a) {
        JsonNode errors = a.json().get("errors");
        return errors == null ? List.of() : errors.valueStream().map(e -> e.get("field").asString()).toList();
    }
}
