package cn.civicloop.board.web;


import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import cn.civicloop.board.internal.BoardCache;
import cn.civicloop.board.internal.BoardReader;
import cn.civicloop.board.internal.BoardSnapshot;

/**
 * The public board (阳光公示) as a page and as JSON. The first page and everything beside it come from the cached
 * snapshot; an older page of cases ({@code after}, the keyset cursor) is one indexed read of a page.
 */
@Controller
class BoardController {

    private final BoardCache cache;
    private final BoardReader reader;
    private final BoardMapCounts mapCounts;

    BoardController(BoardCache cache, BoardReader reader, BoardMapCounts mapCounts) {
        this.cache = cache;
        this.reader = reader;
        this.mapCounts = mapCounts;
    }

    @GetMapping("/board")
    String page(@RequestParam(required = false) String after, Model model) {
        BoardSnapshot s = cache.snapshot();
        model.addAttribute("board", s);
        model.addAttribute("mapCounts", mapCounts.json(s.areas()));
        if (after == null || after.isBlank()) {
            model.addAttribute("cases", s.cases());
            model.addAttribute("next", s.next());
        } else {
            BoardReader.Page p = reader.page(after);
            model.addAttribute("cases", p.cases());
            model.addAttribute("next", p.next());
        }
        model.addAttribute("older", after != null && !after.isBlank());
        return "board/board";
    }

    @GetMapping(path = "/api/v1/public/board", produces = "application/json")
    @ResponseBody
    BoardSnapshot json() {
        return cache.snapshot();
    }

    @GetMapping(path = "/api/v1/public/board/cases", produces = "application/json")
    @ResponseBody
    BoardReader.Page cases(@RequestParam(required = false) String after) {
        return after == null || after.isBlank()
                ? new BoardReader.Page(cache.snapshot().cases(), cache.snapshot().next()) : reader.page(after);
    }
}
