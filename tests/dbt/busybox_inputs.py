#!/usr/bin/env python3
"""Writes the deterministic inputs of the busybox tests and benchmark.

usage: busybox_inputs.py DIR          small test inputs (text, numbers, binary, xz)
       busybox_inputs.py --random N F N bytes of seeded pseudo-random data
       busybox_inputs.py --text N F   N bytes of seeded word text (compressible)
"""
import lzma
import os
import random
import sys

WORDS = ("alpha bravo charlie delta echo foxtrot golf hotel india juliet "
         "kilo lima mike november oscar papa quebec romeo sierra tango "
         "uniform victor whiskey xray yankee zulu armvisor translator "
         "guest host page fault block chain flag carry overflow").split()


def text(rng, nbytes):
    out, size = [], 0
    while size < nbytes:
        n = rng.randrange(3, 14)
        line = " ".join(rng.choice(WORDS) for _ in range(n))
        if rng.randrange(4) == 0:
            line += " %d" % rng.randrange(-100000, 100000)
        out.append(line)
        size += len(line) + 1
    return ("\n".join(out) + "\n").encode()[:nbytes]


def small(d):
    rng = random.Random(20240601)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, "text.txt"), "wb") as f:
        f.write(text(rng, 200000))
    with open(os.path.join(d, "nums.txt"), "w") as f:
        for _ in range(5000):
            f.write("%d %d %.3f %s\n" % (rng.randrange(1000),
                                         rng.randrange(-10**9, 10**9),
                                         rng.uniform(-1e4, 1e4),
                                         rng.choice(WORDS)))
    with open(os.path.join(d, "passwd.txt"), "w") as f:
        for i in range(300):
            f.write("%s%d:x:%d:%d:%s user:/home/%s%d:/bin/sh\n" %
                    (rng.choice(WORDS), i, 1000 + i, 100 + i % 7,
                     rng.choice(WORDS), rng.choice(WORDS), i))
    with open(os.path.join(d, "nums.txt"), "rb") as f, \
            open(os.path.join(d, "nums.txt.xz"), "wb") as g:
        g.write(lzma.compress(f.read(), format=lzma.FORMAT_XZ,
                              check=lzma.CHECK_CRC32))
    with open(os.path.join(d, "data.bin"), "wb") as f:
        f.write(rng.randbytes(300000))
    tree = os.path.join(d, "tree", "sub")
    os.makedirs(tree, exist_ok=True)
    for i in range(6):
        with open(os.path.join(tree if i % 2 else os.path.dirname(tree),
                               "file%d.txt" % i), "wb") as f:
            f.write(text(rng, 3000 * (i + 1)))


def main():
    if len(sys.argv) == 4 and sys.argv[1] in ("--random", "--text"):
        n, path = int(sys.argv[2]), sys.argv[3]
        rng = random.Random(n)
        data = rng.randbytes(n) if sys.argv[1] == "--random" else text(rng, n)
        with open(path + ".tmp", "wb") as f:
            f.write(data)
        os.replace(path + ".tmp", path)
    elif len(sys.argv) == 2:
        small(sys.argv[1])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
