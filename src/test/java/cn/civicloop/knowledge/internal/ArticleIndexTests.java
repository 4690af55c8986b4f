package cn.civicloop.knowledge.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.civicloop.classifier.SearchTerms;
import cn.civicloop.knowledge.KnowledgeSearch.ArticleHit;

/** BM25 over the in-memory index: relevance, the title's weight, validity, and rows that change or leave. */
class ArticleIndexTests {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 6);
    private long revision;

    private ArticleStore.Indexed row(long id, String title, String body, ArticleStatus status, LocalDate until) {
        return new ArticleStore.Indexed(id, 1, title, "类", null, LocalDate.of(2026, 1, 1), until, status,
                ArticleStore.terms(title, "<p>" + body + "</p>"), body, ++revision);
    }

    private static List<Long> ids(List<ArticleHit> hits) {
        return hits.stream().map(ArticleHit::id).toList();
    }

    @Test
    void theArticleAboutTheQueryRanksFirst() {
        ArticleIndex index = new ArticleIndex();
        index.apply(List.of(
                row(1, "路灯不亮报修", "城区路灯由市政维护所维修，三个工作日内修复。", ArticleStatus.APPROVED, null),
                row(2, "夜间施工噪音", "夜间施工须有证明，噪音扰民由生态环境分局处理。", ArticleStatus.APPROVED, null),
                row(3, "政务服务中心办公时间", "工作日上午九点至十二点，下午一点半至五点。路灯不在此办理。",
                        ArticleStatus.APPROVED, null)));
        assertThat(ids(index.search(SearchTerms.ofQuery("路灯坏了不亮"), TODAY, 5))).startsWith(1L);
        assertThat(ids(index.search(SearchTerms.ofQuery("晚上施工太吵"), TODAY, 5))).containsExactly(2L);
        assertThat(index.search(SearchTerms.ofQuery("火星"), TODAY, 5)).isEmpty();
        assertThat(index.search(SearchTerms.ofQuery("路灯"), TODAY, 1)).hasSize(1);
    }

    @Test
    void expiredPendingAndWithdrawnArticlesAreNeverFound() {
        ArticleIndex index = new ArticleIndex();
        index.apply(List.of(
                row(1, "供暖补贴申领", "困难家庭申领供暖补贴。", ArticleStatus.APPROVED, TODAY.minusDays(1)),
                row(2, "供暖补贴申领（新）", "困难家庭申领供暖补贴。", ArticleStatus.PENDING, null),
                row(3, "供暖补贴申领（今年）", "困难家庭申领供暖补贴。", ArticleStatus.APPROVED, TODAY)));
        assertThat(ids(index.search(SearchTerms.ofQuery("供暖补贴"), TODAY, 5))).containsExactly(3L);
        index.apply(List.of(row(3, "供暖补贴申领（今年）", "困难家庭申领供暖补贴。", ArticleStatus.WITHDRAWN, TODAY)));
        assertThat(index.search(SearchTerms.ofQuery("供暖补贴"), TODAY, 5)).isEmpty();
        assertThat(index.size()).isEqualTo(1);
        assertThat(index.revision()).isEqualTo(revision);
    }

    @Test
    void aChangedArticleIsFoundByItsNewWordsOnly() {
        ArticleIndex index = new ArticleIndex();
        index.apply(List.of(row(1, "犬只管理", "养犬登记。", ArticleStatus.APPROVED, null)));
        index.apply(List.of(row(1, "犬只管理", "流浪犬收容。", ArticleStatus.APPROVED, null)));
        assertThat(index.search(SearchTerms.ofQuery("养犬登记"), TODAY, 5)).isEmpty();
        assertThat(ids(index.search(SearchTerms.ofQuery("流浪犬收容"), TODAY, 5))).containsExactly(1L);
        assertThat(ids(index.search(SearchTerms.ofQuery("登记"), TODAY, 5))).isEmpty();
    }
}
