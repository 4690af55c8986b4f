package cn.civicloop.open311.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The two formats of the spec: XML (required) and JSON. A client names one by the suffix of the resource
 * ({@code requests.json}) or by {@code format=json}; without either, an Accept header asking for JSON only gets
 * JSON, anything else XML.
 */
enum Open311Format {
    XML("text/xml; charset=utf-8"), JSON("application/json; charset=utf-8");

    private final String contentType;

    Open311Format(String contentType) {
        this.contentType = contentType;
    }

    String contentType() {
        return contentType;
    }

    static Open311Format of(HttpServletRequest request) {
        String path = request.getRequestURI();
        if (path.endsWith(".json")) {
            return JSON;
        }
        if (path.endsWith(".xml")) {
            return XML;
        }
        String format = request.getParameter("format");
        if (format != null && !format.isBlank()) {
            return "json".equalsIgnoreCase(format.strip()) ? JSON : XML;
        }
        String accept = request.getHeader("Accept");
        return accept != null && accept.contains("json") && !accept.contains("xml") ? JSON : XML;
    }

    /** A path segment without its format suffix: {@code SZ-1.json} is the request {@code SZ-1}. */
    static String bare(String segment) {
        if (segment.endsWith(".json")) {
            return segment.substring(0, segment.length() - 5);
        }
        return segment.endsWith(".xml") ? segment.substring(0, segment.length() - 4) : segment;
    }
}
