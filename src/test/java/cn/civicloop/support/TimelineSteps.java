package cn.civicloop.support;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The steps the system composed on a case's timeline as the staff case page words them for a reader of one language:
 * each step's words, and the page's separator ("：" in Chinese, ": " in English) with the free text that came with it,
 * as the page shows them.
 */
public final class TimelineSteps {

    private static final Pattern STEP = Pattern.compile("class=\"timeline-step\">([^<]*)</span>"
            + "(?:<span>(：|: )<span class=\"timeline-reason\">([^<]*)</span>)?");

    private TimelineSteps() {
    }

    /** The worded steps of case {@code number}'s page read by {@code user} with {@code ?lang=lang}. */
    public static List<String> of(int port, String user, String number, String lang) {
        String page = PageSession.login(port, user).get("/workbench/cases/" + number + "?lang=" + lang).body();
        List<String> found = new ArrayList<>();
        Matcher m = STEP.matcher(page);
        while (m.find()) {
            found.add(unescape(m.group(1)) + (m.group(3) == null ? "" : m.group(2) + unescape(m.group(3))));
        }
        return found;
    }

    private static String unescape(String html) {
        return html.replace("&#39;", "'").replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }
}
