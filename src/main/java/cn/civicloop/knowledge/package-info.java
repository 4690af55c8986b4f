/**
 * Knowledge base (知识库) and reply review: articles the hotline answers from (policy, procedure, office hours, fees,
 * contact points) with category, department, validity, source document and version history, written by each
 * department's editors and approved by the district centre; search ranked by relevance (ADR 0029); a direct answer
 * (直接答复) from an article, which records the article and version that answered; reply templates per category and
 * action; and the reply review, a checklist on a department's reply for the 信息员 who reviews it (ADR 0031).
 * <p>
 * Owns the {@code knowledge_*} tables. Acts on cases only through {@code cases}' commands and reads them through its
 * queries; listens to {@link cn.civicloop.cases.CaseTransitioned} for replies.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Knowledge base (知识库)",
        allowedDependencies = {"shared", "classifier", "cases", "directory", "security", "intake"})
package cn.civicloop.knowledge;
