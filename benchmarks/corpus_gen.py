"""A synthetic corpus for benchmarks: copies of the bundled transcript with perturbed numbers and names.

Each copy keeps the layout and wording but changes every digit run (same number of digits, so
formats such as "3,460" and "0.2" survive), renames the officials, the chair and the outlets, and moves
the date, so no two briefings are alike and caches cannot make repeated parsing look cheap.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

from briefing.paths import bundled_transcript
from briefing.text import read_text

SURNAMES = "Li Wang Zhang Liu Chen Yang Zhao Huang Zhou Wu Xu Sun Hu Zhu Gao Lin He Guo Ma Luo".split()  # noqa: SIM905
GIVEN = "Wei Fang Min Jing Lei Qiang Yan Jun Hui Ping Hong Xia Bin Tao Ning Yu Kun Rui Qing Hao".split()  # noqa: SIM905
OUTLETS = [
    "Xinhua News Agency", "China Daily", "Economic Daily", "CGTN", "Guangming Daily", "Caixin",
    "China News Service", "Bloomberg", "Reuters", "The Paper", "Jiemian News", "Red Star News",
]  # fmt: skip
NAMES = ["Zhao Zhiguo", "Tao Qing", "Xing Huina"]
MEDIA = ["CCTV", "The Poster News APP", "Cover News", "People's Posts and Telecommunications News",
         "Nanfang Metropolis Daily", "Hong Kong Bauhinia Magazine", "Phoenix TV", "Yicai",
         "21st Century Business Herald", "China Electronics News"]  # fmt: skip
_DIGITS = re.compile(r"\d+")


def perturb(text: str, rng: random.Random) -> str:
    people = {n: f"{rng.choice(SURNAMES)} {rng.choice(GIVEN)}{rng.choice(GIVEN).lower()}" for n in NAMES}
    for old, new in people.items():
        text = text.replace(old, new)
    for old in MEDIA:
        text = text.replace(old + ":", rng.choice(OUTLETS) + ":")

    def digits(m: re.Match[str]) -> str:
        s = m.group()
        if len(s) == 4 and s.startswith("20"):  # years stay years
            return str(rng.randint(2015, 2026))
        first = str(rng.randint(1, 9)) if len(s) > 1 or s != "0" else "0"
        return first + "".join(str(rng.randint(0, 9)) for _ in range(len(s) - 1))

    return _DIGITS.sub(digits, text)


def write_corpus(folder: Path, n: int, seed: int = 20231020) -> list[Path]:
    """Write ``n`` perturbed transcripts into ``folder``; returns their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    base = read_text(bundled_transcript())
    rng = random.Random(seed)
    paths = []
    for k in range(n):
        p = folder / f"{2000 + k % 26}-{1 + k % 12:02d}-{1 + k % 28:02d}-synthetic-{k:04d}.txt"
        p.write_text(perturb(base, rng), encoding="utf-8")
        paths.append(p)
    return paths
