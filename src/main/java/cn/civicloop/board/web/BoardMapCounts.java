package cn.civicloop.board.web;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.stereotype.Component;

import cn.civicloop.board.internal.BoardSnapshot;
import tools.jackson.databind.json.JsonMapper;

/** The map's figures for the page's script: open published cases per street code, as JSON. */
@Component
class BoardMapCounts {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    String json(List<BoardSnapshot.AreaFigure> areas) {
        Map<String, Long> byStreet = new TreeMap<>();
        for (BoardSnapshot.AreaFigure a : areas) {
            if (a.streetCode() != null) {
                byStreet.merge(a.streetCode(), a.open(), Long::sum);
            }
        }
        return JSON.writeValueAsString(byStreet);
    }
}
