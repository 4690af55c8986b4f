package cn.civicloop.knowledge.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import cn.civicloop.shared.InvalidInputException;

/** The allow-list of article HTML and the check of link schemes. */
class ArticleHtmlTests {

    @Test
    void onlyTheAllowedMarkupIsKept() {
        String clean = ArticleHtml.clean("<h3>办理</h3><p style=\"color:red\" onmouseover=\"x()\">请携带<strong>身份证</strong>"
                + "<script>steal()</script></p><iframe src=\"https://evil\"></iframe><ul><li>一</li></ul>"
                + "<a href=\"tel:0632-3312345\">电话</a><a href=\"mailto:zx@example.org\">邮件</a>");
        assertThat(clean).contains("<h3>办理</h3>").contains("<strong>身份证</strong>").contains("<li>一</li>")
                .contains("href=\"tel:0632-3312345\"").contains("href=\"mailto:zx@example.org\"")
                .contains("rel=\"noopener noreferrer nofollow\"").doesNotContain("script").doesNotContain("steal")
                .doesNotContain("style").doesNotContain("onmouseover").doesNotContain("iframe");
    }

    @Test
    void aLinkOfAnotherSchemeIsRefusedNotDropped() {
        for (String href : new String[] {"javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,x",
                "vbscript:x", "/relative", "ftp://files.example.org/a"}) {
            assertThatThrownBy(() -> ArticleHtml.clean("<a href=\"" + href + "\">x</a>"))
                    .as(href).isInstanceOf(InvalidInputException.class).hasMessageContaining("http");
        }
    }

    @Test
    void theTextKeepsItsLinesWithoutMarkup() {
        assertThat(ArticleHtml.text("<p>第一段</p><p>第二段<br>下一行</p>")).isEqualTo("第一段\n第二段\n下一行");
    }
}
