package cn.civicloop.places.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.civicloop.geo.Jurisdictions;
import cn.civicloop.places.PlaceLevel;
import cn.civicloop.shared.DomainException.FieldProblem;
import cn.civicloop.shared.InvalidInputException;
import cn.civicloop.shared.Phrase;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports a CSV or GeoJSON file into the gazetteer as one transaction — every line or feature checked first, and any
 * problem refuses the whole file, each problem with where it stands — and exports the gazetteer in either form. New codes are created, known
 * ones changed; each creation and change is kept in the history with the row before and after, who and why. Every
 * instance drops its index once the import commits.
 */
@Service
public class GazetteerImport {

    /** What an import did. */
    public record Outcome(int created, int changed, int unchanged) {
    }

    private final ElementStore store;
    private final Jurisdictions areas;
    private final GazetteerIndexHolder index;
    private final Clock clock;
    private final JsonMapper json;

    GazetteerImport(ElementStore store, Jurisdictions areas, GazetteerIndexHolder index, Clock clock, JsonMapper json) {
        this.store = store;
        this.json = json;
        this.areas = areas;
        this.index = index;
        this.clock = clock;
    }

    /**
     * @throws InvalidInputException naming each bad line ({@code line N}) and why; nothing is written then
     */
    @Transactional
    public Outcome importCsv(byte[] file, String by, String reason) {
        ImportReader reader = new ImportReader(areas, this::storedLevel);
        reader.read(utf8(file));
        return write(reader, by, reason);
    }

    /**
     * Imports a GeoJSON FeatureCollection ({@link GazetteerGeoJson}), checked like a CSV file.
     *
     * @throws InvalidInputException naming each bad feature ({@code features[N]}, from 0) and why; nothing is
     *                               written then
     */
    @Transactional
    public Outcome importGeoJson(byte[] file, String by, String reason) {
        ImportReader reader = new ImportReader(areas, this::storedLevel);
        // features that could not be read are named already; the others are checked like CSV lines
        reader.check(GazetteerGeoJson.rows(utf8(file), json, reader));
        return write(reader, by, reason);
    }

    /** A file from the admin page: GeoJSON when it opens with a brace, CSV otherwise. */
    @Transactional
    public Outcome importFile(byte[] file, String by, String reason) {
        String text = GazetteerCsv.text(file);
        return text != null && text.stripLeading().startsWith("{") ? importGeoJson(file, by, reason)
                : importCsv(file, by, reason);
    }

    private static String utf8(byte[] file) {
        String text = GazetteerCsv.text(file);
        if (text == null) {
            throw new InvalidInputException("file", Phrase.of("problem.places.import-encoding",
                    "文件不是 UTF-8 编码（可能是 GBK），请另存为 UTF-8 后再导入"));
        }
        return text;
    }

    private Outcome write(ImportReader reader, String by, String reason) {
        if (!reader.problems.isEmpty()) {
            List<FieldProblem> problems = reader.problems.stream()
                    .map(p -> new FieldProblem(p.where(), p.reason())).toList();
            throw new InvalidInputException(Phrase.of("problem.places.import-refused",
                    "导入文件有 {0} 处错误，未导入任何内容", problems.size()), problems);
        }
        if (reader.elements.isEmpty()) {
            throw new InvalidInputException("file", Phrase.of("problem.places.import-empty",
                    "文件中没有任何条目，未导入任何内容"));
        }
        Map<String, Element> before = store.existing(reader.elements.stream().map(Element::code).toList());
        List<Element> created = new ArrayList<>();
        List<Element> changed = new ArrayList<>();
        List<Change> history = new ArrayList<>();
        // no reason given is stored as none, and worded "导入" / "Imported" by whoever reads it
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        for (Element e : reader.elements) {
            Element old = before.get(e.code());
            if (old == null) {
                created.add(e);
                history.add(new Change(e.code(), "CREATED", null, GazetteerCsv.line(e).strip(), why));
            } else if (!GazetteerCsv.line(old).equals(GazetteerCsv.line(e))) {
                // compared as written (six decimals): a file exported and imported again changes nothing
                changed.add(e);
                history.add(new Change(e.code(), "CHANGED", GazetteerCsv.line(old).strip(), GazetteerCsv.line(e).strip(),
                        why));
            }
        }
        var at = clock.instant();
        store.insert(created, at, by);
        store.update(changed, at, by);
        store.recordChanges(history, at, by);
        index.changed();
        return new Outcome(created.size(), changed.size(), reader.elements.size() - created.size() - changed.size());
    }

    /** Writes the whole gazetteer as a GeoJSON FeatureCollection, in code order, streaming. */
    @Transactional(readOnly = true)
    public void exportGeoJson(Writer out) {
        try (JsonGenerator g = json.createGenerator(out)) {
            GazetteerGeoJson.writeStart(g);
            store.forEach(e -> GazetteerGeoJson.write(g, e));
            GazetteerGeoJson.writeEnd(g);
        }
    }

    /** Writes the whole gazetteer as CSV, in code order, streaming. */
    @Transactional(readOnly = true)
    public void exportCsv(Writer out) {
        try {
            out.write(GazetteerCsv.header());
            store.forEach(e -> {
                try {
                    out.write(GazetteerCsv.line(e));
                } catch (IOException x) {
                    throw new UncheckedIOException(x);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Map<String, Long> counts() {
        return store.countsByLevel();
    }

    /** The latest changes (or of one code), newest first. */
    public List<HistoryLine> history(String code, int limit) {
        List<Change.Recorded> rows = code == null || code.isBlank() ? store.recentChanges(limit) : store.history(code);
        return rows.stream().map(r -> new HistoryLine(r.id(), r.change().code(), r.change().action(),
                r.change().before(), r.change().after(), r.change().reason(), r.at(), r.by())).toList();
    }

    /**
     * One change as the API and the admin page show it.
     *
     * @param reason why, as the administrator wrote it; null for an import that gave none (the reader's word for
     *               an import stands in)
     */
    public record HistoryLine(long id, String code, String action, String before, String after, String reason,
            java.time.Instant at, String by) {

        /** The same change with its reason as the reader is told it. */
        public HistoryLine withReason(String worded) {
            return new HistoryLine(id, code, action, before, after, worded, at, by);
        }
    }

    /** From the index (the committed table as of the last change), not one query per line of a large file. */
    private Optional<PlaceLevel> storedLevel(String code) {
        return Optional.ofNullable(index.index().byCode.get(code)).map(GazetteerNode::level);
    }
}
