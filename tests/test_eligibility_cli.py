"""``kzsupport eligibility`` and ``kzsupport rules``: answers given, JSON, languages, bad input, interview."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

Invoke = Callable[..., Result]

DV_ADULT = ["-a", "victim_of=domestic_violence", "-a", "matter=other", "-a", "seeking=other",
            "-a", "disability_group=none", "-a", "pensioner=no", "-a", "veteran=none",
            "-a", "conscript=no", "-a", "large_family=no", "-a", "low_income=no", "-a", "age=30",
            "-a", "speaks_court_language=yes", "-a", "unable_to_self_represent=no",
            "-a", "citizen=yes", "-a", "aggressor_16_or_over=yes"]


def test_answers_give_outcomes_with_citations_and_next_steps(invoke: Invoke) -> None:
    result = invoke("eligibility", *DV_ADULT, "--as-of", "2025-01-10")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "Not entitled" in out and "Entitled" in out
    assert "Law \"On Advocacy and Legal Assistance\"" in out
    assert "111" in out and "150" in out and "119" in out
    assert "NOT VERIFIED" in out
    assert "Next steps:" in out
    assert result.stderr == ""


def test_a_rule_that_does_not_hold_yet_is_not_marked_entitled(invoke: Invoke) -> None:
    """Under "Depends", the rules that could decide it are explained, each as conditional."""
    result = invoke("eligibility", "-a", "victim_of=domestic_violence", "-a", "matter=other",
                    "-a", "low_income=unknown", "--programme", "legal-aid", "--as-of", "2026-11-24",
                    env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "State-guaranteed (free) legal assistance: Depends" in out
    assert "[Entitled, if it applies]" in out
    assert "[Entitled]" not in out


def test_json_lists_outcome_rule_ids_citation_and_missing_facts(invoke: Invoke) -> None:
    result = invoke("eligibility", "-a", "victim_of=domestic_violence", "-a", "low_income=?",
                    "--as-of", "2024-06-16", "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["as_of"] == "2024-06-16"
    assert data["answers"] == {"victim_of": ["domestic_violence"], "low_income": "unknown"}
    programmes = {p["programme"]: p for p in data["programmes"]}
    assert set(programmes) == {"legal-aid", "special-social-services", "protective-measures"}
    legal = programmes["legal-aid"]
    assert legal["outcome"] == "depends"
    assert "low_income" in legal["missing_facts"] and "matter" in legal["missing_facts"]
    assert "legal-aid.category-2-7.from-2023-07" in legal["rule_ids"]
    protective = programmes["protective-measures"]
    assert protective["outcome"] == "eligible"
    assert "protective-measures.2024-law" in protective["rule_ids"]
    citation = protective["citations"][0]
    assert {"act", "number", "date", "article", "url", "confidence", "verified"} <= set(citation)


def test_answers_file_and_programme_filter(invoke: Invoke, tmp_path: Path) -> None:
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps({"victim_of": ["trafficking"], "age": 12, "citizen": False}),
                       encoding="utf-8")
    result = invoke("eligibility", "--answers", str(answers), "--programme",
                    "special-social-services", "--format", "json", "--as-of", "2023-07-01")
    assert result.exit_code == 0
    (only,) = json.loads(result.stdout)["programmes"]
    assert only["programme"] == "special-social-services"
    assert only["outcome"] == "eligible" and only["rule_ids"] == ["sss.trafficking"]


@pytest.mark.parametrize(("as_of", "rule_id"), [
    ("2023-06-30", "sss.ill-treatment.2008-law"), ("2023-07-01", "sss.domestic-violence"),
])
def test_as_of_boundary_of_the_social_code(invoke: Invoke, as_of: str, rule_id: str) -> None:
    result = invoke("eligibility", "-a", "victim_of=domestic_violence", "-a", "citizen=yes",
                    "--programme", "special-social-services", "--as-of", as_of, "--format", "json")
    assert json.loads(result.stdout)["programmes"][0]["rule_ids"] == [rule_id]


@pytest.mark.parametrize(("lang", "words"), [
    ("kk", ("Мемлекет кепілдік берген заң көмегі", "тегін", "111")),
    ("ru", ("Гарантированная государством юридическая помощь", "бесплатн", "111")),
    ("en", ("State-guaranteed (free) legal assistance", "free", "111")),
    ("kk-latn", ("Memleket kepıldık bergen zañ kömegı", "tegın", "111")),
])
def test_outcomes_in_every_language(invoke: Invoke, lang: str, words: tuple[str, ...]) -> None:
    result = invoke("--lang", lang, "eligibility", *DV_ADULT, "--programme", "legal-aid")
    assert result.exit_code == 0
    for word in words:
        assert word in result.stdout


@pytest.mark.parametrize(("lang", "answer"),
                         [("kk", "иә"), ("kk-latn", "iä"), ("kk-latn", "IÄ"), ("ru", "да"), ("en", "yes")])
def test_yes_words_on_the_command_line(invoke: Invoke, lang: str, answer: str) -> None:
    result = invoke("--lang", lang, "eligibility", "-a", "victim_of=none", "-a",
                    f"large_family={answer}", "-a", "business_matter=no", "--format", "json",
                    "--programme", "legal-aid")
    assert "legal-aid.category-2-6" in json.loads(result.stdout)["programmes"][0]["rule_ids"]


@pytest.mark.parametrize(("args", "fragments"), [
    (["-a", "income=low"], ("income", "Valid facts:", "victim_of")),
    (["-a", "pensioner=maybe"], ("pensioner", "Valid values: yes, no")),
    (["-a", "age=150"], ("Impossible age 150", "0 to 120")),
    (["-a", "age"], ("KEY=VALUE",)),
    (["-a", "victim_of=robbery"], ("victim_of", "domestic_violence, sexual_violence")),
    (["--as-of", "16/06/2024", "-a", "age=3"], ("16/06/2024", "YYYY-MM-DD")),
    (["--answers", "/nonexistent/answers.json"], ("/nonexistent/answers.json",)),
])
def test_bad_input_is_a_clear_error_with_exit_2(
    invoke: Invoke, args: list[str], fragments: tuple[str, ...]
) -> None:
    result = invoke("eligibility", *args)
    assert result.exit_code == 2
    assert result.stdout == ""
    for fragment in fragments:
        assert fragment in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("content", ["{broken", "[1, 2]", "{\"age\": \"old\"}"])
def test_malformed_answers_file(invoke: Invoke, tmp_path: Path, content: str) -> None:
    path = tmp_path / "a.json"
    path.write_text(content, encoding="utf-8")
    result = invoke("eligibility", "--answers", str(path))
    assert result.exit_code == 2 and "Error:" in result.stderr and "Traceback" not in result.stderr


def test_bad_input_error_is_translated(invoke: Invoke) -> None:
    result = invoke("--lang", "ru", "eligibility", "-a", "pensioner=может")
    assert result.exit_code == 2
    assert "pensioner" in result.stderr and "Недопустимое значение" in result.stderr


def test_rules_list_marks_unverified_rules(invoke: Invoke) -> None:
    result = invoke("rules", "list", catch=False)
    assert result.exit_code == 0
    assert "legal-aid.category-2-2" in result.stdout and "NOT VERIFIED" in result.stdout


def test_rules_show_gives_the_condition_and_citations(invoke: Invoke) -> None:
    result = invoke("rules", "show", "legal-aid.category-2-7.from-2025", catch=False)
    assert result.exit_code == 0
    assert "low_income" in result.stdout and "business_matter" in result.stdout
    assert "35 per cent of median income" in result.stdout


def test_rules_show_cites_several_articles_as_articles_and_a_whole_act_without_one(
    invoke: Invoke,
) -> None:
    result = invoke("--lang", "en", "rules", "show", "protective-measures.2024-law", catch=False)
    out = " ".join(result.stdout.replace("│", " ").split())
    assert "Criminal Code, No. 226-V of Jul 3, 2014, articles 108-1, 109-1" in out
    assert "articles 71, 271, 272" in out
    assert "No. 72-VIII (number not verified) of Apr 15, 2024 (confidence" in out
    assert "article —" not in out and "article 71" not in out


def test_rules_show_unknown_id(invoke: Invoke) -> None:
    result = invoke("rules", "show", "nope")
    assert result.exit_code == 1 and "nope" in result.stderr


def test_rules_facts_documents_every_key(invoke: Invoke) -> None:
    from kzsupport.eligibility import FACTS

    result = invoke("rules", "facts", catch=False)
    assert result.exit_code == 0
    for f in FACTS:
        assert f.key in result.stdout
    assert "poverty" in result.stdout


def test_police_code_phrase_never_printed(invoke: Invoke) -> None:
    for lang in ("kk", "ru", "en"):
        out = invoke("--lang", lang, "eligibility", *DV_ADULT).stdout.lower()
        assert "антисептик" not in out and "маски" not in out


# The interview through CliRunner (the pseudo-terminal test is in test_eligibility_pty.py) ----------


def test_interview_with_back_and_check_your_answers(invoke: Invoke) -> None:
    typed = "\n".join([
        "domestic_violence",  # victim_of
        "back",  # undo it
        "1",  # victim_of again: domestic violence by its number
        "6",  # matter: other
        "4",  # seeking: something else
        "4", "жоқ", "3", "нет", "no", "no", "no",  # disability ... business not asked
        "30", "yes", "no", "иә", "да",  # age, language, condition, citizen, aggressor 16+
        "",  # check your answers: go on
    ]) + "\n"
    result = invoke("eligibility", "--programme", "legal-aid", "--programme",
                    "special-social-services", "--programme", "protective-measures",
                    input=typed, catch=False)
    assert result.exit_code == 0, result.output
    # asked, asked again after "back", then listed in the summary
    assert result.stdout.count("What has the client suffered?") == 3
    assert "Check your answers" in result.stdout
    assert "Is the legal question related to the client's business" not in result.stdout
    assert "Not entitled" in result.stdout


def test_interview_rejects_a_bad_answer_and_asks_again(invoke: Invoke) -> None:
    typed = "robbery\nnone\n6\n4\n4\nno\n3\nno\nno\nno\n\n"
    result = invoke("eligibility", "--programme", "legal-aid", input=typed, catch=False)
    assert result.exit_code == 0
    assert "Type numbers from 1 to 7 from the list, separated by commas" in result.stderr


def test_interview_end_of_input_stops_cleanly(invoke: Invoke) -> None:
    result = invoke("eligibility", input="1\n")
    assert result.exit_code == 130
    assert "Nothing was saved" in result.stderr


# --near: the nearest services of the kinds the outcomes refer to ------------------------------------

MINI = Path(__file__).parent / "fixtures" / "mini_directory.json"


def test_near_lists_services_of_the_referred_kinds(invoke: Invoke) -> None:
    result = invoke("eligibility", "-a", "victim_of=domestic_violence", "-a", "citizen=yes",
                    "--programme", "special-social-services", "--near", "Семей", data=MINI,
                    catch=False)
    assert result.exit_code == 0
    assert "Nearest services for these outcomes, from Semey" in result.stdout
    assert "test-semey-centre" in result.stdout


def test_near_in_json_is_one_document(invoke: Invoke) -> None:
    result = invoke("eligibility", "-a", "victim_of=domestic_violence", "-a", "citizen=yes",
                    "--programme", "special-social-services", "--near", "Семей",
                    "--format", "json", data=MINI, catch=False)
    data = json.loads(result.stdout)
    assert data["programmes"][0]["outcome"] == "eligible"
    assert data["near"]["region"] == "abai"
    services = [item["service"]["id"] for item in data["near"]["services"]]
    assert services == ["test-semey-centre"]


def test_unknown_place_fails_before_any_question(invoke: Invoke) -> None:
    result = invoke("eligibility", "--near", "Xyzzyville", data=MINI, input="")
    assert result.exit_code == 1
    assert "No place matches Xyzzyville" in result.stderr
    assert "What has the client suffered?" not in result.stdout


def test_interview_with_json_output_keeps_stdout_for_the_json(invoke: Invoke) -> None:
    typed = "none\n6\n4\n4\nno\n3\nno\nno\nno\n\n"
    result = invoke("eligibility", "--programme", "legal-aid", "--format", "json", input=typed,
                    catch=False)
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["programmes"][0]["outcome"] == "not_eligible"
    assert "What has the client suffered?" in result.stderr


def test_rules_show_prints_mirror_links_whole_after_the_panel(
    invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Folded inside the box, a long mirror link could be neither clicked nor copied."""
    monkeypatch.setenv("COLUMNS", "80")
    lines = invoke("rules", "show", "legal-aid.category-2-2").stdout.splitlines()
    mirror = next(line.strip() for line in lines if "github.com" in line)
    assert mirror.startswith("https://") and mirror.endswith(".md")


@pytest.mark.parametrize("lang", ["kk", "kk-latn", "ru", "en"])
def test_the_words_a_prompt_offers_are_accepted(lang: str) -> None:
    """"«iä» nemese «joq» dep jazyñyz": whatever a catalog prints as yes, no or don't know is an
    answer the interview takes."""
    from kzsupport.eligibility import NO_WORDS, UNKNOWN_WORDS, YES_WORDS
    from kzsupport.i18n import translator

    t = translator(lang)
    assert t.gettext("yes").casefold() in YES_WORDS
    assert t.gettext("no").casefold() in NO_WORDS
    assert t.gettext("don't know").casefold() in UNKNOWN_WORDS


# An outcome panel's title: rich's Panel cuts a title to one line of its border ----------------------


def boxed_text(renderable: object, width: int) -> str:
    """What a reader sees inside the box, the lines joined as words."""
    import io

    from rich.console import Console

    console = Console(file=io.StringIO(), width=width, color_system=None)
    console.print(renderable)
    out: str = console.file.getvalue()  # type: ignore[attr-defined]
    return " ".join(out.translate({ord(c): " " for c in "│╭╮╰╯─|+-"}).split())


@pytest.mark.parametrize("width", [40, 52, 60, 80, 120])
@pytest.mark.parametrize("lang", ["kk", "kk-latn", "ru", "en"])
def test_an_outcome_panel_never_cuts_the_programme_or_its_outcome(lang: str, width: int) -> None:
    from kzsupport import eligibility, i18n
    from kzsupport.render_eligibility import outcome_label, outcome_panel

    i18n.activate(lang)
    facts = eligibility.parse_answers([("victim_of", "domestic_violence")])
    for result in eligibility.evaluate(facts):
        for outcome in (*eligibility.OUTCOMES, eligibility.NO_RULES):
            shown = result._replace(outcome=outcome)
            seen = boxed_text(outcome_panel(shown), width)
            whole = " ".join(f"{i18n.text(result.name)}: {outcome_label(outcome)}".split())
            assert whole.translate({ord("-"): " "}) in seen.translate({ord("-"): " "}), (width, seen)


def test_a_rule_id_is_whole_in_a_narrow_terminal() -> None:
    from kzsupport import eligibility
    from kzsupport.render_eligibility import rule_detail

    for rule in eligibility.load_rules().rules:
        assert rule.id.replace("-", " ") in boxed_text(rule_detail(rule), 50).replace("-", " ")


def test_the_outcome_in_russian_at_80_columns_is_whole(invoke: Invoke) -> None:
    result = invoke("--lang", "ru", "eligibility", "-a", "victim_of=domestic_violence",
                    env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.stderr
    seen = " ".join(result.stdout.replace("│", " ").split())
    assert "Гарантированная государством юридическая помощь (бесплатная): Зависит от обстоятельств" in seen
