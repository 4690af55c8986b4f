package cn.civicloop.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import cn.civicloop.support.ApiTest;

/** The public pages reference only this server: no CDN, no web font, no tile server unless configured. */
class PagesLoadNothingFromOutsideTests extends ApiTest {

    private static final Pattern REFERENCE = Pattern.compile("(?:src|href|data-tiles|data-areas)=\"([^\"]+)\"");

    @ParameterizedTest
    @ValueSource(strings = {"/", "/report", "/track", "/login", "/report?lang=en"})
    void everyReferenceIsLocal(String path) {
        String html = api.get(path, null).body();
        Matcher m = REFERENCE.matcher(html);
        int references = 0;
        while (m.find()) {
            references++;
            assertThat(m.group(1)).as(path).doesNotStartWith("http").doesNotStartWith("//");
        }
        assertThat(references).isPositive();
        assertThat(html).doesNotContain("data-tiles=\"http");
    }
}
