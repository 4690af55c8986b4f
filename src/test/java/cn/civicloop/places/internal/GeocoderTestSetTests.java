package cn.civicloop.places.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import cn.civicloop.geo.GeoPoint;
import cn.civicloop.places.Geocoding;
import cn.civicloop.places.PlaceCandidate;
import cn.civicloop.places.PlaceLevel;
import cn.civicloop.shared.InvalidInputException;

/**
 * The geocoder over the generated demo gazetteer and its test set (generated variants and the addresses written by
 * hand): the accuracy the module promises, and what it answers to text it cannot place. No database: the index is
 * built from the generator's elements as the application builds it from the table.
 */
class GeocoderTestSetTests {

    static final PlacesProperties SETTINGS = new PlacesProperties(false, 0.6, 0.85, 300, 5,
            new PlacesProperties.Tiles("", cn.civicloop.geo.Datum.WGS84));

    private static GazetteerIndex index;
    private static Geocoder geocoder;

    @BeforeAll
    static void build() {
        index = new GazetteerIndex(DemoDistrict.demo());
        geocoder = new Geocoder(() -> index, DemoDistrict.areas(), SETTINGS);
    }

    /** What the test set measures: the same figures the benchmark prints. */
    record Score(int size, int top1, int top3, int farOffConfident, List<String> misses) {
    }

    static Score score(Geocoder geocoder, GazetteerIndex index, List<AddressTestSet.Entry> set, double high) {
        int top1 = 0;
        int top3 = 0;
        int farOff = 0;
        List<String> misses = new ArrayList<>();
        for (AddressTestSet.Entry e : set) {
            List<PlaceCandidate> found = geocoder.geocode(e.typed()).candidates();
            int rank = -1;
            for (int i = 0; i < Math.min(3, found.size()); i++) {
                if (found.get(i).code().equals(e.expected())) {
                    rank = i;
                    break;
                }
            }
            top1 += rank == 0 ? 1 : 0;
            top3 += rank >= 0 ? 1 : 0;
            if (rank != 0) {
                misses.add(e.form() + ": " + e.typed() + " → " + (found.isEmpty() ? "not found" : found.get(0).label()));
            }
            if (!found.isEmpty() && found.get(0).confidence() >= high) {
                Element expected = index.byCode.get(e.expected()).element;
                double metres = new GeoPoint(expected.lat(), expected.lon())
                        .metresTo(new GeoPoint(found.get(0).lat(), found.get(0).lon()));
                farOff += metres > 200 ? 1 : 0;
            }
        }
        return new Score(set.size(), top1, top3, farOff, misses);
    }

    static List<AddressTestSet.Entry> testSet() {
        List<AddressTestSet.Entry> set = new ArrayList<>(AddressTestSet.generated(DemoDistrict.demo(), 40));
        set.addAll(AddressTestSet.handwritten());
        return set;
    }

    @Test
    void theTestSetIsPlacedAsPromised() {
        List<AddressTestSet.Entry> set = testSet();
        assertThat(AddressTestSet.handwritten()).hasSizeGreaterThanOrEqualTo(100);
        assertThat(set).hasSizeGreaterThanOrEqualTo(500);
        Score s = score(geocoder, index, set, SETTINGS.highConfidence());
        assertThat(s.top1() / (double) s.size()).as("top-1, misses: %s", s.misses()).isGreaterThanOrEqualTo(0.95);
        assertThat(s.top3() / (double) s.size()).as("top-3, misses: %s", s.misses()).isGreaterThanOrEqualTo(0.99);
        assertThat(s.farOffConfident()).as("answers > 200 m off with high confidence").isZero();
    }

    @Test
    void theDemoGazetteerHasTheAddressesAndPlacesOfTheDistrict() {
        Map<PlaceLevel, Integer> counts = new TreeMap<>();
        DemoDistrict.demo().forEach(e -> counts.merge(e.level(), 1, Integer::sum));
        int addresses = counts.get(PlaceLevel.DOORPLATE) + counts.get(PlaceLevel.BUILDING) + counts.get(PlaceLevel.UNIT);
        assertThat(addresses).isGreaterThanOrEqualTo(30_000);
        assertThat(counts.get(PlaceLevel.PLACE)).isGreaterThanOrEqualTo(500);
        assertThat(DemoDistrict.demo()).allSatisfy(e -> assertThat(e.grid()).isNotNull());
    }

    @Test
    void doorplatesStandEveryTwentyToFortyMetresOnEachSide() {
        GazetteerNode road = index.byCode.get("R01");
        GazetteerNode previous = null;
        int checked = 0;
        for (var e : road.doorplates.entrySet()) {
            if (e.getKey() % 2 == 1) {
                if (previous != null && e.getKey() - previous.number() == 2) {
                    double metres = new GeoPoint(previous.element.lat(), previous.element.lon())
                            .metresTo(new GeoPoint(e.getValue().element.lat(), e.getValue().element.lon()));
                    assertThat(metres).as("between %s and %s", previous.label(), e.getValue().label())
                            .isBetween(15.0, 45.0);
                    checked++;
                }
                previous = e.getValue();
            }
        }
        assertThat(checked).isGreaterThan(100);
    }

    @Test
    void theGeneratorWritesTheSameSetEveryTime() {
        List<Element> again = DemoDistrict.generate(DemoGazetteer.Scale.DEMO);
        assertThat(again).isEqualTo(DemoDistrict.demo());
    }

    @Test
    void anUnknownAddressIsNotFoundAndNamesTheSmallestAreaThatMatched() {
        Geocoding g = geocoder.geocode("君山社区火星路99号");
        assertThat(g.found()).isFalse();
        assertThat(g.candidates()).isEmpty();
        assertThat(g.area().code()).isEqualTo("370402001001");
        assertThat(geocoder.geocode("上海市浦东新区世纪大道").found()).isFalse();
    }

    @Test
    void aMissingDoorplateOffersItsNeighboursOnTheSameSideWithoutHighConfidence() {
        GazetteerNode road = index.byCode.get("R01");
        int missing = 2;
        while (road.doorplates.containsKey(missing)) {
            missing += 2;
        }
        if (missing > road.doorplates.lastKey()) {
            missing = road.doorplates.lastKey() + (road.doorplates.lastKey() % 2 == 0 ? 2 : 1);
        }
        Geocoding g = geocoder.geocode("广济路" + missing + "号");
        assertThat(g.candidates()).isNotEmpty().allSatisfy(c -> {
            assertThat(c.confidence()).isLessThan(SETTINGS.highConfidence());
            assertThat(index.byCode).containsKey(c.code());
        });
    }

    @Test
    void twoRoadsNamedTogetherGiveTheirCrossing() {
        GazetteerNode a = index.byCode.get("R01");
        GazetteerNode cross = null;
        for (GazetteerNode r : index.roads) {
            if (r != a && r.line != null && a.line.crossing(r.line).isPresent() && r.element.code().startsWith("R")) {
                cross = r;
                break;
            }
        }
        assertThat(cross).as("a demo road crossing 广济路").isNotNull();
        PlaceCandidate c = geocoder.geocode(a.element.name() + "与" + cross.element.name() + "交叉口").candidates().get(0);
        assertThat(c.level()).isEqualTo(PlaceLevel.INTERSECTION);
        assertThat(a.line.distance(new GeoPoint(c.lat(), c.lon()))).isLessThan(1);
        assertThat(cross.line.distance(new GeoPoint(c.lat(), c.lon()))).isLessThan(1);
    }

    @Test
    void textNobodyCouldMeanAsAnAddressIsRefused() {
        for (String bad : new String[] { "", "   ", "广", "12345", "🏠🏠🏠", "-#-", "路".repeat(201) }) {
            assertThatThrownBy(() -> geocoder.geocode(bad)).as(bad).isInstanceOf(InvalidInputException.class);
        }
        assertThat(geocoder.geocode("Guangji Road 广济路12号").candidates().get(0).code()).isEqualTo("R01-0012");
    }

    @Test
    void suggestionsCompleteWhatIsBeingTyped() {
        assertThat(geocoder.suggest("广济", 5)).extracting(PlaceCandidate::label).contains("广济路");
        List<PlaceCandidate> numbers = geocoder.suggest("广济路1", 8);
        assertThat(numbers).hasSize(8).allSatisfy(c -> assertThat(c.label()).startsWith("广济路1"));
        assertThat(geocoder.suggest("君山小区3号楼", 8)).extracting(PlaceCandidate::label)
                .contains("君山小区3号楼", "君山小区3号楼1单元");
        assertThat(geocoder.suggest("", 8)).isEmpty();
    }

    @Test
    void aPointIsNamedByTheNearestDoorplateAndItsRoad() {
        GazetteerNode plate = index.byCode.get("R01-0012");
        var at = geocoder.reverse(new GeoPoint(plate.element.lat(), plate.element.lon())).orElseThrow();
        assertThat(at.label()).isEqualTo("广济路12号");
        assertThat(at.road()).isEqualTo("广济路");
        GeoPoint aside = new GeoPoint(plate.element.lat() + 0.0009, plate.element.lon());
        var near = geocoder.reverse(aside).orElseThrow();
        assertThat(near.metres()).isGreaterThan(15);
        assertThat(near.label()).startsWith(near.place().label() + "附近 约").endsWith("米");
        assertThat(near.metres()).isEqualTo(Math.round(aside.metresTo(new GeoPoint(near.place().lat(), near.place().lon()))));
        assertThatThrownBy(() -> geocoder.reverse(new GeoPoint(39.9, 116.4))).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void anyTextIsEitherAnsweredOrRefusedNeverAFailure() {
        String pool = "广济路君山小区号楼单元室东门对面十二百零一幺两0123456789０１２-#＃ 　,.!？abcXYZé🏠😀\u0000\t\n'\"<>%";
        java.util.Random random = new java.util.Random(42);
        for (int i = 0; i < 2000; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(i % 10 == 0 ? 240 : 14);
            for (int j = 0; j < length; j++) {
                text.appendCodePoint(pool.codePoints().toArray()[random.nextInt((int) pool.codePoints().count())]);
            }
            String q = text.toString();
            try {
                Geocoding g = geocoder.geocode(q);
                assertThat(g.candidates()).allSatisfy(c -> assertThat(c.level() == PlaceLevel.INTERSECTION
                        || index.byCode.containsKey(c.code())).as(c.code()).isTrue());
            } catch (InvalidInputException refused) {
                // a refusal is an answer
            }
            assertThat(geocoder.suggest(q, 8)).hasSizeLessThanOrEqualTo(8);
        }
    }

    @Test
    void chineseNumeralsAndFullWidthDigitsAreRead() {
        assertThat(AddressText.normalise("十二号")).isEqualTo("12号");
        assertThat(AddressText.normalise("一百零五号")).isEqualTo("105号");
        assertThat(AddressText.normalise("四零一室")).isEqualTo("401室");
        assertThat(AddressText.normalise("３栋２单元")).isEqualTo("3号楼2单元");
        assertThat(AddressText.normalise("二十三号楼")).isEqualTo("23号楼");
    }
}
