package cn.civicloop.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import cn.civicloop.cases.Channel;
import cn.civicloop.support.Api;
import cn.civicloop.support.ApiTest;
import tools.jackson.databind.JsonNode;

/** Each channel has an owner: public channels take anyone, staff channels only a login of a role that owns them. */
class ChannelOwnersApiTests extends ApiTest {

    @ParameterizedTest
    @EnumSource(value = Channel.class, names = {"POLICE_110", "ROAD_CHIEF", "BLOCK_POLICE", "VIDEO_ALARM",
            "GRID_WORKER", "VILLAGE_AUX_POLICE", "HOTLINE_12345", "ONLINE_OPINION", "MEDIA_REPORTER", "NEWSPAPER"})
    void nobodyWithoutALoginSubmitsOnAStaffChannel(Channel channel) {
        String title = "冒用渠道 " + UUID.randomUUID();
        Map<String, Object> appeal = appeal(title);
        appeal.put("channel", channel.name());
        appeal.put("urgency", "URGENT");
        Api.Answer refused = submit(appeal);
        assertThat(refused.status()).as(refused.body()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.text("detail")).contains(channel.label());
        assertThat(listed(title)).as("no case was opened").isZero();
    }

    @ParameterizedTest
    @CsvSource({"POLICE_110, zfj", "BLOCK_POLICE, operator", "ROAD_CHIEF, grid1", "GRID_WORKER, road3",
            "POLICE_110, dispatcher"})
    void aLoginOfARoleThatDoesNotOwnTheChannelIsRefusedToo(Channel channel, String user) {
        Map<String, Object> appeal = appeal("不属于本角色的渠道");
        appeal.put("channel", channel.name());
        assertThat(submitAs(user, appeal).status()).isEqualTo(403);
    }

    @ParameterizedTest
    @CsvSource({"BLOCK_POLICE, police-desk", "GRID_WORKER, grid1", "VILLAGE_AUX_POLICE, grid1", "ROAD_CHIEF, road3",
            "HOTLINE_12345, operator", "WEBSITE, zfj"})
    void theChannelsOwnersSubmitOnIt(Channel channel, String user) {
        Map<String, Object> appeal = appeal("本角色渠道上报");
        appeal.put("channel", channel.name());
        Api.Answer opened = submitAs(user, appeal);
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
    }

    @Test
    void aResidentsUrgencyIsAHintForTriageNotAClock() {
        Instant before = Instant.now();
        Map<String, Object> appeal = appeal("小区健身器材松动");
        appeal.put("channel", "WECHAT");
        appeal.put("urgency", "URGENT");
        Api.Answer opened = submit(appeal);
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        assertThat(Instant.parse(opened.text("expectedCompletion"))).isAfter(before.plus(Duration.ofDays(1)));

        String number = opened.text("number");
        String operator = api.login("operator");
        assertThat(api.get("/api/v1/cases/" + number, operator).text("urgency")).isEqualTo("NORMAL");
        JsonNode submitted = api.get("/api/v1/cases/" + number + "/timeline", operator).json().get(0);
        assertThat(submitted.get("action").asString()).isEqualTo("SUBMIT");
        assertThat(submitted.get("reason").asString()).as("the hint stored as a value").contains("|URGENT|");
    }

    @Test
    void theUrgencyOfAStaffChannelsOwnerCounts() {
        Map<String, Object> appeal = appeal("路口信号灯全部熄灭");
        appeal.put("channel", "BLOCK_POLICE");
        appeal.put("urgency", "URGENT");
        Api.Answer opened = submitAs("police-desk", appeal);
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        assertThat(api.get("/api/v1/cases/" + opened.text("number"), api.login("operator")).text("urgency"))
                .isEqualTo("URGENT");
    }

    @ParameterizedTest
    @EnumSource(Channel.class)
    void everyChannelHasItsOwnersDeclared(Channel channel) {
        assertThat(ChannelOwners.of(channel)).isNotNull();
        assertThat(ChannelOwners.isPublic(channel)).isEqualTo(channel == Channel.WEBSITE || channel == Channel.WECHAT);
    }

    private long listed(String title) {
        return api.get("/api/v1/cases?q=" + URLEncoder.encode(title, StandardCharsets.UTF_8), api.login("operator"))
                .json().get("total").asLong();
    }
}
