package cn.civicloop.opinion.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

/** RSS and Atom items become posts; DTDs (XXE, billion laughs), broken XML and wrong encodings are refused whole. */
class FeedParserTests {

    private static List<IncomingPost> parse(String xml, Charset charset) throws Exception {
        return FeedParser.parse(new ByteArrayInputStream(xml.getBytes(charset)));
    }

    @Test
    void readsRssAndAtomWithEmojiAndTraditionalCharacters() throws Exception {
        List<IncomingPost> rss = parse("""
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>论坛</title>
                <item><title>東湖路積水嚴重 😡</title><link>https://bbs.example.cn/t/1</link><guid>t-1</guid>
                <description><![CDATA[下雨就<b>积水</b>]]></description><pubDate>Fri, 01 May 2026 13:10:00 +0800</pubDate></item>
                <item><title>没有时间的帖子</title><guid>t-2</guid></item>
                </channel></rss>""", StandardCharsets.UTF_8);
        assertThat(rss).hasSize(1);
        assertThat(rss.get(0).externalId()).isEqualTo("t-1");
        assertThat(rss.get(0).title()).isEqualTo("東湖路積水嚴重 😡");
        assertThat(rss.get(0).text()).contains("积水");
        assertThat(rss.get(0).at()).isEqualTo(java.time.Instant.parse("2026-05-01T05:10:00Z"));

        List<IncomingPost> atom = parse("""
                <?xml version="1.0" encoding="UTF-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom"><title>x</title>
                <entry><id>urn:p:9</id><title>菜市场占道经营</title><link href="https://ex.cn/p/9"/>
                <updated>2026-05-02T08:00:00+08:00</updated><author><name>网友甲</name></author>
                <summary>早上堵得走不动</summary></entry></feed>""", StandardCharsets.UTF_8);
        assertThat(atom).singleElement().satisfies(p -> {
            assertThat(p.externalId()).isEqualTo("urn:p:9");
            assertThat(p.url()).isEqualTo("https://ex.cn/p/9");
            assertThat(p.author()).isEqualTo("网友甲");
        });
    }

    @Test
    void readsAFeedInTheEncodingItDeclares() throws Exception {
        List<IncomingPost> gbk = parse("""
                <?xml version="1.0" encoding="GBK"?>
                <rss><channel><item><guid>g1</guid><title>路灯不亮</title>
                <pubDate>Fri, 01 May 2026 13:10:00 +0800</pubDate></item></channel></rss>""", Charset.forName("GBK"));
        assertThat(gbk.get(0).title()).isEqualTo("路灯不亮");
    }

    @Test
    void refusesExternalEntitiesEntityExpansionBrokenXmlAndWrongEncodings() {
        String xxe = """
                <?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>
                <rss><channel><item><guid>1</guid><title>&x;</title><pubDate>2026-05-01T10:00:00Z</pubDate></item></channel></rss>""";
        String laughs = """
                <?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;">
                <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
                <rss><channel><item><guid>1</guid><title>&lol3;</title></item></channel></rss>""";
        assertThatThrownBy(() -> parse(xxe, StandardCharsets.UTF_8)).isInstanceOf(FeedParser.FeedException.class);
        assertThatThrownBy(() -> parse(laughs, StandardCharsets.UTF_8)).isInstanceOf(FeedParser.FeedException.class);
        assertThatThrownBy(() -> parse("<rss><channel><item><title>断了", StandardCharsets.UTF_8))
                .isInstanceOf(FeedParser.FeedException.class);
        // GBK bytes declared as UTF-8
        assertThatThrownBy(() -> parse("""
                <?xml version="1.0" encoding="UTF-8"?><rss><channel><item><guid>1</guid><title>路灯不亮</title>
                <pubDate>2026-05-01T10:00:00Z</pubDate></item></channel></rss>""", Charset.forName("GBK")))
                .isInstanceOf(FeedParser.FeedException.class);
    }
}
