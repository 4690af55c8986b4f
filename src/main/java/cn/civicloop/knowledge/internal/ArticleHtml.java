package cn.civicloop.knowledge.internal;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Safelist;

import cn.civicloop.shared.InvalidInputException;
import cn.civicloop.shared.Phrase;

/**
 * An article's HTML is cleaned by an allow-list: headings, paragraphs, lists, tables, emphasis and links, nothing
 * else (no script, style, event attribute, image or frame). A link whose scheme is not http, https, mailto or tel is
 * refused with the link named, rather than silently dropped: the editor must know his link is gone.
 */
public final class ArticleHtml {

    static final Set<String> SCHEMES = Set.of("http", "https", "mailto", "tel");

    private static final Safelist ALLOWED = new Safelist()
            .addTags("p", "br", "h3", "h4", "ul", "ol", "li", "strong", "em", "b", "i", "u", "blockquote", "table",
                    "thead", "tbody", "tr", "th", "td", "a", "span")
            .addAttributes("a", "href", "title")
            .addProtocols("a", "href", SCHEMES.toArray(String[]::new))
            .addEnforcedAttribute("a", "rel", "noopener noreferrer nofollow");

    private ArticleHtml() {
    }

    /** The allowed part of {@code html}; refuses a link of another scheme. */
    public static String clean(String html) {
        String source = html == null ? "" : html;
        Document dirty = Jsoup.parseBodyFragment(source);
        for (Element a : dirty.select("a[href]")) {
            String href = a.attr("href").strip();
            if (!schemeAllowed(href)) {
                throw new InvalidInputException("bodyHtml", Phrase.of("problem.knowledge.link-scheme",
                        "链接只能是 http、https、mailto 或 tel：{0}", cut(href)));
            }
        }
        return Jsoup.clean(source, "", ALLOWED, new Document.OutputSettings().prettyPrint(false)).strip();
    }

    /** The text of cleaned HTML, blocks separated by a line break. */
    public static String text(String html) {
        Document doc = Jsoup.parseBodyFragment(html == null ? "" : html);
        doc.select("br").after("\\n");
        doc.select("p,li,h3,h4,tr,blockquote").after("\\n");
        return doc.text().replace("\\n", "\n").replaceAll("[ \\t]*\n[ \\t]*", "\n").replaceAll("\n{2,}", "\n")
                .strip();
    }

    private static boolean schemeAllowed(String href) {
        try {
            String scheme = URI.create(href.replace(" ", "%20")).getScheme();
            return scheme != null && SCHEMES.contains(scheme.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String cut(String href) {
        return href.length() > 80 ? href.substring(0, 80) + "…" : href;
    }
}
