package cn.civicloop.triage.internal.learning;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What a training run learns from: the shipped seed corpus, the imported history (every finished upload, or only
 * those named), and the case loop (closed cases' outcomes and dispatchers' corrections).
 */
public record TrainingSources(boolean seed, boolean imports, List<Long> importIds, boolean loop) {

    public TrainingSources {
        importIds = importIds == null ? List.of() : List.copyOf(importIds);
    }

    public static TrainingSources everything() {
        return new TrainingSources(true, true, List.of(), true);
    }

    boolean any() {
        return seed || imports || loop;
    }

    /** As stored with the run: {@code seed,imports:3;4,loop}. */
    String describe() {
        StringBuilder s = new StringBuilder();
        if (seed) {
            s.append("seed");
        }
        if (imports) {
            s.append(s.isEmpty() ? "" : ",").append("imports");
            if (!importIds.isEmpty()) {
                s.append(':').append(importIds.stream().map(String::valueOf).collect(Collectors.joining(";")));
            }
        }
        if (loop) {
            s.append(s.isEmpty() ? "" : ",").append("loop");
        }
        return s.toString();
    }

    static TrainingSources parse(String described) {
        boolean seed = false;
        boolean imports = false;
        boolean loop = false;
        List<Long> ids = List.of();
        for (String part : described.split(",")) {
            if (part.equals("seed")) {
                seed = true;
            } else if (part.equals("loop")) {
                loop = true;
            } else if (part.startsWith("imports")) {
                imports = true;
                if (part.startsWith("imports:")) {
                    ids = java.util.Arrays.stream(part.substring(8).split(";")).map(Long::valueOf).toList();
                }
            }
        }
        return new TrainingSources(seed, imports, ids, loop);
    }
}
