package cn.civicloop.web;

import java.net.http.HttpResponse;

/** The web tests' name for {@link cn.civicloop.support.PageSession}: a staff member's pages without a browser. */
final class PageSession {

    private final cn.civicloop.support.PageSession session;
    /** The page the login sent this session to. */
    final String landing;

    private PageSession(cn.civicloop.support.PageSession session) {
        this.session = session;
        this.landing = session.landing();
    }

    static PageSession anonymous(int port) {
        return new PageSession(cn.civicloop.support.PageSession.anonymous(port));
    }

    static PageSession login(int port, String username) {
        return new PageSession(cn.civicloop.support.PageSession.login(port, username));
    }

    /** Logs in after asking for {@code path} without a login (null: none), as a person following a bookmark. */
    static PageSession loginAfter(int port, String path, String username) {
        return new PageSession(cn.civicloop.support.PageSession.loginAfter(port, path, username));
    }

    HttpResponse<String> get(String path) {
        return session.get(path);
    }

    /** A browser's request: it accepts HTML and names the page it came from. */
    HttpResponse<String> page(String method, String path, String form) {
        return session.page(method, path, form);
    }

    /** The CSRF token of a page's form. */
    String csrfOf(String path) {
        String token = cn.civicloop.support.PageSession.csrfOf(get(path).body());
        if (token.isEmpty()) {
            throw new IllegalStateException("no CSRF token on " + path);
        }
        return token;
    }

    /** Posts a form with the CSRF token of the form on {@code formPage}, as a browser submitting it would. */
    HttpResponse<String> post(String path, String form, String formPage) {
        return session.page("POST", path, "_csrf=" + java.net.URLEncoder.encode(csrfOf(formPage),
                java.nio.charset.StandardCharsets.UTF_8) + (form.isEmpty() ? "" : "&" + form));
    }

    HttpResponse<byte[]> bytes(String path) {
        return session.bytes(path);
    }
}
