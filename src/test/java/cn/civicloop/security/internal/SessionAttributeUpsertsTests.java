package cn.civicloop.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;

import cn.civicloop.support.ApiTest;
import cn.civicloop.support.PageSession;

/**
 * Two requests of one page session adding the same attribute at once (each loaded the session without it) both
 * succeed; the later value stays.
 */
class SessionAttributeUpsertsTests extends ApiTest {

    @Autowired
    JdbcIndexedSessionRepository sessions;

    @Test
    void twoCopiesOfASessionThatAddTheSameAttributeAreBothSaved() {
        race(sessions);
    }

    private static <S extends Session> void race(SessionRepository<S> sessions) {
        S created = sessions.createSession();
        sessions.save(created);
        S first = sessions.findById(created.getId());
        S second = sessions.findById(created.getId());
        first.setAttribute("race", "first");
        second.setAttribute("race", "second");
        sessions.save(first);
        sessions.save(second); // a plain insert: duplicate key on security_session_attributes_pk
        assertThat((String) sessions.findById(created.getId()).getAttribute("race")).isEqualTo("second");
        sessions.deleteById(created.getId());
    }

    @Test
    void concurrentFirstPagesAfterTheLoginAllAnswer() throws Exception {
        for (int round = 0; round < 3; round++) {
            PageSession leader = PageSession.login(port(), "leader");
            ExecutorService pool = Executors.newFixedThreadPool(6);
            try {
                List<Future<HttpResponse<String>>> pages = new ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    pages.add(pool.submit((Callable<HttpResponse<String>>) () -> leader.get("/dashboard")));
                }
                for (Future<HttpResponse<String>> page : pages) {
                    assertThat(page.get(60, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
