package cn.civicloop.opinion.web;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import cn.civicloop.directory.Actor;
import cn.civicloop.opinion.WarningLevel;
import cn.civicloop.opinion.internal.BoardFigures;
import cn.civicloop.opinion.internal.Sources;
import cn.civicloop.opinion.internal.TopicAccess;
import cn.civicloop.opinion.internal.TopicAlerts;
import cn.civicloop.opinion.internal.TopicBoard;
import cn.civicloop.security.Actors;
import tools.jackson.databind.json.JsonMapper;

/**
 * The opinion board (舆情热点): the top-N topics by heat with their warning colours, the trend of the hottest, the
 * map of their cases and the live list of warnings; and the sources with their health.
 */
@Controller
class OpinionPageController {

    /** The colours 12345 analysts use for the four levels; no level is grey. */
    static final Map<WarningLevel, String> COLOURS = Map.of(WarningLevel.NONE, "#8a8a8a",
            WarningLevel.BLUE, "#1f6fd1", WarningLevel.YELLOW, "#b38b00", WarningLevel.ORANGE, "#e06a00",
            WarningLevel.RED, "#c62828");

    /** Topics drawn on the chart and the map: the hottest few, or the chart is unreadable. */
    private static final int CHARTED = 5;

    private final TopicBoard board;
    private final TopicAlerts alerts;
    private final TopicAccess access;
    private final BoardFigures figures;
    private final Sources sources;
    private final JsonMapper json = JsonMapper.builder().build();

    OpinionPageController(TopicBoard board, TopicAlerts alerts, TopicAccess access, BoardFigures figures,
            Sources sources) {
        this.board = board;
        this.alerts = alerts;
        this.access = access;
        this.figures = figures;
        this.sources = sources;
    }

    @GetMapping("/opinion")
    String board(Model model) {
        Actor actor = Actors.current();
        List<TopicBoard.TopicRow> topics = access.visible(board.top(20), TopicBoard.TopicRow::id, actor);
        List<TopicBoard.TopicRow> charted = topics.subList(0, Math.min(CHARTED, topics.size()));
        model.addAttribute("topics", topics);
        model.addAttribute("colours", COLOURS);
        model.addAttribute("days", json.writeValueAsString(figures.days(7).stream().map(Object::toString).toList()));
        model.addAttribute("trend", json.writeValueAsString(figures.trend(charted, 7)));
        model.addAttribute("points", json.writeValueAsString(figures.points(charted, 50)));
        model.addAttribute("alerts", access.visible(alerts.latest(20), TopicAlerts.Alert::topicId, actor));
        return "opinion/board";
    }

    /** The live list alone, swapped in by the board every half minute. */
    @GetMapping("/opinion/alerts")
    String alerts(Model model) {
        model.addAttribute("alerts", access.visible(alerts.latest(20), TopicAlerts.Alert::topicId, Actors.current()));
        model.addAttribute("colours", COLOURS);
        return "opinion/board :: alerts";
    }

    @GetMapping("/opinion/sources")
    String sources(Model model) {
        model.addAttribute("sources", sources.all());
        return "opinion/sources";
    }
}
