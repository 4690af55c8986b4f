package cn.civicloop.shared.web;

import java.io.IOException;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.util.HtmlUtils;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Refusals written by servlet filters, before any controller runs (size and rate limits): an RFC 9457 problem
 * document for the API and for scripts, a short readable page for a browser submitting a form.
 */
public final class Refusals {

    private Refusals() {
    }

    public static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
            String detail) throws IOException {
        response.setStatus(status.value());
        response.setCharacterEncoding("UTF-8");
        String accept = request.getHeader("Accept");
        boolean page = !request.getRequestURI().startsWith("/api/") && accept != null
                && accept.contains(MediaType.TEXT_HTML_VALUE);
        if (page) {
            response.setContentType(MediaType.TEXT_HTML_VALUE);
            String text = HtmlUtils.htmlEscape(detail);
            response.getWriter().write("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"UTF-8\">"
                    + "<title>" + status.value() + "</title><link rel=\"stylesheet\" href=\"/css/civicloop.css\">"
                    + "</head><body><main class=\"container\"><h1>" + status.value() + "</h1><p class=\"error\">"
                    + text + "</p><p><a href=\"/\">返回首页 (home)</a></p></main></body></html>");
        } else {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + status.getReasonPhrase()
                    + "\",\"status\":" + status.value() + ",\"detail\":\"" + json(detail) + "\",\"instance\":\""
                    + json(request.getRequestURI()) + "\"}");
        }
    }

    private static String json(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20 || Character.isSurrogate(c)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
