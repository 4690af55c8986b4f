package cn.civicloop.cases.web.live;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import cn.civicloop.security.Actors;

/**
 * The staff case list's live channel: {@code changed} whenever a case in the viewer's scope changed on any
 * instance; the page then reloads the list (htmx). Owners: the roles that work on cases, the same as for the list
 * itself (see CaseEndpoints).
 */
@Controller
class CaseListStreamController {

    private final CaseListFeed feed;

    CaseListStreamController(CaseListFeed feed) {
        this.feed = feed;
    }

    @GetMapping(value = "/workbench/cases/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @ResponseBody
    SseEmitter stream() {
        return feed.subscribe(Actors.current());
    }
}
