package cn.civicloop.open311;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import cn.civicloop.support.Api;
import cn.civicloop.support.ApiTest;
import tools.jackson.databind.JsonNode;

/** A GeoReport request with only an address_string is placed by the gazetteer, as any appeal without a point. */
@TestPropertySource(properties = { "civicloop.intake.place-by-address=true",
        "civicloop.places.tiles.url=https://tiles.example.gov.cn/{z}/{x}/{y}.png", "civicloop.places.tiles.crs=GCJ02" })
class Open311AddressStringTests extends ApiTest {

    private Open311Client open311;

    @BeforeEach
    void client() {
        open311 = new Open311Client(api);
    }

    @Test
    void aRequestWithOnlyAnAddressStringIsPlacedAtTheStoredDoorplate() {
        JsonNode plate = api.get("/api/v1/places/geocode?q=" + URLEncoder.encode("广济路12号", StandardCharsets.UTF_8),
                null).json().get("candidates").get(0);
        Map<String, String> fields = Open311Client.request("广济路12号门口路灯不亮");
        fields.remove("lat");
        fields.remove("long");
        fields.put("address_string", "市中区广济路12号");
        Api.Answer posted = open311.post("/requests.json", fields);
        assertThat(posted.status()).as(posted.body()).isEqualTo(201);
        String id = posted.json().get(0).get("service_request_id").asString();

        // the public answer shows the point coarsened (open311 docs); staff see the stored doorplate's point
        JsonNode read = open311.get("/requests/" + id + ".json").json().get(0);
        assertThat(read.get("lat").asDouble()).isCloseTo(plate.get("lat").asDouble(), org.assertj.core.data.Offset.offset(0.01));
        assertThat(read.get("long").asDouble()).isCloseTo(plate.get("lon").asDouble(), org.assertj.core.data.Offset.offset(0.01));
        JsonNode staff = api.get("/api/v1/cases/" + id, api.login("operator")).json();
        assertThat(staff.get("lat").asDouble()).isEqualTo(plate.get("lat").asDouble());
        assertThat(staff.get("lon").asDouble()).isEqualTo(plate.get("lon").asDouble());
        assertThat(staff.get("place").get("level").asString()).isEqualTo("DOORPLATE");
        assertThat(staff.get("place").get("toConfirm").asBoolean()).isFalse();

        Map<String, String> unknown = Open311Client.request("某处井盖缺失");
        unknown.remove("lat");
        unknown.remove("long");
        unknown.put("address_string", "火星基地第九号仓库");
        String other = open311.post("/requests.json", unknown).json().get(0).get("service_request_id").asString();
        JsonNode none = api.get("/api/v1/cases/" + other, api.login("operator")).json();
        assertThat(none.get("lat").isNull()).isTrue();
        assertThat(none.get("place").get("toConfirm").asBoolean()).isTrue();
    }
}
