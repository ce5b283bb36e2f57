"""``kzsupport referral`` end to end on the hand-made test directory."""

from __future__ import annotations

import io
import itertools
import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from kzsupport.referral import FORMATS
from tests.conftest import MINI, Invoke

SECRETS = ("SECRET street 1", "ҚҰПИЯ көше 1", "СЕКРЕТНАЯ улица 1")
FORBIDDEN = ("crisis", "кризис", "дағдарыс", "violence", "насили", "зорлық", "shelter", "убежищ",
             "баспана", "victim", "жертв", "құрбан")


def test_ids_print_a_text_sheet_to_stdout(invoke: Invoke) -> None:
    result = invoke("referral", "test-semey-centre", "--lang", "ru", data=MINI)
    assert result.exit_code == 0, result.output
    assert "Кризисный центр, Семей" in result.stdout and "112" in result.stdout
    assert result.stderr == ""


def test_type_and_region_choose_services(invoke: Invoke) -> None:
    result = invoke("referral", "--type", "crisis_centre", "--region", "abai", data=MINI)
    assert result.exit_code == 0
    assert "Crisis centre (Semey)" in result.stdout


def test_nothing_chosen_is_a_usage_error(invoke: Invoke) -> None:
    result = invoke("referral", data=MINI)
    assert result.exit_code == 2
    assert "--type" in result.stderr


def test_unknown_id_is_an_error_and_writes_nothing(invoke: Invoke, tmp_path: Path) -> None:
    result = invoke("referral", "nope", "--output", str(tmp_path / "s.pdf"), data=MINI)
    assert result.exit_code == 1
    assert "nope" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_unverified_id_is_refused_and_writes_nothing(invoke: Invoke, tmp_path: Path) -> None:
    result = invoke("referral", "test-unverified", "-o", str(tmp_path / "s.html"), data=MINI)
    assert result.exit_code == 1
    assert "not verified" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_pdf_needs_an_output_file(invoke: Invoke) -> None:
    result = invoke("referral", "test-semey-centre", "--format", "pdf", data=MINI)
    assert result.exit_code == 2
    assert result.stdout == ""


def test_pdf_is_written_with_the_client_language(invoke: Invoke, tmp_path: Path) -> None:
    target = tmp_path / "sheet.pdf"
    result = invoke("referral", "test-semey-centre", "--lang", "kk", "--also", "ru",
                    "-o", str(target), data=MINI)
    assert result.exit_code == 0, result.stderr
    assert str(target) in result.stderr and result.stdout == ""
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(target.read_bytes())).pages)
    assert "Дағдарыс орталығы (Семей)" in text and "Кризисный центр, Семей" in text


def test_format_follows_the_output_extension(invoke: Invoke, tmp_path: Path) -> None:
    target = tmp_path / "sheet.html"
    assert invoke("referral", "test-semey-centre", "-o", str(target), data=MINI).exit_code == 0
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_existing_file_is_kept_without_force(invoke: Invoke, tmp_path: Path) -> None:
    target = tmp_path / "sheet.txt"
    target.write_text("keep me", encoding="utf-8")
    result = invoke("referral", "test-semey-centre", "-o", str(target), data=MINI)
    assert result.exit_code == 1 and "--force" in result.stderr
    assert target.read_text(encoding="utf-8") == "keep me"
    again = invoke("referral", "test-semey-centre", "-o", str(target), "--force", data=MINI)
    assert again.exit_code == 0
    assert "Crisis centre (Semey)" in target.read_text(encoding="utf-8")


def test_missing_folder_is_an_error(invoke: Invoke, tmp_path: Path) -> None:
    result = invoke("referral", "test-semey-centre", "-o", str(tmp_path / "no" / "s.md"), data=MINI)
    assert result.exit_code == 1
    assert "does not exist" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_language_not_offered_is_a_usage_error(invoke: Invoke) -> None:
    result = invoke("referral", "test-semey-centre", "--lang", "de", data=MINI)
    assert result.exit_code == 2


def test_errors_follow_the_interface_language(invoke: Invoke) -> None:
    result = invoke("--lang", "ru", "referral", "test-unverified", data=MINI)
    assert result.exit_code == 1
    assert "Служба test-unverified ещё не проверена" in result.stderr


@pytest.fixture
def every_file(invoke: Invoke, tmp_path: Path) -> list[Path]:
    """Every format, plain and discreet, in two language pairs, written by the command."""
    for fmt, discreet, langs in itertools.product(
        FORMATS, (False, True), (("kk", "ru"), ("en", "ru"))
    ):
        name = "{}-{}-{}.{}".format(*langs, "discreet" if discreet else "plain", fmt)
        args = ["referral", "test-semey-centre", "test-150", "--lang", langs[0], "--also",
                langs[1], "-o", str(tmp_path / name)] + (["--discreet"] if discreet else [])
        if discreet:  # a discreet card needs a number to call: the Semey centre has none
            args.remove("test-semey-centre")
        result = invoke(*args, data=MINI)
        assert result.exit_code == 0, result.stderr
    return sorted(tmp_path.iterdir())


def _text(path: Path) -> str:
    if path.suffix == ".pdf":
        pages = PdfReader(io.BytesIO(path.read_bytes())).pages
        return "\n".join(p.extract_text() for p in pages)
    return path.read_text(encoding="utf-8")


def test_no_file_carries_a_confidential_address(every_file: list[Path]) -> None:
    assert len(every_file) == 16
    for path in every_file:
        content, raw = _text(path), path.read_bytes()
        for secret in SECRETS:
            assert secret not in content and secret.encode() not in raw, path.name


def test_no_discreet_file_carries_a_revealing_word(every_file: list[Path]) -> None:
    for path in every_file:
        if "discreet" in path.name:
            content = _text(path).casefold()
            assert [w for w in FORBIDDEN if w in content] == [], path.name


def test_discreet_card_refuses_a_service_with_nothing_to_call(invoke: Invoke) -> None:
    result = invoke("referral", "test-semey-centre", "--discreet", data=MINI)
    assert result.exit_code == 1
    assert "phone" in result.stderr


def test_test_directory_really_plants_a_confidential_address() -> None:
    raw = json.loads(MINI.read_text(encoding="utf-8"))
    texts = [s["address"]["text"] for s in raw["services"].values()
             if s.get("address") and s["address"]["confidential"]]
    assert {t["en"] for t in texts} == {SECRETS[0]}


def test_sheet_language_is_not_the_interface_language(invoke: Invoke, tmp_path: Path) -> None:
    target = tmp_path / "s.txt"
    result = invoke("--lang", "ru", "referral", "test-150", "--lang", "kk", "-o", str(target),
                    data=MINI)
    assert result.exit_code == 0
    assert "Лист записан" in result.stderr
    assert "Көмекке қайда жүгінуге болады" in target.read_text(encoding="utf-8")


def test_sheet_language_alone_leaves_the_interface_in_english(invoke: Invoke) -> None:
    result = invoke("referral", "test-unverified", "--lang", "ru", data=MINI)
    assert result.exit_code == 1
    assert "is not verified yet" in result.stderr


def test_near_puts_the_nearest_services_on_the_sheet(invoke: Invoke) -> None:
    result = invoke("referral", "--near", "Семипалатинск", "--lang", "ru", data=MINI)
    assert result.exit_code == 0, result.stderr
    body = result.stdout.split("Общенациональные номера")[0]
    assert body.index("Кризисный центр, Семей") < body.index("Фонд")
    assert "Semey" in result.stderr  # how the place was understood, in the interface language


def test_near_a_place_that_does_not_resolve_is_an_error(invoke: Invoke, tmp_path: Path) -> None:
    result = invoke("referral", "--near", "Qwzxqq", "-o", str(tmp_path / "s.pdf"), data=MINI)
    assert result.exit_code == 1
    assert "Qwzxqq" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_near_an_ambiguous_place_asks_for_its_region(invoke: Invoke) -> None:
    result = invoke("referral", "--near", "Актау", data=MINI)
    assert result.exit_code == 1 and "--region" in result.stderr
    assert invoke("referral", "--near", "Актау", "--region", "mangystau", data=MINI).exit_code == 0


def test_near_on_a_discreet_card_passes_over_services_with_nothing_to_call(invoke: Invoke) -> None:
    result = invoke("referral", "--near", "50.41,80.25", "--discreet", data=MINI)
    assert result.exit_code == 0, result.stderr
    assert "+7 727 200 00 00" in result.stdout  # an English sheet: with the country code


@pytest.fixture
def answers(tmp_path: Path) -> Path:
    path = tmp_path / "answers.json"
    path.write_text(json.dumps({"victim_of": "sexual_violence", "age": 30}), encoding="utf-8")
    return path


def test_eligibility_outcomes_go_on_the_sheet(invoke: Invoke, answers: Path) -> None:
    result = invoke("referral", "test-150", "--eligibility", str(answers), "--lang", "ru",
                    "--format", "md", data=MINI)
    assert result.exit_code == 0, result.stderr
    assert "На что вы можете иметь право" in result.stdout and "176-VI" in result.stdout


def test_eligibility_on_a_discreet_card_is_a_usage_error(invoke: Invoke, answers: Path) -> None:
    out = answers.parent / "card.txt"
    result = invoke("referral", "test-150", "--eligibility", str(answers), "--discreet",
                    "-o", str(out), data=MINI)
    assert result.exit_code == 2 and "--discreet" in result.stderr
    assert not out.exists()


@pytest.mark.parametrize("content", [None, "{not json", '{"age": "two hundred"}'])
def test_a_bad_answers_file_is_a_usage_error(invoke: Invoke, tmp_path: Path,
                                             content: str | None) -> None:
    path = tmp_path / "answers.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    result = invoke("referral", "test-150", "--eligibility", str(path), "-o",
                    str(tmp_path / "s.pdf"), data=MINI)
    assert result.exit_code == 2
    assert "answers" in result.stderr or "age" in result.stderr
    assert not (tmp_path / "s.pdf").exists()


def test_discreet_card_says_nearby_services_have_no_phone(invoke: Invoke) -> None:
    result = invoke("referral", "--near", "Семей", "--discreet", "--limit", "1", data=MINI)
    assert result.exit_code == 0, result.stderr  # the national lines are still worth a card
    assert ("1 service near Semey has no verified phone number yet, so the card lists only the "
            "national lines.") in " ".join(result.stderr.split())
    assert "No service matches" not in result.stderr
    assert "112" in result.stdout


def test_discreet_card_by_type_says_matching_services_have_no_phone(invoke: Invoke) -> None:
    """Not "widen the search": the service is there, it only has no number for the card."""
    result = invoke("referral", "--type", "crisis_centre", "--region", "abai", "--discreet", data=MINI)
    assert result.exit_code == 0, result.stderr
    assert ("1 service matches but has no verified phone number yet, so the card lists only the "
            "national lines.") in " ".join(result.stderr.split())
    assert "Widen the search" not in result.stderr


def test_output_dash_is_standard_output_not_a_file(invoke: Invoke, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    text = invoke("referral", "test-semey-centre", "-o", "-", data=MINI)
    assert text.exit_code == 0, text.stderr
    assert "Crisis centre (Semey)" in text.stdout
    pdf = invoke("referral", "test-semey-centre", "-o", "-", "--format", "pdf", data=MINI)
    assert pdf.exit_code == 0, pdf.stderr
    assert pdf.stdout_bytes.startswith(b"%PDF")
    assert list(tmp_path.iterdir()) == []


def test_discreet_card_says_which_nearby_services_were_left_off(invoke: Invoke) -> None:
    result = invoke("referral", "--near", "Семей", "--discreet", data=MINI)
    assert result.exit_code == 0, result.stderr
    assert "1 service near Semey has no verified phone number yet, so it is left off the card." in (
        " ".join(result.stderr.split()))


def test_no_phone_message_follows_the_interface_language(invoke: Invoke) -> None:
    result = invoke("--lang", "ru", "referral", "--near", "Семей", "--discreet", "--limit", "1",
                    data=MINI)
    assert "у 1 ближайшей службы пока нет проверенного номера" in " ".join(result.stderr.split())


def test_near_sheet_shows_each_service_town_and_distance(invoke: Invoke) -> None:
    result = invoke("referral", "--near", "Семей", "--lang", "ru", data=MINI)
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert "Расстояния по прямой отсчитаны от: Семей" in out
    assert "Расстояние: Семей, в том же населённом пункте" in out
    assert "Расстояние: Алматы, около" in out
    assert "No service matches" not in result.stderr


def test_sheet_from_ids_shows_no_distance(invoke: Invoke) -> None:
    result = invoke("referral", "test-markup", "--lang", "ru", data=MINI)
    assert "Расстояни" not in result.stdout


def test_near_sheet_with_nothing_in_the_client_region_says_so(invoke: Invoke) -> None:
    result = invoke("referral", "--near", "Семей", "--type", "ngo", "--lang", "ru", data=MINI)
    assert result.exit_code == 0, result.stderr
    assert "В вашем регионе (область Абай) ни одного из этих контактов нет" in result.stdout


def test_near_sheet_with_a_local_service_has_no_elsewhere_note(invoke: Invoke) -> None:
    result = invoke("referral", "--near", "Семей", "--lang", "ru", data=MINI)
    assert "В вашем регионе" not in result.stdout


def test_coordinates_are_not_printed_on_a_near_sheet(invoke: Invoke) -> None:
    result = invoke("referral", "--near", "50.41,80.25", "--lang", "ru", data=MINI)
    assert result.exit_code == 0, result.stderr
    assert "50.41" not in result.stdout and "отсчитаны от: Семей" in result.stdout


@pytest.mark.parametrize("name", ["sheet.docx", "sheet.odt", "sheet.pdf.bak"])
def test_an_output_extension_that_is_no_format_is_refused(invoke: Invoke, tmp_path: Path,
                                                          name: str) -> None:
    result = invoke("referral", "test-150", "-o", str(tmp_path / name), data=MINI)
    assert result.exit_code == 2
    assert ".pdf, .html, .md, .txt" in result.stderr and name in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_an_unknown_extension_is_written_when_the_format_is_given(invoke: Invoke,
                                                                  tmp_path: Path) -> None:
    result = invoke("referral", "test-150", "--format", "txt", "-o", str(tmp_path / "s.log"),
                    data=MINI)
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "s.log").read_text(encoding="utf-8").startswith("Where to get help")


def test_an_extension_naming_another_format_is_refused(invoke: Invoke, tmp_path: Path) -> None:
    result = invoke("referral", "test-150", "--format", "txt", "-o", str(tmp_path / "s.pdf"),
                    data=MINI)
    assert result.exit_code == 2 and "s.pdf" in result.stderr and "--format" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_an_output_file_without_extension_is_plain_text(invoke: Invoke, tmp_path: Path) -> None:
    result = invoke("referral", "test-150", "-o", str(tmp_path / "sheet"), data=MINI)
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "sheet").read_text(encoding="utf-8").startswith("Where to get help")


def test_refused_extension_message_is_translated(invoke: Invoke, tmp_path: Path) -> None:
    result = invoke("--lang", "kk", "referral", "test-150", "-o", str(tmp_path / "s.docx"),
                    data=MINI)
    assert result.exit_code == 2 and "пішімдерінде сақталады" in result.stderr


def test_a_long_first_entry_flows_on_from_its_heading_instead_of_leaving_it_alone(
    invoke: Invoke, tmp_path: Path
) -> None:
    """In large print the 150 entry nearly fills a page: moved whole to page 2, it left page 1 with
    the title and the "Services" heading over blank paper."""
    out = tmp_path / "large.pdf"
    args = ("referral", "kz-national-150", "kz-national-111", "--lang", "kk", "--large-print", "-o", str(out))
    assert invoke(*args).exit_code == 0  # the bundled records
    first_page = PdfReader(io.BytesIO(out.read_bytes())).pages[0].extract_text()
    assert "WhatsApp" in first_page  # the entry's numbers start on the page of its heading


def test_ctrl_c_while_a_sheet_is_made_stops_with_one_line_and_writes_nothing(
    invoke: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(*_args: object) -> bytes:
        raise KeyboardInterrupt

    monkeypatch.setattr("kzsupport.cli.referral.render", interrupted)
    result = invoke("--lang", "ru", "referral", "test-semey-centre", "-o", str(tmp_path / "s.pdf"),
                    data=MINI)
    assert result.exit_code == 130
    assert result.stderr.strip() == "Остановлено."
    assert list(tmp_path.iterdir()) == []
