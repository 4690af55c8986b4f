/**
 * Finding appeals that report the same event: character shingles, MinHash signatures and the time/place gates of
 * {@link cn.civicloop.triage.duplicates.DuplicateFinder}. Published as the named interface {@code duplicates} so that
 * online-opinion topics are grouped with the same text machinery as duplicate cases, not with a second one.
 */
@org.springframework.modulith.NamedInterface("duplicates")
package cn.civicloop.triage.duplicates;
