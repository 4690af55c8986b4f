package cn.civicloop.triage.internal.learning;

import java.util.List;

/** The first rows of a file, read as the admin chose or as detected, to choose the column mapping from. */
public record Preview(String format, String encoding, List<String> header, List<List<String>> rows) {
}
