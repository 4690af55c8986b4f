/**
 * Online opinion (网络舆情): posts from feeds, monitoring vendors and imports are grouped into topics as they arrive,
 * with the duplicate machinery of triage, and ranked by a heat index with warning levels (蓝/黄/橙/红) and the share
 * of negative posts; a post's place name is placed on the map through the gazetteer of {@code places} when it
 * matches surely. The command line ({@link cn.civicloop.opinion.OpinionCommandLine}) clusters a CSV of posts
 * without starting the application.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Online opinion (网络舆情)",
        allowedDependencies = {"shared", "directory", "triage :: duplicates", "classifier :: csv", "cases", "notify",
                "calendar", "security", "places"})
package cn.civicloop.opinion;
