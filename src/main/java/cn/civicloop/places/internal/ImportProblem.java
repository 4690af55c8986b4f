package cn.civicloop.places.internal;

import cn.civicloop.shared.Phrase;

/**
 * What is wrong with one record of an import file, and where it stands: {@code line N} of a CSV file (line 1 is the
 * header), {@code features[N]} of a GeoJSON file (counted from 0, as in the file's array), or {@code file}.
 */
record ImportProblem(String where, Phrase reason) {
}
