package cn.civicloop.knowledge.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

import cn.civicloop.classifier.SearchTerms;
import cn.civicloop.knowledge.KnowledgeSearch;
import cn.civicloop.shared.DistrictTime;

/**
 * Search over the approved articles valid today. Before each search one row is read (the last index revision): when
 * another request or instance changed an article since, the changed rows are read into the index first, so every
 * instance suggests what the database holds without any message between them.
 */
@Service
@EnableConfigurationProperties(KnowledgeProperties.class)
public class ArticleSearch implements KnowledgeSearch {

    /** Longer input is cut: a pasted appeal is searched by its beginning, a 5,000-character query costs no more. */
    static final int MAX_TEXT = 2000;

    private final ArticleStore store;
    private final Clock clock;
    private final ArticleIndex index = new ArticleIndex();

    ArticleSearch(ArticleStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public List<ArticleHit> search(String text, int limit) {
        if (text == null || text.isBlank() || limit <= 0) {
            return List.of();
        }
        List<String> terms = SearchTerms.ofQuery(text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text);
        if (terms.isEmpty()) {
            return List.of();
        }
        refresh();
        return index.search(terms, LocalDate.now(clock.withZone(DistrictTime.ZONE)), limit);
    }

    /** Reads the rows changed since the index's revision, if any. */
    void refresh() {
        long known = index.revision();
        if (store.lastRevision() > known) {
            synchronized (index) {
                index.apply(store.changedSince(index.revision()));
            }
        }
    }

    int indexed() {
        refresh();
        return index.size();
    }
}
