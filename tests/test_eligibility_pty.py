"""The interview on a real pseudo-terminal, typed as a caseworker would: answers, back, Ctrl-C."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.conftest import stopped

pexpect = pytest.importorskip("pexpect")


def answer(child: Any, question: str, typed: str) -> None:
    child.expect_exact(question)
    child.expect_exact("> ")
    child.sendline(typed)


def test_interview_typed_on_a_terminal_with_back_and_a_changed_answer(spawn: Callable[..., Any]) -> None:
    child = spawn("eligibility", "--programme", "legal-aid", "--as-of", "2025-02-01")
    answer(child, "What has the client suffered?", "sexual_violence")
    answer(child, "What is the legal question about?", "back")
    answer(child, "What has the client suffered?", "1")  # domestic violence, by number
    answer(child, "What is the legal question about?", "other")
    answer(child, "compensation for harm?", "4")
    answer(child, "disability group?", "none")
    answer(child, "old-age pensioner?", "NO")
    answer(child, "war veteran?", "3")
    answer(child, "compulsory military service?", "жоқ")
    answer(child, "large family", "нет")
    answer(child, "poverty line", "?")
    answer(child, "related to the client's business", "no")  # asked: income is not known
    answer(child, "How old is the client", "34")
    answer(child, "Kazakh or Russian", "yes")
    answer(child, "physical or mental condition", "no")
    child.expect_exact("Check your answers")
    answer(child, "press Enter to see the outcomes", "9")  # change the income answer
    answer(child, "poverty line", "иә")
    answer(child, "press Enter to see the outcomes", "")
    child.expect_exact("Entitled")
    child.expect_exact("legal-aid.category-2-7.from-2025")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0


def test_ctrl_c_leaves_cleanly_with_exit_130(spawn: Callable[..., Any]) -> None:
    child = spawn("eligibility")
    answer(child, "What has the client suffered?", "domestic_violence")
    child.expect_exact("What is the legal question about?")
    child.expect_exact("> ")
    stopped(child, "Interview stopped. Nothing was saved.", "ctrl-c")


@pytest.mark.parametrize(("lang", "first", "back", "yes"), [
    ("kk", "Клиент неден зардап шекті?", "артқа", "иә"),
    ("ru", "Что пережил клиент?", "назад", "да"),
])
def test_interview_in_kazakh_and_russian(spawn: Callable[..., Any], lang: str, first: str, back: str,
                                         yes: str) -> None:
    child = spawn("--lang", lang, "eligibility", "--programme", "protective-measures")
    answer(child, first, "1")
    child.expect_exact("> ")
    child.sendline(back)
    answer(child, first, "domestic_violence")
    child.expect_exact("> ")
    child.sendline(yes)
    child.expect_exact("> ")
    child.sendline("")
    child.expect_exact("protective-measures.protective-order")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
