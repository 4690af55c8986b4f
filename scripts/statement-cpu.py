#!/usr/bin/env python3
"""CPU time of the PostgreSQL backend for each statement of the files given, median of three runs.

Usage: scripts/statement-cpu.py DATABASE FILE.sql...   (psql on 127.0.0.1 as postgres; each file one statement)

The backend's user and system time (/proc/<pg_backend_pid()>/stat) around the statement, with parallel workers
and JIT off: on a machine other builds load, wall-clock times move with the load average while this CPU time does
not (the server must run on this machine). The output is discarded; the load average is printed after.
"""
import os
import subprocess
import sys
import time


def main(database, files):
    for name in files:
        sql = open(name).read().strip().rstrip(';')
        psql = subprocess.Popen(['psql', '-h', '127.0.0.1', '-U', 'postgres', '-d', database, '-At', '-q'],
                                stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, bufsize=1)

        def run(statement):
            psql.stdin.write(statement + ";\n\\echo __END__\n")
            psql.stdin.flush()
            lines = []
            while True:
                line = psql.stdout.readline()
                if line.strip() == '__END__' or line == '':
                    return lines
                lines.append(line)

        pid = int(run('select pg_backend_pid()')[0])
        run('set jit = off')
        run('set max_parallel_workers_per_gather = 0')
        psql.stdin.write('\\o /dev/null\n')
        ticks = os.sysconf('SC_CLK_TCK')

        def cpu():
            fields = open(f'/proc/{pid}/stat').read().rsplit(')', 1)[1].split()
            return (int(fields[11]) + int(fields[12])) / ticks

        runs = []
        for _ in range(3):
            c0, t0 = cpu(), time.time()
            run(sql)
            runs.append((cpu() - c0, time.time() - t0))
        psql.stdin.close()
        psql.wait()
        cpus = sorted(r[0] for r in runs)
        walls = sorted(r[1] for r in runs)
        print(f'{name}: CPU {cpus[1] * 1000:.0f} ms, wall {walls[1] * 1000:.0f} ms (median of 3)')
    print(open('/proc/loadavg').read().strip())


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2:])
