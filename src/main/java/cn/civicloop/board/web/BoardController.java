package cn.civicloop.board.web;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.civicloop.board.internal.BoardCache;
import cn.civicloop.board.internal.BoardReader;
import cn.civicloop.board.internal.BoardSnapshot;
import tools.jackson.databind.json.JsonMapper;

/**
 * The public board (阳光公示) as a page and as JSON. The first page and everything beside it come from the cached
 * snapshot; an older page of cases ({@code after}, the keyset cursor) is one indexed read of a page. A visitor without
 * a login gets the page rendered once per snapshot and language ({@link BoardPages}), with its entity tag, its time
 * and how long it may be kept; a logged-in visitor's page names his way to the workbench, so it is rendered for him.
 * The JSON of the snapshot and of its first page of cases is serialised once per snapshot and served the same way.
 */
@Controller
class BoardController {

    private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

    private final BoardCache cache;
    private final BoardReader reader;
    private final BoardMapCounts mapCounts;
    private final BoardPages pages;
    private final PageRenderer renderer;
    private final JsonMapper json;

    BoardController(BoardCache cache, BoardReader reader, BoardMapCounts mapCounts, BoardPages pages,
            PageRenderer renderer, JsonMapper json) {
        this.json = json;
        this.cache = cache;
        this.reader = reader;
        this.mapCounts = mapCounts;
        this.pages = pages;
        this.renderer = renderer;
    }

    @GetMapping("/board")
    ResponseEntity<byte[]> page(@RequestParam(required = false) String after, Locale locale,
            HttpServletRequest request, HttpServletResponse response) {
        BoardSnapshot s = cache.snapshot();
        String cursor = after == null || after.isBlank() ? null : after;
        Supplier<byte[]> render = () -> renderer.render("board/board", model(s, cursor), locale, request, response);
        if (request.getUserPrincipal() != null) {
            return ResponseEntity.ok().cacheControl(CacheControl.noStore()).contentType(HTML).body(render.get());
        }
        BoardPages.Page page = pages.page(s, locale, cursor, render);
        // the language comes from a cookie; a response that sets one (?lang) is this visitor's alone
        CacheControl keep = CacheControl.maxAge(cache.freshFor(s));
        keep = response.containsHeader(HttpHeaders.SET_COOKIE) ? keep.cachePrivate() : keep.cachePublic();
        // with an entity tag the answer to a matching If-None-Match is a 304 without the body
        return ResponseEntity.ok().eTag(page.etag()).lastModified(s.builtAt()).cacheControl(keep)
                .varyBy(HttpHeaders.COOKIE).contentType(HTML).body(page.body());
    }

    private Map<String, Object> model(BoardSnapshot s, String after) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("board", s);
        model.put("mapCounts", mapCounts.json(s.areas()));
        if (after == null) {
            model.put("cases", s.cases());
            model.put("next", s.next());
        } else {
            BoardReader.Page p = reader.page(after);
            model.put("cases", p.cases());
            model.put("next", p.next());
        }
        model.put("older", after != null);
        return model;
    }

    @GetMapping(path = "/api/v1/public/board", produces = "application/json")
    ResponseEntity<byte[]> json() {
        BoardSnapshot s = cache.snapshot();
        return json(s, pages.json(s, "board", () -> json.writeValueAsBytes(s)));
    }

    @GetMapping(path = "/api/v1/public/board/cases", produces = "application/json")
    ResponseEntity<?> cases(@RequestParam(required = false) String after) {
        if (after != null && !after.isBlank()) {
            return ResponseEntity.ok(reader.page(after));
        }
        BoardSnapshot s = cache.snapshot();
        return json(s, pages.json(s, "cases",
                () -> json.writeValueAsBytes(new BoardReader.Page(s.cases(), s.next()))));
    }

    /** A JSON document of the snapshot, the same for every client: kept while the snapshot is served, tagged. */
    private ResponseEntity<byte[]> json(BoardSnapshot s, BoardPages.Page page) {
        return ResponseEntity.ok().eTag(page.etag()).lastModified(s.builtAt())
                .cacheControl(CacheControl.maxAge(cache.freshFor(s)).cachePublic())
                .contentType(MediaType.APPLICATION_JSON).body(page.body());
    }
}
