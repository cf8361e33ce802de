#!/usr/bin/python3
"""Instructions of the measured part of a benchmark, under callgrind: the command (OutlineBench or
outline_recipe.py with --handshake) runs uninstrumented through its warm-up, prints WARM, and waits;
instrumentation is switched on, the measured runs go, it prints MEASURED and waits; the counters are
dumped. Prints the instructions of the measured runs. Usage: callgrind_count.py OUT_DIR COMMAND..."""
import glob
import os
import subprocess
import sys
import time


def control(*args):
    subprocess.run(["callgrind_control", *args], check=True, stdout=subprocess.DEVNULL)


def main():
    out_dir = sys.argv[1]
    os.makedirs(out_dir, exist_ok=True)
    for old in glob.glob(os.path.join(out_dir, "callgrind.out*")):
        os.remove(old)
    command = ["valgrind", "--tool=callgrind", "--instr-atstart=no",
               "--callgrind-out-file=" + os.path.join(out_dir, "callgrind.out.%p"), *sys.argv[2:]]
    p = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                         text=True)
    pid = str(p.pid)
    for line in p.stdout:
        line = line.strip()
        if line == "WARM":
            control("-i", "on", pid)
            control("-z", pid)
            p.stdin.write("\n")
            p.stdin.flush()
        elif line == "MEASURED":
            control("-d", "measured", pid)
            control("-i", "off", pid)
            p.stdin.write("\n")
            p.stdin.flush()
        else:
            print(line, file=sys.stderr)
    p.wait()
    time.sleep(0.2)
    for dump in sorted(glob.glob(os.path.join(out_dir, "callgrind.out.%s.*" % pid))):
        with open(dump) as f:
            text = f.read()
        if "measured" in text.split("\nevents:")[0]:
            for line in text.splitlines():
                if line.startswith("summary:") or line.startswith("totals:"):
                    print(line.split()[1])
                    return
    sys.exit("no dump of the measured part found in " + out_dir)


if __name__ == "__main__":
    main()
