package cn.civicloop.knowledge;

import java.util.List;

/** Finds approved articles valid today for a text a member of staff is typing (a query or an appeal). */
public interface KnowledgeSearch {

    /** The best {@code limit} articles for {@code text}, most relevant first; empty when nothing is searchable. */
    List<ArticleHit> search(String text, int limit);

    /**
     * One article found.
     *
     * @param version the article's version at the time of the search (a direct answer records it)
     * @param score   BM25 relevance, only comparable within one search
     */
    record ArticleHit(long id, int version, String title, String category, Long departmentId, String excerpt,
            double score) {
    }
}
