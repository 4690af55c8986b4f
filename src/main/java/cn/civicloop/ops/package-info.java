/**
 * Operations (运维): what keeps several instances of CivicLoop honest together. Incomplete event publications between
 * modules (an instance killed after a case committed but before triage or notification ran) are resubmitted by a
 * db-scheduler recurring task, so exactly one instance of a cluster resubmits them, also after a restart; see
 * {@code internal.EventResubmission}. Completed ones are deleted after their retention
 * ({@code internal.PublicationRetention}, through the shared kernel's {@code Retention}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Operations (运维)", allowedDependencies = {"shared"})
package cn.civicloop.ops;
