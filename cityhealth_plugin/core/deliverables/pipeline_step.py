"""The ``package`` step of the headless assessment: the year's deliverables after the diagnosis.

Importing this module registers ``Step("package", package_step, fatal=False)`` after the
diagnosis step (and after the survey step, which it imports first so that the package sees the
survey's result). The step builds the package into ``run.extras['package_folder']`` (default
``<out>/成果_<year>``) with the run's assessment database, diagnosis inputs and survey analysis;
options come from ``run.extras['package_options']`` (a ``PackageOptions``) when given.
``python -m cityhealth_plugin package`` calls ``build_package`` directly instead.
"""

from dataclasses import replace
from pathlib import Path

from ..i18n import tr
from .package import PackageError, PackageOptions, build_package

STEP_NAME = "package"


def package_folder(run) -> Path:
    folder = run.extras.get("package_folder")
    return Path(folder) if folder else Path(run.out) / f"成果_{int(run.year)}"


def package_step(run) -> None:
    database = run.outputs.get("assessment_db")
    if database is None or not Path(database).is_file():
        run.warn(tr("Package skipped: no assessment database was written."))
        return
    options = run.extras.get("package_options") or PackageOptions()
    options = replace(options, log=lambda text: run.log("  " + text),
                      survey_analysis=options.survey_analysis or run.extras.get("survey_analysis"),
                      catalog_overrides=options.catalog_overrides or tuple(run.catalog_overrides),
                      city=options.city or str(run.extras.get("city") or ""))
    try:
        result = build_package(run.data, run.year, package_folder(run), assessment_db=Path(database), options=options)
    except PackageError as error:
        run.fail(str(error))
        return
    run.outputs["package"] = result.folder
    run.outputs["package_manifest"] = result.manifest
    run.extras["package"] = result


def _register() -> None:
    from ..assessment.pipeline import STEPS, Step, register_step

    try:  # the survey step first, so that the package can use its result
        from ..survey import pipeline_step  # noqa: F401
    except ImportError:  # pragma: no cover - the survey is part of the package
        pass
    names = [step.name for step in STEPS]
    anchor = "survey" if "survey" in names else "diagnosis" if "diagnosis" in names else None
    register_step(Step(STEP_NAME, package_step, fatal=False), after=anchor)


_register()
