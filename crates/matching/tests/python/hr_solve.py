"""Solve a Cohort allocation instance (no ties, no caps) with the `matching`
package (version 1.4.3), for cross-checking cohort-matching.

Reads the instance JSON on stdin and prints {"candidate id": "placement id" | null}.
`matching` cannot take players with empty lists or hospitals with capacity 0,
so those are dropped first; this does not change the resident-optimal
stable matching (such pairs can never be matched).
"""

import json
import sys
import warnings

sys.setrecursionlimit(1_000_000)
warnings.simplefilter("ignore")

from matching.games import HospitalResident  # noqa: E402


def main():
    instance = json.load(sys.stdin)
    capacities = {p["id"]: int(p["capacity"]) for p in instance["placements"]}
    rankings = {}
    for p in instance["placements"]:
        for entry in p["ranking"]:
            if isinstance(entry, list):
                sys.exit("hr_solve.py: tie groups are not supported")
        rankings[p["id"]] = list(p["ranking"])
    if instance.get("nationality_caps"):
        sys.exit("hr_solve.py: nationality caps are not supported")
    # A pair is acceptable only when each side lists the other.
    listed = {p: set(r) for p, r in rankings.items()}
    resident_prefs = {}
    for c in instance["candidates"]:
        prefs = [p for p in c["preferences"] if capacities[p] > 0 and c["id"] in listed[p]]
        if prefs:
            resident_prefs[c["id"]] = prefs
    wanted = {}
    for c, prefs in resident_prefs.items():
        for p in prefs:
            wanted.setdefault(p, set()).add(c)
    hospital_prefs = {}
    for p, ranking in rankings.items():
        kept = [c for c in ranking if c in wanted.get(p, ())]
        if kept and capacities[p] > 0:
            hospital_prefs[p] = kept
    assignment = {c["id"]: None for c in instance["candidates"]}
    if resident_prefs:
        game = HospitalResident.create_from_dictionaries(
            resident_prefs, hospital_prefs, {p: capacities[p] for p in hospital_prefs}
        )
        for hospital, residents in game.solve(optimal="resident").items():
            for resident in residents:
                assignment[resident.name] = hospital.name
    json.dump(assignment, sys.stdout)


if __name__ == "__main__":
    main()
