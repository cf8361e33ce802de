#!/usr/bin/python3
"""The textbook recipe the engine is compared with (scripts/bench-outline.sh): decode the file's
bytes, grey, Otsu, the largest external contour. One thread. Prints, per file: name, median ms,
minimum ms. Usage: outline_recipe.py [--handshake] WARMUP RUNS FILE... (--handshake: as OutlineBench,
WARM and MEASURED printed around the measured runs, each waiting for a line on stdin.)"""
import os
import sys
import time

import cv2
import numpy as np

cv2.setNumThreads(1)


def recipe(data):
    image = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_COLOR)
    grey = cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)
    _, binary = cv2.threshold(grey, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    contours, _ = cv2.findContours(binary, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_NONE)
    return max(contours, key=cv2.contourArea)


def await_go(stage):
    print(stage, flush=True)
    sys.stdin.readline()


def main():
    args = sys.argv[1:]
    handshake = args[0] == "--handshake"
    args = args[1:] if handshake else args
    warmup, runs = int(args[0]), int(args[1])
    for path in args[2:]:
        with open(path, "rb") as f:
            data = f.read()
        for _ in range(warmup):
            recipe(data)
        if handshake:
            await_go("WARM")
        times = []
        for _ in range(runs):
            t0 = time.perf_counter_ns()
            recipe(data)
            times.append(time.perf_counter_ns() - t0)
        if handshake:
            await_go("MEASURED")
        times.sort()
        print("%s %.2f %.2f" % (os.path.basename(path), times[runs // 2] / 1e6, times[0] / 1e6))


if __name__ == "__main__":
    main()
