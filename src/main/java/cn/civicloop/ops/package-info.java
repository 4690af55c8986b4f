/**
 * Operations (运维): what keeps several instances of CivicLoop honest together. Today one job: incomplete event
 * publications between modules (an instance killed after a case committed but before triage or notification ran)
 * are resubmitted by a db-scheduler recurring task, so exactly one instance of a cluster resubmits them, also
 * after a restart; see {@code internal.EventResubmission}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Operations (运维)", allowedDependencies = {})
package cn.civicloop.ops;
