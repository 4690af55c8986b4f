package cn.civicloop.cases.internal;

import java.util.List;

/**
 * The outcome of an action's handler: the remark to write on the timeline, the department the entry names (when
 * not the case's own), evidence photos to keep with it and the working days an extension granted.
 */
record Step(String remark, Long departmentId, List<AttachmentPolicy.CheckedPhoto> evidence, Integer extensionDays) {

    static Step of(String remark) {
        return new Step(remark, null, List.of(), null);
    }

    /** A step whose entry names {@code departmentId} (an assignment, a co-handler). */
    static Step naming(String remark, Long departmentId) {
        return new Step(remark, departmentId, List.of(), null);
    }
}
