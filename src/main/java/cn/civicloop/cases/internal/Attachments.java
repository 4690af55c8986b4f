package cn.civicloop.cases.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.civicloop.cases.CaseView.AttachmentInfo;

/** Photos of a case, stored in the database inside the command's transaction: no orphan files, no lost photos. */
@Repository
class Attachments {

    private final JdbcClient jdbc;

    Attachments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A photo with its bytes, for download. */
    record Content(String filename, String contentType, byte[] data) {
    }

    void store(long caseId, Long timelineId, String purpose, AttachmentPolicy.CheckedPhoto photo, Instant at) {
        jdbc.sql("""
                insert into cases_attachment (case_id, timeline_id, purpose, filename, content_type, size_bytes, sha256, data, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(caseId, timelineId, purpose, photo.filename(), photo.contentType(), photo.data().length,
                        photo.sha256(), photo.data(), Cases.ts(at))
                .update();
    }

    List<AttachmentInfo> of(long caseId) {
        return jdbc.sql("""
                select id, purpose, filename, content_type, size_bytes from cases_attachment
                where case_id = ? order by id""").param(caseId)
                .query((rs, n) -> new AttachmentInfo(rs.getLong("id"), rs.getString("purpose"),
                        rs.getString("filename"), rs.getString("content_type"), rs.getInt("size_bytes")))
                .list();
    }

    /**
     * The photos a resident is shown of a case: those sent with the appeal, and the evidence of the reply only once
     * the reply is published (approved), and then only that reply's, not the evidence of a reply sent back for rework.
     *
     * @param publishedReply the step id of the case's latest reply when it is published ({@link Timeline#latestReply},
     *                       which reads a packed case's steps too); null: no reply shown
     */
    List<AttachmentInfo> publicOf(long caseId, Long publishedReply) {
        return jdbc.sql("""
                select a.id, a.purpose, a.filename, a.content_type, a.size_bytes from cases_attachment a
                where a.case_id = :case and (a.purpose = 'APPEAL' or (a.purpose = 'EVIDENCE' and a.timeline_id = :reply))
                order by a.id""").param("case", caseId).param("reply", publishedReply, java.sql.Types.BIGINT)
                .query((rs, n) -> new AttachmentInfo(rs.getLong("id"), rs.getString("purpose"),
                        rs.getString("filename"), rs.getString("content_type"), rs.getInt("size_bytes")))
                .list();
    }

    Optional<Content> content(long caseId, long attachmentId) {
        return jdbc.sql("select filename, content_type, data from cases_attachment where case_id = ? and id = ?")
                .params(caseId, attachmentId)
                .query((rs, n) -> new Content(rs.getString("filename"), rs.getString("content_type"),
                        rs.getBytes("data")))
                .optional();
    }
}
