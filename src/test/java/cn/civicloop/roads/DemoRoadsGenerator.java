package cn.civicloop.roads;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Writes the demo road network of 市中区 under {@code src/main/resources/roads/}: 16 road areas (路段片区) as a 4 × 4
 * grid over the urban streets of the generated demo district, 8 east–west and 8 north–south roads cut into one
 * segment per area they cross (64 segments), 4 first-level chiefs, 37 squads with their leaders and 557 road
 * inspectors. Every name, phone number and line is invented demo data; run it again to regenerate (fixed seed).
 * <pre>mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=cn.civicloop.roads.DemoRoadsGenerator</pre>
 */
public final class DemoRoadsGenerator {

    static final double WEST = 117.515, SOUTH = 34.825, CELL_LON = 0.02, CELL_LAT = 0.0175;
    static final String[] EAST_WEST = {"广济路", "君山东路", "振兴路", "文化东路", "光明大道", "解放路", "青檀路", "和平路"};
    static final String[] NORTH_SOUTH = {"建设北路", "龙山路", "华山路", "西昌路", "长江路", "黄河路", "民生路", "人民路"};
    static final String[] AREAS = {"垎塘", "矿区", "中心", "光明", "建设", "君山", "和平", "振兴", "龙山", "文化", "青檀",
            "解放", "西昌", "华山", "新华", "齐村"};
    static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔";
    static final String GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍鹏辉建国红斌波宁凯亮健飞俊峰浩宇晨欣然子轩博文志远海燕春梅晓东成龙振华";

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "src/main/resources/roads");
        Files.createDirectories(dir);
        Random random = new Random(20261125);
        Names names = new Names(random);

        // first-level chiefs: one district leader per row of four areas
        StringBuilder chiefs = new StringBuilder("code,name,level,squad,area,phone,username\n");
        String[] firstLevel = new String[4];
        for (int r = 0; r < 4; r++) {
            firstLevel[r] = "L1-" + (r + 1);
            chiefs.append(String.join(",", firstLevel[r], names.next(), "1", "", "", phone(random),
                    r == 0 ? "road1" : "")).append('\n');
        }
        StringBuilder areas = new StringBuilder("code,name,leader,supervision_phone\n");
        StringBuilder squads = new StringBuilder("code,name,area,leader\n");
        List<List<String>> squadsOfArea = new ArrayList<>();
        int squadNo = 0;
        int inspectorNo = 0;
        List<List<String>> inspectorsOfSquad = new ArrayList<>();
        for (int a = 0; a < 16; a++) {
            String area = String.format(Locale.ROOT, "A%02d", a + 1);
            areas.append(String.join(",", area, AREAS[a] + "片区", firstLevel[a / 4],
                    String.format(Locale.ROOT, "0632-33%05d", 12000 + a))).append('\n');
            List<String> mine = new ArrayList<>();
            int count = a < 5 ? 3 : 2; // 5 × 3 + 11 × 2 = 37 squads
            for (int s = 0; s < count; s++) {
                squadNo++;
                String squad = String.format(Locale.ROOT, "S%02d", squadNo);
                String leader = "L2-" + squad;
                squads.append(String.join(",", squad, AREAS[a] + "片区执法" + "一二三".charAt(s) + "中队", area, leader))
                        .append('\n');
                chiefs.append(String.join(",", leader, names.next(), "2", squad, area, phone(random),
                        squadNo == 1 ? "road2" : squadNo == 4 ? "road2b" : "")).append('\n');
                List<String> inspectors = new ArrayList<>();
                int size = squadNo <= 2 ? 16 : 15; // 2 × 16 + 35 × 15 = 557 inspectors
                for (int i = 0; i < size; i++) {
                    inspectorNo++;
                    String code = String.format(Locale.ROOT, "I%04d", inspectorNo);
                    inspectors.add(code);
                    chiefs.append(String.join(",", code, names.next(), "3", squad, area, phone(random),
                            inspectorNo == 1 ? "road3" : "")).append('\n');
                }
                inspectorsOfSquad.add(inspectors);
                mine.add(squad);
            }
            squadsOfArea.add(mine);
        }

        StringBuilder json = new StringBuilder();
        json.append("{\"type\":\"FeatureCollection\",\"name\":\"市中区路长制演示路网 (generated demo data, not real roads)\",\"features\":[\n");
        List<String> features = new ArrayList<>();
        int[] segmentsOfArea = new int[16];
        for (int road = 0; road < 16; road++) {
            boolean eastWest = road < 8;
            String name = eastWest ? EAST_WEST[road] : NORTH_SOUTH[road - 8];
            int lane = road % 8; // two roads per row / column of areas
            for (int part = 0; part < 4; part++) {
                int row = eastWest ? lane / 2 : part;
                int col = eastWest ? part : lane / 2;
                int a = row * 4 + col;
                double[][] line = new double[4][];
                for (int p = 0; p < 4; p++) {
                    double t = p / 3.0;
                    double wiggle = (p == 0 || p == 3) ? 0 : (random.nextDouble() - 0.5) * 0.0008;
                    if (eastWest) {
                        double lat = SOUTH + row * CELL_LAT + (lane % 2 == 0 ? 0.0055 : 0.012);
                        line[p] = new double[] {WEST + (col + t) * CELL_LON, lat + wiggle};
                    } else {
                        double lon = WEST + col * CELL_LON + (lane % 2 == 0 ? 0.006 : 0.014);
                        line[p] = new double[] {lon + wiggle, SOUTH + (row + t) * CELL_LAT};
                    }
                }
                List<String> areaSquads = squadsOfArea.get(a);
                int k = segmentsOfArea[a]++;
                String squad = areaSquads.get(k % areaSquads.size());
                int squadIndex = Integer.parseInt(squad.substring(1)) - 1;
                // a squad with two segments in its area splits its inspectors between them
                long shared = java.util.stream.IntStream.range(0, 4).filter(i -> areaSquads.get(i % areaSquads.size()).equals(squad)).count();
                int nth = k / areaSquads.size();
                List<String> all = inspectorsOfSquad.get(squadIndex);
                List<String> assigned = new ArrayList<>();
                for (int i = 0; i < all.size(); i++) {
                    if (i % shared == nth) {
                        assigned.add("\"" + all.get(i) + "\"");
                    }
                }
                StringBuilder coords = new StringBuilder();
                for (double[] c : line) {
                    coords.append(coords.isEmpty() ? "" : ",")
                            .append(String.format(Locale.ROOT, "[%.6f,%.6f]", c[0], c[1]));
                }
                String code = String.format(Locale.ROOT, "R%02d-%d", road + 1, part + 1);
                String section = name + (eastWest ? "（第" + (part + 1) + "段，自西向东）" : "（第" + (part + 1) + "段，自南向北）");
                features.add("{\"type\":\"Feature\",\"properties\":{\"code\":\"" + code + "\",\"name\":\"" + name
                        + "\",\"section\":\"" + section + "\",\"area\":\"" + String.format(Locale.ROOT, "A%02d", a + 1)
                        + "\",\"squad\":\"" + squad + "\",\"inspectors\":[" + String.join(",", assigned)
                        + "]},\"geometry\":{\"type\":\"LineString\",\"coordinates\":[" + coords + "]}}");
            }
        }
        json.append(String.join(",\n", features)).append("\n]}\n");
        Files.writeString(dir.resolve("demo-roads.geojson"), json, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("demo-areas.csv"), areas, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("demo-squads.csv"), squads, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("demo-chiefs.csv"), chiefs, StandardCharsets.UTF_8);
        System.out.println("wrote " + features.size() + " segments, " + squadNo + " squads, " + inspectorNo + " inspectors to " + dir);
    }

    private static String phone(Random random) {
        return String.format(Locale.ROOT, "139%08d", random.nextInt(100_000_000));
    }

    /** Invented names, never the same twice. */
    private static final class Names {
        private final Random random;
        private final java.util.Set<String> used = new java.util.HashSet<>();

        Names(Random random) {
            this.random = random;
        }

        String next() {
            while (true) {
                String n = "" + SURNAMES.charAt(random.nextInt(SURNAMES.length())) + GIVEN.charAt(random.nextInt(GIVEN.length()))
                        + (random.nextBoolean() ? "" + GIVEN.charAt(random.nextInt(GIVEN.length())) : "");
                if (used.add(n)) {
                    return n;
                }
            }
        }
    }
}
