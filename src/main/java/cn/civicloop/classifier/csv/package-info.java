/**
 * RFC 4180 CSV reading and writing with header-named columns and errors that name the file and line. Published as
 * the named interface {@code csv} because every command-line tool of the jar reads and writes such files.
 */
@org.springframework.modulith.NamedInterface("csv")
package cn.civicloop.classifier.csv;
