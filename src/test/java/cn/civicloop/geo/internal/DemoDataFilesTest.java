package cn.civicloop.geo.internal;

import static cn.civicloop.geo.internal.ShippedAreas.HIERARCHY;
import static org.assertj.core.api.Assertions.assertThat;

import cn.civicloop.geo.AreaLevel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The two generated files say the same thing and say that they are demo data. */
class DemoDataFilesTest {

    @Test
    void theGeoJsonSaysItIsGeneratedDemoDataAndStaysSmall() throws IOException {
        JsonNode root = JsonMapper.builder().build().readTree(ShippedAreas.FILE.getInputStream());
        assertThat(root.path("name").asString()).contains("demo");
        assertThat(root.path("note").asString()).startsWith("DEMO DATA").contains("made up");
        assertThat(ShippedAreas.FILE.contentLength()).isLessThan(600 * 1024);
    }

    @Test
    void theOrgDirectoryCsvListsExactlyTheAreasOfTheGeoJsonParentsFirst() throws IOException {
        String csv = new ClassPathResource("org/demo/areas.csv").getContentAsString(StandardCharsets.UTF_8);
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).isEqualTo("code,name,level,parent_code");
        assertThat(lines.get(1)).isEqualTo("370402,市中区,DISTRICT,");

        List<String> expected = new ArrayList<>();
        for (AreaLevel level : AreaLevel.values()) {
            for (AreaPolygon area : HIERARCHY.ofLevel(level)) {
                expected.add(String.join(",", area.code(), area.ref().name(), level.name(),
                        area.parentCode() == null ? "" : area.parentCode()));
            }
        }
        assertThat(lines.subList(1, lines.size())).containsExactlyElementsOf(expected);
    }
}
