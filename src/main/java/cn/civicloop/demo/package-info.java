/**
 * Demo district (演示数据): on an empty database, opens a set of realistic cases of 市中区 in every stage of the
 * loop, through the same intake and case commands a person would use. Off in tests and in production
 * ({@code civicloop.demo.seed-cases}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo data (演示数据)",
        allowedDependencies = {"shared", "directory", "geo", "cases", "intake"})
package cn.civicloop.demo;
