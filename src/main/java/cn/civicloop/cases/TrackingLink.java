package cn.civicloop.cases;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The link that opens a resident's case on the tracking page. Number and code travel in the URL's fragment
 * ({@code /track#n=SZ-…&c=K7M-2QX-9HD}), which a browser never sends to a server: the page's script reads it and
 * posts the lookup, so neither the server's access log nor a proxy's ever holds the code (ADR 0017).
 *
 * @param number the case number
 * @param code   the tracking code
 */
public record TrackingLink(String number, String code) {

    /** The tracking page, relative to the application's root. */
    public static final String PAGE = "/track";

    /** The link relative to the application's root: {@link #PAGE} and the fragment. */
    public String path() {
        return PAGE + "#n=" + encoded(number) + "&c=" + encoded(code);
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
