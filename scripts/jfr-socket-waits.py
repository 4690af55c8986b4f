#!/usr/bin/env python3
"""Sums the request threads' socket reads of a flight recording by what waited for them.

    jfr print --stack-depth 80 --events jdk.SocketRead x.jfr > reads.txt
    python3 scripts/jfr-socket-waits.py reads.txt

Prints seconds and reads per kind: the page session's read (Spring Session's findById), its write (update, begin,
commit of JdbcSession.save), the overview's figures, everything else.
"""
import collections
import re
import sys


def kind(frames):
    if any('JdbcSession.save' in f for f in frames):
        if any('lambda$save$8' in f for f in frames):
            return 'session write: update'
        if any('processCommit' in f for f in frames):
            return 'session write: commit'
        return 'session write: other'
    if any('JdbcIndexedSessionRepository.findById' in f for f in frames):
        return 'session read'
    if any('DashboardFigures' in f for f in frames):
        return 'figures'
    return 'other'


def main(path):
    seconds, reads = collections.Counter(), collections.Counter()
    for event in open(path, encoding='utf-8').read().split('jdk.SocketRead')[1:]:
        thread = re.search(r'eventThread = "([^"]*)"', event)
        if not thread or 'http-nio' not in thread.group(1):
            continue
        took = re.search(r'duration = ([\d.]+) (ms|s)\b', event)
        ms = float(took.group(1)) * (1000 if took.group(2) == 's' else 1) if took else 0
        k = kind(re.findall(r'^\s+([\w$.<>/]+)\(', event, re.M))
        seconds[k] += ms / 1000
        reads[k] += 1
    for k, s in seconds.most_common():
        print(f'{k:28} {s:8.1f} s {reads[k]:7d} reads')


if __name__ == '__main__':
    main(sys.argv[1])
