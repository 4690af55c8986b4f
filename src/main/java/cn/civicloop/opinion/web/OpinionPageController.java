package cn.civicloop.opinion.web;

import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import cn.civicloop.opinion.WarningLevel;
import cn.civicloop.opinion.internal.TopicBoard;

/** The opinion board (舆情热点): the top-N topics by heat with their warning colours. */
@Controller
class OpinionPageController {

    /** The colours 12345 analysts use for the four levels; no level is grey. */
    private static final Map<WarningLevel, String> COLOURS = Map.of(WarningLevel.NONE, "#8a8a8a",
            WarningLevel.BLUE, "#1f6fd1", WarningLevel.YELLOW, "#b38b00", WarningLevel.ORANGE, "#e06a00",
            WarningLevel.RED, "#c62828");

    private final TopicBoard board;

    OpinionPageController(TopicBoard board) {
        this.board = board;
    }

    @GetMapping("/opinion")
    String board(Model model) {
        model.addAttribute("topics", board.top(20));
        model.addAttribute("colours", COLOURS);
        return "opinion/board";
    }
}
