package cn.civicloop.cameras.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import cn.civicloop.cameras.CameraStatus;

/**
 * Reading the registry's files: every bad row named with its line (CSV) or feature index (GeoJSON) and why, nothing
 * kept from a file with a problem; GBK files read like UTF-8 ones; the shipped demo file reads without a problem.
 */
class CameraFileTests {

    private static final String HEADER = "code,name,lat,lon,owner,status,kind\n";

    @Test
    void aGoodCsvGivesItsCamerasWithStatusByNameOrChineseWord() {
        CameraFile f = CameraFile.read((HEADER
                + "QJ-1,光明路口球机,34.8301,117.5512,市中分局视频监控中心,ONLINE,球机\n"
                + "\"QJ-2\",\"君山路, 东段\",34.8402,117.5601,交警大队,维护,枪机\n").getBytes(StandardCharsets.UTF_8));
        assertThat(f.problems).isEmpty();
        assertThat(f.cameras).containsExactly(
                new Camera("QJ-1", "光明路口球机", 34.8301, 117.5512, "市中分局视频监控中心", CameraStatus.ONLINE, "球机"),
                new Camera("QJ-2", "君山路, 东段", 34.8402, 117.5601, "交警大队", CameraStatus.MAINTENANCE, "枪机"));
    }

    @Test
    void badRowsAreEachNamedWithTheirLineAndNothingIsKeptOfThem() {
        CameraFile f = CameraFile.read((HEADER
                + "QJ-1,好点位,34.83,117.55,单位,ONLINE,球机\n"
                + "QJ-1,重复编码,34.83,117.55,单位,ONLINE,球机\n"
                + "QJ-3,坐标不是数,北纬34,117.55,单位,ONLINE,球机\n"
                + "QJ-4,不在中国,51.5,-0.12,单位,ONLINE,球机\n"
                + "QJ-5,状态不明,34.83,117.55,单位,BROKEN,球机\n"
                + "QJ-6,少一列,34.83,117.55,单位,ONLINE\n"
                + "bad code!,没有单位,34.83,117.55,,ONLINE,球机\n").getBytes(StandardCharsets.UTF_8));
        assertThat(f.problems).extracting(ImportProblem::where)
                .containsExactly("line 3", "line 4", "line 5", "line 6", "line 7", "line 8", "line 8");
        assertThat(f.problems.get(0).reason().key()).isEqualTo("problem.cameras.import-duplicate");
        assertThat(f.problems.get(0).reason().text()).contains("line 2");
        assertThat(f.problems.get(1).reason().key()).isEqualTo("problem.cameras.import-number");
        assertThat(f.problems.get(2).reason().key()).isEqualTo("problem.cameras.import-outside");
        assertThat(f.problems.get(3).reason().key()).isEqualTo("problem.cameras.import-status");
        assertThat(f.problems.get(4).reason().key()).isEqualTo("problem.cameras.import-columns");
        assertThat(f.problems.get(5).reason().key()).isEqualTo("problem.cameras.import-code");
        assertThat(f.problems.get(6).reason().key()).isEqualTo("problem.cameras.import-required");
    }

    @Test
    void aWrongHeaderIsRefusedAtLineOne() {
        CameraFile f = CameraFile.read("id,name,lat,lon\nQJ-1,x,34.8,117.5\n".getBytes(StandardCharsets.UTF_8));
        assertThat(f.problems).extracting(ImportProblem::where).containsExactly("line 1");
        assertThat(f.cameras).isEmpty();
    }

    @Test
    void aGbkFileIsReadLikeItsUtf8Twin() {
        String text = HEADER + "QJ-9,文化路与建设路交叉口球机,34.8123,117.5456,区视频监控中心,在线,球机\n";
        CameraFile gbk = CameraFile.read(text.getBytes(Charset.forName("GBK")));
        CameraFile utf8 = CameraFile.read(("\uFEFF" + text).getBytes(StandardCharsets.UTF_8));
        assertThat(gbk.problems).isEmpty();
        assertThat(gbk.cameras).hasSize(1).isEqualTo(utf8.cameras);
        assertThat(gbk.cameras.get(0).name()).isEqualTo("文化路与建设路交叉口球机");
    }

    @Test
    void geoJsonFeaturesAreReadAndBadOnesNamedByTheirIndex() {
        String good = """
                {"type":"Feature","geometry":{"type":"Point","coordinates":[117.55,34.83]},
                 "properties":{"code":"KK-1","name":"卡口一","owner":"交警大队","status":"OFFLINE","kind":"卡口"}}""";
        String line = """
                {"type":"Feature","geometry":{"type":"LineString","coordinates":[[117.55,34.83],[117.56,34.84]]},
                 "properties":{"code":"KK-2","name":"线","owner":"交警大队","status":"ONLINE","kind":"卡口"}}""";
        String noName = """
                {"type":"Feature","geometry":{"type":"Point","coordinates":[117.57,34.85]},
                 "properties":{"code":"KK-3","owner":"交警大队","status":"ONLINE","kind":"卡口"}}""";
        CameraFile ok = CameraFile.read(("{\"type\":\"FeatureCollection\",\"features\":[" + good + "]}")
                .getBytes(StandardCharsets.UTF_8));
        assertThat(ok.problems).isEmpty();
        assertThat(ok.cameras).containsExactly(
                new Camera("KK-1", "卡口一", 34.83, 117.55, "交警大队", CameraStatus.OFFLINE, "卡口"));

        CameraFile bad = CameraFile.read(("{\"type\":\"FeatureCollection\",\"features\":[" + good + "," + line + ","
                + noName + "]}").getBytes(StandardCharsets.UTF_8));
        assertThat(bad.problems).extracting(ImportProblem::where).containsExactly("feature 1", "feature 2");
        assertThat(bad.problems.get(0).reason().key()).isEqualTo("problem.cameras.import-point");

        CameraFile broken = CameraFile.read("{\"type\":\"FeatureCollection\",\"features\":[".getBytes(
                StandardCharsets.UTF_8));
        assertThat(broken.problems).extracting(p -> p.reason().key()).containsExactly("problem.cameras.import-json");
    }

    @Test
    void theExportReadsBackAsTheSameCameras() {
        Camera a = new Camera("QJ-1", "名称, 含逗号与\"引号\"", 34.830101, 117.551202, "=单位", CameraStatus.OFFLINE, "枪机");
        String csv = CameraFile.csvHeader() + CameraFile.csvLine(a);
        assertThat(CameraFile.read(csv.getBytes(StandardCharsets.UTF_8)).cameras).containsExactly(a);
        String geo = CameraFile.geoJson(java.util.List.of(a));
        assertThat(CameraFile.read(geo.getBytes(StandardCharsets.UTF_8)).cameras).containsExactly(a);
    }

    @Test
    void theDemoFileReadsWithoutAProblem() {
        CameraFile f = CameraFile.read(DemoCameraSeeder.demoFile());
        assertThat(f.problems).isEmpty();
        assertThat(f.cameras).hasSizeGreaterThan(300);
        assertThat(f.cameras).extracting(Camera::kind).contains("球机", "枪机", "卡口");
    }
}
