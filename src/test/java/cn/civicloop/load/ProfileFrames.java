package cn.civicloop.load;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * The top frames of a JFR recording's CPU samples ({@code jdk.ExecutionSample}) on the app's threads: the load
 * generator's threads and the JDK's HTTP client are left out, and so is the {@code main} thread (start-up).
 * <pre>
 * java -cp target/test-classes cn.civicloop.load.ProfileFrames /tmp/load.jfr [top] [since-epoch-millis] [thread-prefix]
 * </pre>
 * Prints each method's share of the samples as the frame running (self) and anywhere on the stack (inclusive).
 * A thread prefix keeps the samples of those threads only, e.g. {@code task-} for the event listeners'.
 */
public final class ProfileFrames {

    private ProfileFrames() {
    }

    public static void main(String[] args) throws Exception {
        int top = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        long since = args.length > 2 ? Long.parseLong(args[2]) : 0;
        String only = args.length > 3 ? args[3] : "";
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> inclusive = new HashMap<>();
        int samples = 0;
        for (RecordedEvent e : RecordingFile.readAllEvents(Path.of(args[0]))) {
            if (!e.getEventType().getName().equals("jdk.ExecutionSample") || e.getStackTrace() == null
                    || e.getStartTime().toEpochMilli() < since) {
                continue;
            }
            String thread = e.getThread("sampledThread") == null ? "" : e.getThread("sampledThread").getJavaName();
            if (thread == null || thread.startsWith("load-generator-") || thread.startsWith("HttpClient-")
                    || thread.equals("main") || !thread.startsWith(only)) {
                continue;
            }
            samples++;
            Set<String> seen = new HashSet<>();
            boolean first = true;
            for (RecordedFrame f : e.getStackTrace().getFrames()) {
                String name = f.getMethod().getType().getName() + "." + f.getMethod().getName();
                if (first) {
                    self.merge(name, 1, Integer::sum);
                    first = false;
                }
                if (seen.add(name)) {
                    inclusive.merge(name, 1, Integer::sum);
                }
            }
        }
        System.out.printf("%d samples on the app's threads%n%nself:%n", samples);
        print(self, samples, top);
        System.out.printf("%ninclusive:%n");
        print(inclusive, samples, top);
    }

    private static void print(Map<String, Integer> counts, int samples, int top) {
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top)
                .forEach(e -> System.out.printf("%6.1f %%  %s%n", 100.0 * e.getValue() / samples, e.getKey()));
    }
}
