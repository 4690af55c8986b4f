package cn.civicloop.opinion.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import cn.civicloop.cases.CaseOpened;
import cn.civicloop.cases.CaseQueries;

/**
 * Cases of every channel join the topics as they open, next to the posts: a hotline call and a post about the same
 * estate's noise are one issue. The cases a linked response opened for a topic are its answer, not more of the
 * issue, and are left out.
 */
@Component
class CaseTopics {

    private final CaseQueries cases;
    private final TopicBoard board;
    private final ResponseCases responseCases;

    CaseTopics(CaseQueries cases, TopicBoard board, ResponseCases responseCases) {
        this.cases = cases;
        this.board = board;
        this.responseCases = responseCases;
    }

    @ApplicationModuleListener
    void on(CaseOpened event) {
        if (responseCases.isResponseCase(event.number())) {
            return;
        }
        cases.snapshot(event.number()).ifPresent(s -> board.placeCase(s.number(), s.channel().name(), s.title(),
                s.content(), s.createdAt()));
    }
}
