package cn.civicloop.places.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Consumer;

import cn.civicloop.geo.GeoPoint;
import cn.civicloop.places.PlaceLevel;

/**
 * Prints the geocoder's figures: accuracy over the test set on the demo gazetteer (top-1, top-3, answers more than
 * 200 m off with high confidence), the demo gazetteer's generation and index times, and the latency (p50, p95) of
 * geocoding, suggestions and reverse geocoding with a gazetteer of at least 500,000 addresses generated here, each
 * with its 10 slowest inputs (and how fast each runs again: a slow path or a wait), and the map layer's latency
 * ({@code --no-layers} leaves it out).
 * <p>
 * {@code mvn -q -o test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=cn.civicloop.places.internal.PlacesBenchmark}
 */
public final class PlacesBenchmark {

    private PlacesBenchmark() {
    }

    public static void main(String[] args) {
        long t0 = System.nanoTime();
        List<Element> demo = DemoDistrict.demo();
        long t1 = System.nanoTime();
        GazetteerIndex demoIndex = new GazetteerIndex(demo);
        long t2 = System.nanoTime();
        System.out.printf(Locale.ROOT, "demo gazetteer: %d elements %s generated in %d ms, index built in %d ms%n",
                demo.size(), counts(demo), ms(t1 - t0), ms(t2 - t1));
        Geocoder geocoder = new Geocoder(() -> demoIndex, DemoDistrict.areas(), GeocoderTestSetTests.SETTINGS);
        var set = GeocoderTestSetTests.testSet();
        var score = GeocoderTestSetTests.score(geocoder, demoIndex, set, GeocoderTestSetTests.SETTINGS.highConfidence());
        System.out.printf(Locale.ROOT, "test set: %d addresses (%d written by hand): top-1 %.1f %%, top-3 %.1f %%, "
                + "far off (> 200 m) with confidence >= %.2f: %d%n", score.size(), AddressTestSet.handwritten().size(),
                100.0 * score.top1() / score.size(), 100.0 * score.top3() / score.size(),
                GeocoderTestSetTests.SETTINGS.highConfidence(), score.farOffConfident());
        score.misses().forEach(m -> System.out.println("  miss " + m));

        long t3 = System.nanoTime();
        List<Element> big = DemoDistrict.generate(new DemoGazetteer.Scale(150, 80));
        long t4 = System.nanoTime();
        GazetteerIndex bigIndex = new GazetteerIndex(big);
        long t5 = System.nanoTime();
        long addresses = big.stream().filter(e -> e.level() == PlaceLevel.DOORPLATE || e.level() == PlaceLevel.BUILDING
                || e.level() == PlaceLevel.UNIT).count();
        System.out.printf(Locale.ROOT, "large gazetteer: %d elements, %d addresses %s generated in %d ms, index built "
                + "in %d ms (%d names)%n", big.size(), addresses, counts(big), ms(t4 - t3), ms(t5 - t4),
                bigIndex.keys.size());
        Geocoder large = new Geocoder(() -> bigIndex, DemoDistrict.areas(), GeocoderTestSetTests.SETTINGS);
        List<String> queries = AddressTestSet.generated(big, 200).stream().map(AddressTestSet.Entry::typed).toList();
        List<String> typing = new ArrayList<>();
        for (String q : queries.subList(0, 500)) {
            for (int i = 2; i <= q.length(); i += 2) {
                typing.add(q.substring(0, i));
            }
        }
        Random random = new Random(7);
        List<GeoPoint> points = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            Element e = big.get(random.nextInt(big.size()));
            points.add(new GeoPoint(e.lat() + (random.nextDouble() - 0.5) * 0.002, e.lon() + (random.nextDouble() - 0.5) * 0.002));
        }
        time("geocode", queries, large::geocode);
        time("suggest", typing, q -> large.suggest(q, 8));
        time("reverse", points, p -> {
            if (DemoDistrict.areas().withinDistrict(p)) {
                large.reverse(p);
            }
        });
        if (!Arrays.asList(args).contains("--no-layers")) {
            layers(bigIndex, big);
        }
    }

    /**
     * Map layer requests on the large gazetteer: a browser window (1280 × 800 pixels) at city zoom 12 and at street
     * zoom 17 over random places, each answer made afresh (cache emptied) and then as served again from the cache.
     */
    private static void layers(GazetteerIndex index, List<Element> elements) {
        MapLayer layer = new MapLayer(() -> index, DemoDistrict.areas(), tools.jackson.databind.json.JsonMapper.builder()
                .build());
        Random random = new Random(11);
        for (int zoom : new int[] {12, 17}) {
            double pixel = Simplify.pixelDegrees(zoom);
            record Box(double south, double west, double north, double east) {
            }
            List<Box> boxes = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                Element e = elements.get(random.nextInt(elements.size()));
                boxes.add(new Box(e.lat() - 400 * pixel, e.lon() - 640 * pixel, e.lat() + 400 * pixel,
                        e.lon() + 640 * pixel));
            }
            int[] sizes = new int[boxes.size()];
            time("layer zoom " + zoom + " (made afresh)", boxes, b -> {
                layer.forget();
                layer.geoJson(b.south(), b.west(), b.north(), b.east(), zoom, cn.civicloop.geo.Datum.WGS84);
            });
            time("layer zoom " + zoom + " (cached)", boxes, b -> layer.geoJson(b.south(), b.west(), b.north(),
                    b.east(), zoom, cn.civicloop.geo.Datum.WGS84));
            for (int i = 0; i < boxes.size(); i++) {
                Box b = boxes.get(i);
                sizes[i] = layer.geoJson(b.south(), b.west(), b.north(), b.east(), zoom,
                        cn.civicloop.geo.Datum.WGS84).length;
            }
            Arrays.sort(sizes);
            System.out.printf(Locale.ROOT, "layer zoom %d: answer p50 %d kB, max %d kB%n", zoom,
                    sizes[sizes.length / 2] / 1024, sizes[sizes.length - 1] / 1024);
        }
    }

    /**
     * Times every input once (after two warm-up rounds) and prints p50, p95, p99 and the 10 slowest inputs with their
     * text. Each slow input is then timed again 20 times: when its fastest repeat is far below its first time, the
     * first was a wait (for a core, for the collector) and not a slow path; the calls during which a collection ran
     * are counted too.
     */
    private static <T> void time(String what, List<T> inputs, Consumer<T> call) {
        for (int round = 0; round < 2; round++) {
            inputs.forEach(call);
        }
        var collectors = java.lang.management.ManagementFactory.getGarbageCollectorMXBeans();
        long[] nanos = new long[inputs.size()];
        boolean[] collected = new boolean[inputs.size()];
        Integer[] order = new Integer[nanos.length];
        for (int i = 0; i < nanos.length; i++) {
            long gc = collections(collectors);
            long s = System.nanoTime();
            call.accept(inputs.get(i));
            nanos[i] = System.nanoTime() - s;
            collected[i] = collections(collectors) != gc;
            order[i] = i;
        }
        long[] byInput = nanos.clone();
        Arrays.sort(order, (a, b) -> Long.compare(byInput[b], byInput[a]));
        for (int i = 0; i < Math.min(10, order.length); i++) {
            T input = inputs.get(order[i]);
            long fastest = Long.MAX_VALUE;
            for (int r = 0; r < 20; r++) {
                long s = System.nanoTime();
                call.accept(input);
                fastest = Math.min(fastest, System.nanoTime() - s);
            }
            System.out.printf(Locale.ROOT, "  slowest %s #%d: %.2f ms (fastest of 20 repeats %.2f ms%s) %s%n", what,
                    i + 1, byInput[order[i]] / 1e6, fastest / 1e6, collected[order[i]] ? ", a GC ran" : "", input);
        }
        int withGc = 0;
        for (boolean c : collected) {
            withGc += c ? 1 : 0;
        }
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "%s: %d calls, p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms "
                + "(%d calls with a GC; load average %.1f)%n", what, nanos.length, nanos[nanos.length / 2] / 1e6,
                nanos[(int) (nanos.length * 0.95)] / 1e6, nanos[(int) (nanos.length * 0.99)] / 1e6,
                nanos[nanos.length - 1] / 1e6, withGc,
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static long collections(List<java.lang.management.GarbageCollectorMXBean> collectors) {
        long n = 0;
        for (var c : collectors) {
            n += c.getCollectionCount();
        }
        return n;
    }

    private static Map<PlaceLevel, Integer> counts(List<Element> elements) {
        Map<PlaceLevel, Integer> counts = new TreeMap<>();
        elements.forEach(e -> counts.merge(e.level(), 1, Integer::sum));
        return counts;
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }
}
