package cn.civicloop.places.internal;

import cn.civicloop.shared.Phrase;

/** What is wrong with one line of an import file (line 1 is the header). */
record ImportProblem(int line, Phrase reason) {
}
