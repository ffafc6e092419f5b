"""How close the team's intent training rows come to the messages that score the model.

For each row of the team's two files in src/EcomOrleans.Training/Intent/Data (shopper-phrasings.csv, out-of-scope.csv),
the largest overlap with a challenge-set message (tests/data/intent-challenge.csv) or a message a test checks
(CommittedIntentEncoderModelTests.cs), as intersection over union of their distinct lower-case words. Rows at 0.6 or
more were removed when the files were written; this prints how many are left at that level (0) and the largest
overlap, never the messages themselves.

    python3 docs/experiments/intent-extra-overlap.py
"""
import csv
import re

THRESHOLD = 0.6


def words(text):
    return set(re.findall(r"[a-z']+", text.lower()))


def overlap(a, b):
    return len(a & b) / max(1, len(a | b))


scored = [words(r["message"]) for r in csv.DictReader(open("tests/data/intent-challenge.csv", encoding="utf-8"))]
test_file = open("tests/EcomOrleans.Training.Tests/Intent/CommittedIntentEncoderModelTests.cs", encoding="utf-8").read()
scored += [words(m) for m in re.findall(r'InlineData\("([^"]+)"', test_file)]

for name in ["shopper-phrasings.csv", "out-of-scope.csv"]:
    rows = list(csv.DictReader(open(f"src/EcomOrleans.Training/Intent/Data/{name}", encoding="utf-8")))
    largest = [max(overlap(words(r["utterance"]), s) for s in scored) for r in rows]
    print(f"{name}: {len(rows)} rows; {sum(v >= THRESHOLD for v in largest)} at an overlap of {THRESHOLD} or more; largest {max(largest):.2f}")
