package cn.civicloop.web;

import java.net.http.HttpResponse;

/** The web tests' name for {@link cn.civicloop.support.PageSession}: a staff member's pages without a browser. */
final class PageSession {

    private final cn.civicloop.support.PageSession session;

    private PageSession(cn.civicloop.support.PageSession session) {
        this.session = session;
    }

    static PageSession anonymous(int port) {
        return new PageSession(cn.civicloop.support.PageSession.anonymous(port));
    }

    static PageSession login(int port, String username) {
        return new PageSession(cn.civicloop.support.PageSession.login(port, username));
    }

    HttpResponse<String> get(String path) {
        return session.get(path);
    }

    HttpResponse<byte[]> bytes(String path) {
        return session.bytes(path);
    }
}
