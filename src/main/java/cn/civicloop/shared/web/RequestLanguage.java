package cn.civicloop.shared.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The language of a request when nobody chose one ({@code ?lang}, the language cookie): pages are Chinese first;
 * the API and the Open311 server (machines of other systems, ADR 0066) answer in English to a client whose
 * {@code Accept-Language} puts English first, else in Chinese. A call
 * of the site's own pages (their scripts) answers in the page's language, whatever the browser's header says.
 * Filters that refuse a request before Spring MVC runs read the choice here too.
 */
public final class RequestLanguage {

    /** The cookie that remembers a person's choice of language (set by {@code ?lang}). */
    public static final String COOKIE = "civicloop-lang";

    private RequestLanguage() {
    }

    /** The language when the person made no choice. */
    public static Locale byDefault(HttpServletRequest request) {
        String accept = request.getHeader("Accept-Language");
        String path = request.getRequestURI();
        boolean api = path != null && (path.startsWith("/api/") || path.startsWith("/open311/"))
                && !"same-origin".equals(request.getHeader("Sec-Fetch-Site"));
        if (api && accept != null && !accept.isBlank()) {
            try {
                for (Locale.LanguageRange range : Locale.LanguageRange.parse(accept)) {
                    String language = range.getRange().toLowerCase(Locale.ROOT);
                    if (language.startsWith("en")) {
                        return Locale.ENGLISH;
                    }
                    if (language.startsWith("zh")) {
                        return Locale.SIMPLIFIED_CHINESE;
                    }
                }
            } catch (IllegalArgumentException malformed) {
                // a header nobody can read chooses nothing
            }
        }
        return Locale.SIMPLIFIED_CHINESE;
    }

    /**
     * The language of a request that Spring MVC has not seen: {@code ?lang} in the query string (never the body, which
     * may be the refused part), the cookie, else {@link #byDefault}.
     */
    public static Locale of(HttpServletRequest request) {
        try {
            return chosenOrDefault(request);
        } catch (RuntimeException unreadable) {
            // a request Tomcat refused as malformed may not even have readable cookies
            return Locale.SIMPLIFIED_CHINESE;
        }
    }

    private static Locale chosenOrDefault(HttpServletRequest request) {
        String query = request.getQueryString();
        if (query != null) {
            for (String pair : query.split("&")) {
                if (pair.startsWith("lang=")) {
                    return chosen(pair.substring(5));
                }
            }
        }
        if (request.getCookies() != null) {
            for (jakarta.servlet.http.Cookie cookie : request.getCookies()) {
                if (COOKIE.equals(cookie.getName())) {
                    return chosen(cookie.getValue());
                }
            }
        }
        return byDefault(request);
    }

    private static Locale chosen(String value) {
        return value != null && value.toLowerCase(Locale.ROOT).startsWith("en") ? Locale.ENGLISH
                : Locale.SIMPLIFIED_CHINESE;
    }
}
