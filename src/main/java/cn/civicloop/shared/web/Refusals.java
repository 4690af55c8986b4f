package cn.civicloop.shared.web;

import java.io.IOException;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import cn.civicloop.shared.Phrase;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Refusals written by servlet filters, before any controller runs (size and rate limits): an RFC 9457 problem
 * document for the API and for scripts, the site's error page in the person's language for a browser submitting a form.
 */
public final class Refusals {

    private Refusals() {
    }

    /** Writes a refusal, its reason in the request's language. */
    public static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
            Phrase reason) throws IOException {
        write(request, response, status, RefusalText.in(reason, RequestLanguage.of(request)));
    }

    /** @param detail the reason; a bilingual one is cut to the request's language */
    public static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
            String detail) throws IOException {
        detail = RefusalText.in(detail, RequestLanguage.of(request));
        response.setStatus(status.value());
        response.setCharacterEncoding("UTF-8");
        String accept = request.getHeader("Accept");
        boolean page = !request.getRequestURI().startsWith("/api/") && accept != null
                && accept.contains(MediaType.TEXT_HTML_VALUE);
        if (page) {
            // the site's error page in the person's language (ProblemErrorController), with this refusal's reason
            request.setAttribute(ProblemErrorController.REFUSAL, detail);
            String type = request.getContentType();
            if (type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/")) {
                // the error page must not parse the refused body: Spring skips a multipart that already failed
                request.setAttribute(jakarta.servlet.RequestDispatcher.ERROR_EXCEPTION,
                        new org.springframework.web.multipart.MultipartException("refused before parsing"));
            }
            response.sendError(status.value());
        } else {
            writeProblem(response, status, detail, request.getRequestURI());
        }
    }

    static void writeProblem(HttpServletResponse response, HttpStatus status, String detail, String instance) {
        response.setStatus(status.value());
        response.setCharacterEncoding("UTF-8");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        try {
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + status.getReasonPhrase()
                    + "\",\"status\":" + status.value() + ",\"detail\":\"" + json(detail) + "\",\"instance\":\""
                    + json(instance) + "\"}");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
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
