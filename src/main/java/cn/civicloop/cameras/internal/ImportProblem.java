package cn.civicloop.cameras.internal;

import cn.civicloop.shared.Phrase;

/** What is wrong where in an import file: {@code where} is {@code line N} (CSV) or {@code feature N} (GeoJSON). */
record ImportProblem(String where, Phrase reason) {
}
