"""Benchmark of the satisfaction-survey analysis (core/survey): figures only, no asserts.

Scales: small = 3 400 questionnaires (one year's survey), city = 20 000, xiamen = 100 000.
"""

import tempfile
import time
from pathlib import Path

SIZES = {"small": 3400, "city": 20000, "xiamen": 100000}


def run(scale: str = "small") -> None:
    from cityhealth_plugin.core.survey import (ScreeningRules, SurveyOptions, analyse_survey, import_questionnaires,
                                               prepare_responses, report_tables)
    from cityhealth_plugin.core.survey.demo import (XIAMEN_DISTRICTS, demo_objective_indicators, demo_population_margins,
                                                    generate_demo_survey, save_questionnaires, xiamen_district_polygons)

    n = SIZES.get(scale, 3400)
    factor = n / 3400
    t = time.perf_counter()
    demo = generate_demo_survey(n=n, seed=2024, n_incomplete=int(60 * factor), n_straight=int(50 * factor),
                                n_fast=int(70 * factor), n_duplicate_id=int(20 * factor),
                                n_duplicate_answers=int(20 * factor), n_outside=int(30 * factor))
    print(f"generate {n} questionnaires: {time.perf_counter() - t:.2f} s")
    with tempfile.TemporaryDirectory() as folder:
        csv = save_questionnaires(demo.frame, Path(folder) / "survey.csv", encoding="gbk")
        t = time.perf_counter()
        data = import_questionnaires(csv, demo.mapping)
        print(f"import GBK csv ({csv.stat().st_size / 1e6:.1f} MB): {time.perf_counter() - t:.2f} s")
    data = prepare_responses(demo.frame, demo.mapping)
    options = SurveyOptions(margins=demo_population_margins(), rules=ScreeningRules(known_districts=XIAMEN_DISTRICTS), bootstrap=1000)
    stages = []
    t = time.perf_counter()
    result = analyse_survey(data, options, xiamen_district_polygons(), demo_objective_indicators(),
                            progress=lambda p, m: stages.append((m, time.perf_counter())))
    total = time.perf_counter() - t
    for (message, started), (_, ended) in zip(stages, stages[1:]):
        print(f"  {message}: {ended - started:.2f} s")
    print(f"analyse (screen, balance, rake, scores + 1000 bootstrap, concerns, gap): {total:.2f} s; "
          f"valid {result.screening.valid_count}, raking iterations {result.weighting.iterations}, "
          f"effective n {result.weighting.effective_n:.0f}")
    t = time.perf_counter()
    report_tables(result)
    print(f"report tables: {time.perf_counter() - t:.2f} s")


if __name__ == "__main__":
    import sys

    run(sys.argv[1] if len(sys.argv) > 1 else "small")
