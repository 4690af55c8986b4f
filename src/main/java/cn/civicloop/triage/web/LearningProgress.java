package cn.civicloop.triage.web;

import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import cn.civicloop.shared.web.EventStreams;
import cn.civicloop.triage.internal.learning.HistoryImports;
import cn.civicloop.triage.internal.learning.ImportView;
import cn.civicloop.triage.internal.learning.TrainingRunView;
import cn.civicloop.triage.internal.learning.TrainingRuns;

/**
 * Progress of imports and training runs as Server-Sent Events (进度): every half second each open stream gets a
 * {@code progress} event read from the database — so a stream on any instance follows work done on another — and a
 * final {@code done} event once the import or run ended. A subscriber is {@code import:ID} or {@code run:ID}.
 */
@Component
class LearningProgress {

    private static final Duration EVERY = Duration.ofMillis(500);

    private final EventStreams.Channel<String> channel;
    private final HistoryImports imports;
    private final TrainingRuns runs;

    LearningProgress(EventStreams streams, HistoryImports imports, TrainingRuns runs) {
        this.imports = imports;
        this.runs = runs;
        this.channel = streams.channel("routing-learning", Duration.ofMinutes(30));
        streams.every(EVERY, this::tick);
    }

    SseEmitter importStream(long id) {
        return channel.open("import:" + id, "progress", importEvent(imports.view(id)));
    }

    SseEmitter runStream(long id) {
        return channel.open("run:" + id, "progress", runEvent(runs.view(id)));
    }

    static Map<String, Object> importEvent(ImportView v) {
        return Map.of("id", v.id(), "status", v.status().name(), "rowsRead", v.rowsRead(), "rowsStored", v.rowsStored(),
                "duplicates", v.duplicates(), "badRows", v.badRows(), "ended", !isRunning(v.status().name()));
    }

    static Map<String, Object> runEvent(TrainingRunView v) {
        return Map.of("id", v.id(), "status", v.status(), "phase", v.phase(), "ended", !v.running());
    }

    private void tick() {
        if (channel.size() == 0) {
            return;
        }
        Set<String> subscribers = new HashSet<>(channel.subscribers());
        for (String s : subscribers) {
            long id = Long.parseLong(s.substring(s.indexOf(':') + 1));
            Map<String, Object> event = s.startsWith("import:") ? importEvent(imports.view(id)) : runEvent(runs.view(id));
            boolean ended = Boolean.TRUE.equals(event.get("ended"));
            channel.send(s::equals, ended ? "done" : "progress", event);
        }
    }

    private static boolean isRunning(String status) {
        return status.equals("CREATED") || status.equals("RUNNING");
    }
}
