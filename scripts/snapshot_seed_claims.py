"""Write tests/fixtures/claims/seeds.json: the claims extracted from seeds/, which the comparison tests use
without loading spaCy. Run it after a change to extraction; tests/test_end_to_end.py checks it is current."""

import json
from pathlib import Path

import claimtrack

ROOT = Path(__file__).resolve().parent.parent
SNAPSHOT = ROOT / "tests" / "fixtures" / "claims" / "seeds.json"


def seed_claims_json() -> str:
    claims = claimtrack.extract(claimtrack.load([str(ROOT / "seeds")]).articles)
    return json.dumps([c.model_dump(exclude_defaults=True) for c in claims], indent=1, ensure_ascii=False) + "\n"


if __name__ == "__main__":
    SNAPSHOT.write_text(seed_claims_json(), encoding="utf-8")
    print(f"written: {SNAPSHOT}")
