"""Slip recall and false alarms of the factual rule pack on phrasings of misconceptions.

Each phrasing (a wrong statement or a correct trap, written apart from the rules) is placed as the
answer of a Q&A item in three Markdown dialects (heading + **答案：** label, bold `**Q：**`/`**A：**`
labels, a numbered list question with a nested answer), each in a document of its own (so that no
phrasing's markup changes how another is parsed), linted with the default rule pack. A wrong phrasing counts as caught when a factual finding (FC…) lands on its
answer's lines; a trap counts as a false alarm when one does.

    python bench/claims.py                                    # the newest held-back set (bench/claims/heldback55_*.jsonl)
    python bench/claims.py --set dev                          # the phrasings the rule tests use
    python bench/claims.py --set heldback --by domain -v      # the first held-back sets, per domain, every miss

The held-back phrasings are never used by the rule tests: they measure what the pack does on text
it was not written from. The first held-back sets (heldback_*.jsonl) were measured once and then used
as development material, so they no longer measure generality; so were heldback2_*.jsonl (written later,
by other authors, from the misconception list alone), after they had been measured once, and
heldback3_*.jsonl after its traps were used. heldback4_*.jsonl (four more authors, from the list alone,
never shown to whoever changed the rules) measures recall; its 10 flagged traps were read and their
causes fixed, so its trap figure is a development figure now. The next round of rule work needs new
phrasings again. heldback5_*.jsonl (four more authors) was measured once (0.749) and its misses and
traps then read, so it is development material too. heldback6_*.jsonl (four more authors, 2026-12-01,
told to vary wording and to bury slips in longer paragraphs, from the list alone) was the measure after that:
it was measured once (0.625, 10 traps flagged) and then its misses and traps were read (2026-12-01,
second session), so it is development material too. heldback7_*.jsonl (four more authors, 2026-12-01,
each in a voice of their own: machine-written answer, forum talk, cheat-sheet shorthand, textbook; from
the list alone) was the measure until 2026-12-02 (eighth session), when its misses were read and
used to widen the rules, so it is development material too. heldback8_*.jsonl (four more authors,
2026-12-02, from the list alone, each in a voice of its own: a spoken interview transcript, terse notes
with tables and arrows, a long machine-written answer with the slip inside a subordinate clause, a forum
answer stating slips through consequences and worked examples) is the measure now: measured with the
session's starting code and its final code only; nobody working on the rules has read its phrasings,
its misses or its flagged traps. heldback10_*.jsonl (four more authors, 2026-12-02, thirteenth session, from the
list alone, each in a voice of its own: terse engineer's notes, a flashcard bank of numbered points and 一句话总结, a
practising engineer's configs and logs, a content-mill public-account article) was measured once with the session's
starting code (0.771, 6 traps flagged per dialect) and then its misses and traps were read: it is development material
now; the eighth set's flagged traps were read in the fourteenth session (its phrasings that were caught or missed were
not). heldback11_*.jsonl (four more authors, 2026-12-03, fourteenth session, from the list alone: two wrong phrasings
and one trap per misconception, told to vary structure) was measured with that session's starting and final code
(0.887, 4 traps flagged per dialect); in the fifteenth session its flagged traps and its misses were read, so it is
development material now. In the fifteenth session (2026-12-03) three more sets, by four more authors each, from the
list alone, two wrong phrasings and one trap per misconception, each author in a voice of their own:
heldback12_*.jsonl (a study-group chat, an interviewer's answer key, a blog translated from English, "X vs Y"
comparisons) and heldback13_*.jsonl (a practitioner's Zhihu answer, multiple-choice explanations, a project
retrospective, mind-map shorthand) were each measured twice unread (0.686 with 9, and 0.686 with 23 traps flagged per
dialect, with the session's starting code) and then their flagged traps read: development material now.
heldback14_*.jsonl (true/false quiz explanations, postmortems and code reviews, a forum thread, slide bullets) was
measured with the fifteenth session's starting and final code (0.668, 43 and then 17 traps flagged per dialect); in the
seventeenth session (2026-12-03), after the fifteenth set had been measured, its flagged traps and misses were read:
development material now. heldback15_*.jsonl (four more authors, 2026-12-03, from the list alone, two wrong phrasings and
one trap per misconception, each in a voice of its own: a WeChat public-account article, Anki-style flashcards, a
candidate's answers written up in an interview-experience post, a textbook's worked exercise solutions) was measured
with the seventeenth session's starting and final code (0.633, no trap flagged); in the eighteenth session, after the
sixteenth set had been measured, its misses were read: development material now. heldback16_*.jsonl (four more
authors, 2026-12-03, from the list alone, two wrong phrasings and one trap per misconception, each in a voice of its
own: comments and docstrings around code, a teacher's lecture transcript, English-heavy bilingual notes, an
interviewer's follow-up chain) was the measure until the nineteenth session: measured with the eighteenth session's
starting code (0.668, one trap flagged per dialect), its final code (0.693) and the nineteenth session's final code
(0.739) only; nobody working on the rules has read its phrasings, misses or flagged traps, but the nineteenth session's
last reading (code comments as prose) was built knowing that one of its authors wrote around code, so its figure since
then is that of a mechanism aimed at a known voice. heldback17_*.jsonl (four more authors, 2026-12-03, nineteenth session, from the
list alone, two wrong phrasings and one trap per misconception, each in a voice of its own: glossary entries, cheat-sheet
tables, a dialogue of two students revising, fill-in-the-blank and true/false exam items with a student's answers) was
measured once with the nineteenth session's starting code (0.588, 26 traps flagged per dialect) and then its misses and
traps were read: development material now. heldback18_*.jsonl (four more authors, 2026-12-03, nineteenth session, from
the list alone, two wrong phrasings and one trap per misconception, each in a voice of its own: a mentor's e-mail to a
student, short social-media study posts, a course's FAQ page, an engineer's notes of lessons from projects) is the measure
then: written after the session's readings were done and measured with its starting code (0.751, 3 traps flagged per
dialect) and its final code (0.761, 3 traps) only; the twentieth session read its misses and flagged traps (0.791, none
flagged, with that session's final code): development material now. heldback19_*.jsonl (four more authors, 2026-12-03,
twentieth session, from the list alone, two wrong phrasings and one trap per misconception, each in a voice of its own:
a content farm's long machine-written interview answers, a student's terse exam-review outline, a team's onboarding wiki
for new ML engineers, comments in a GitHub issue or pull request about training code) is the measure now: written
before the session's readings of the eighteenth set and measured with its starting code (0.756, 3 traps flagged per
dialect) and its final code (0.759, 3 traps) only; the twenty-first session read its misses and flagged traps: development
material now. heldback20_*.jsonl (four more authors, 2026-12-03, twenty-first session, from the list alone, two wrong
phrasings and one trap per misconception, each in a voice of its own: a transcript of a candidate answering out loud,
a graduate student's paper-reading notes, the Markdown cells of a Jupyter tutorial, a job seeker's emoji-laden study
notes), written before the twenty-first session read the nineteenth set and measured with its starting code (0.673, 13
traps flagged per dialect) and its final code (the same) only; the twenty-second session read its misses and flagged
traps: development material now. heldback21_*.jsonl (four more authors, 2026-12-04, twenty-second session, from the
list alone, two wrong phrasings and one trap per misconception, each in a voice of its own: the spoken subtitles of a
video explainer, a library's README and API notes, a reviewer's comments on a paper, an engineer's experiment log),
written before the twenty-second session read the twentieth set and measured with its starting code (0.623, 21 traps
flagged per dialect) and its final code only; the twenty-third session read its misses and flagged traps: development
material now. heldback22_*.jsonl (four more authors, 2026-12-04, twenty-third session, from the list alone, two wrong
phrasings and one trap per misconception, each in a voice of its own: a question setter's exam explanations, a
competitor's write-up after a Kaggle-style contest, two podcast hosts talking, an engineer explaining to a manager by
analogy), written before the twenty-third session read the twenty-first set and measured with its starting code and
its final code only; the twenty-fourth session read its misses and flagged traps: development material now.
heldback23_*.jsonl (four more authors, 2026-12-04, twenty-fourth session, from the list alone, two wrong phrasings and
one trap per misconception, each in a voice of its own: an AI chat assistant's reply to a user, an engineer's dated
experiment log (a voice the twenty-first set used too), a solutions engineer's email to a client, a paper-reading
group's notes), written before the twenty-fourth session read the twenty-second set and measured with its starting
code and its final code only; the twenty-fifth session read its misses and flagged traps: development material now.
heldback24_*.jsonl (four more authors, 2026-12-04, twenty-fifth session, from the list alone, two wrong phrasings and
one trap per misconception, each in a voice of its own: a model team's model card or technical report, an engineer's
weekly report to a manager, a teacher's grading comments on homework, a competition forum post sharing tips (a
contest voice the twenty-second set used as a write-up)), written before the twenty-fifth session read the
twenty-third set and measured with its starting code and its final code only; the twenty-sixth session read its misses
and flagged traps: development material now. heldback25_*.jsonl (four more authors, 2026-12-04, twenty-sixth session,
from the list alone, two wrong phrasings and one trap per misconception, each in a voice of its own: the background
chapter of a master's thesis, a tech-media news article, the transcript of a livestream Q&A answering bullet-chat
questions, a technical design document for a training pipeline), written before the twenty-sixth session read the
twenty-fourth set and measured with its starting code and its final code only; the twenty-seventh session read its
misses and flagged traps: development material now. heldback26_*.jsonl (four more authors, 2026-12-04,
twenty-seventh session, from the list alone, two wrong phrasings and one trap per misconception, each in a voice of
its own: a Chinese patent application's description, a popular-science article for high-school students, the minutes
of a university lab's weekly group meeting, a reader's review of an ML textbook or course), written before the
twenty-seventh session read the twenty-fifth set and measured with its starting code and its final code only; the
twenty-eighth session read its flagged traps and some misses: development material now. heldback27_*.jsonl (four more
authors, 2026-12-04, twenty-eighth session, from the list alone, two wrong phrasings and one trap per misconception,
each in a voice of its own: the clauses of a national or industry standard, the project bullets of a job seeker's
resume, a translator's notes in a translated ML book, a cloud platform's help-center FAQ), written before the
twenty-eighth session read the twenty-sixth set and measured with its starting code and its final code only; the
twenty-ninth session read its flagged traps and misses: development material now. heldback28_*.jsonl (four more
authors, 2026-12-04, twenty-ninth session, from the list alone, two wrong phrasings and one trap per misconception,
each in a voice of its own: an ML engineer's weekly report, a GitHub issue thread on a training framework, review
comments on a pull request, a student's study post on a lifestyle platform), written before the twenty-ninth session
read the twenty-seventh set and measured with its starting code and its final code only; the thirtieth session read
its flagged traps and misses: development material now. heldback29_*.jsonl (four more authors, 2026-12-05, thirtieth
session, from the list alone, two wrong phrasings and one trap per misconception, each in a voice of its own: an
interviewer's written evaluation after a technical interview, a university lecturer's handed-out lecture notes, a
work group chat among colleagues, explanatory comments in a training script), written before the thirtieth session
read the twenty-eighth set and measured with its starting code and its final code only; the thirty-first session read
its flagged traps and misses: development material now. heldback30_*.jsonl (four more authors, 2026-12-05,
thirty-first session, from the list alone, two wrong phrasings and one trap per misconception, each in a voice of its
own: a product manager's requirement document, an on-call engineer's post-incident review, a scene of a web novel about
an AI startup, a conference speaker's slide notes), written before the thirty-first session read the twenty-ninth
set and measured with its starting code and its final code only; the thirty-second session read its flagged traps and
misses: development material now. heldback31_*.jsonl (four more authors, 2026-12-05, thirty-second session, from the
list alone, two wrong phrasings and one trap per misconception, each in a voice of its own: a numbered thread on a
microblog, a data-labelling guideline for annotators who judge model answers, a student's study diary, a company-wide
announcement e-mail about a model launch), written before the thirty-second session read the thirtieth set and measured
with its starting code and its final code only; the thirty-third session read its flagged traps and misses: development
material now. heldback32_*.jsonl (four more authors, 2026-12-05, thirty-third session, from the list alone, two wrong
phrasings and one trap per misconception, each in a voice of its own: a practitioner's answer on a Zhihu-style Q&A site,
the transcript of a two-host tech podcast, the help-centre FAQ of a cloud training platform, a livestream host reading
out and answering viewers' bullet comments), written before the thirty-third session read the thirty-first set and
measured with its starting code and its final code only; the thirty-fourth session read its flagged traps and misses:
development material now. heldback33_*.jsonl (four more authors, 2026-12-05, thirty-fourth session, from the list alone,
two wrong phrasings and one trap per misconception, each in a voice of its own: a speech at a university debate contest,
the release notes of an open-source ML library, the sales page of a paid online AI course, an ML team's wiki page for
new hires), written before the thirty-fourth session read the thirty-second set and measured with its starting code and
its final code only; the thirty-fifth session read its flagged traps and misses: development material now.
heldback34_*.jsonl (four more authors, 2026-12-05, thirty-fifth session, from the list alone, two wrong phrasings and one
trap per misconception, each in a voice of its own: an advice column in a tech magazine (a reader's letter and the
columnist's reply), the script of a TV quiz show about AI, mnemonic rhymes for exam revision with a note under each, a
job description for an ML position with the hiring manager's remarks), written before the thirty-fifth session read the
thirty-third set and measured with its starting code and its final code only; the thirty-sixth session read its flagged
trap and misses: development material now. heldback35_*.jsonl (four more authors, 2026-12-05, thirty-sixth session, from
the list alone, two wrong phrasings and one trap per misconception, each in a voice of its own: a customer-support chat on
an AI training platform, a stand-up comedy bit by an ML engineer, the transcript of a press conference at a model company,
a tutorial written as a cooking recipe), written before the thirty-sixth session read the thirty-fourth set and measured
with its starting code and its final code only; the thirty-seventh session read its flagged traps and misses: development
material now. heldback36_*.jsonl (four more authors, 2026-12-05, thirty-seventh session, from the list alone, two wrong
phrasings and one trap per misconception, each in a voice of its own: a live sports-style commentary of a training run by
two commentators, a museum audio guide to an exhibition on the history of machine learning, a crosstalk (相声) routine
about ML interviews, a late-night radio call-in show), written before the thirty-seventh session read the thirty-fifth
set and measured with its starting code and its final code only; the thirty-eighth session read its flagged traps and
misses: development material now. heldback37_*.jsonl (four more authors, 2026-12-05, thirty-eighth session, from the
list alone, two wrong phrasings and one trap per misconception, each in a voice of its own: a video-game walkthrough
guide, an online shop's product page with buyers' reviews, a doctor's clinic record for a sick model, a TV weather
forecast of training runs), written before the thirty-eighth session read the thirty-sixth set and measured with its
starting code and its final code only; the thirty-ninth session read its flagged traps and misses: development material
now. heldback38_*.jsonl (four more authors, 2026-12-06, thirty-ninth session, from the list alone, two wrong phrasings
and one trap per misconception, each in a voice of its own: a detective story about a broken model, a stock analyst's
daily market commentary, a teacher's red-pen comments on students' homework, a bedtime story for children), written
before the thirty-ninth session read the thirty-seventh set and measured with its starting code and its final code only;
the fortieth session read its flagged traps and misses: development material now. heldback39_*.jsonl (four more
authors, 2026-12-06, fortieth session, from the list alone, two wrong phrasings and one trap per misconception, each in
a voice of its own: encyclopedia entries, a model or algorithm describing itself in the first person, a courtroom
transcript with an expert witness, a travel diary that tells learning as a journey), written before any rule change
of the fortieth session and measured with its starting code and its final code only; the forty-first session read its
flagged traps and misses: development material now. heldback40_*.jsonl (four more authors, 2026-12-06, forty-first
session, from the list alone, two wrong phrasings and one trap per misconception, each in a voice of its own: a
conference reviewer's comments to a paper's authors, a retired engineer's memoir, a start-up founder's pitch to
investors, the technical clauses of a service contract), written before any rule change of the forty-first session
and measured with its starting code and its final code only; the forty-second session read its flagged traps and
misses: development material now. heldback41_*.jsonl (four more authors, 2026-12-06, forty-second session, from the
list alone, two wrong phrasings and one trap per misconception, each in a voice of its own: a student's statement of
purpose for graduate school, a popular-science column for secondary-school readers, an industry white paper, a
newspaper advice column with readers' letters and the columnist's replies), written before any rule change of the
forty-second session and measured with its starting code and its final code only; the forty-third session read its
flagged traps and misses: development material now. heldback42_*.jsonl (four more authors, 2026-12-06, forty-third
session, from the list alone, two wrong phrasings and one trap per misconception, each in a voice of its own: a
candidate's spoken answers in a technical job interview, a highly-voted answer on a Q&A community, a transcript of a
university lecture, short social-media posts), written before any rule change of the forty-third session and
measured with its starting code and its final code only; the forty-fourth session read its flagged traps and misses:
development material now. heldback43_*.jsonl (four more authors, 2026-12-06, forty-fourth session, from the list
alone, two wrong phrasings and one trap per misconception, each in a voice of its own: the narration of a popular-
science documentary, a data-competition team's write-up of its winning solution, review comments and replies on a
code pull request, a technical lead's speech at a company's annual meeting), written before any rule change of the
forty-fourth session and measured with its starting code and its final code only; the forty-fifth session read its
flagged traps and misses: development material now. heldback44_*.jsonl (four more authors, 2026-12-06, forty-fifth
session, from the list alone, two wrong phrasings and one trap per misconception, each in a voice of its own: a
translator's notes in a translated machine-learning textbook, a senior engineer coaching a new hire at the desk, the
script of a short technical video, a young engineer's letter home to parents), written before any rule change of the
forty-fifth session and measured with its starting code and its final code only; the forty-sixth session read its
flagged traps and misses: development material now. heldback45_*.jsonl (four more authors, 2026-12-06, forty-sixth
session, from the list alone, two wrong phrasings and one trap per misconception, each in a voice of its own: Chinese
comments and docstrings in a Python training script, the explanation under each question of a practice-question site,
a general AI chat assistant answering a user, a cram school's interview handout of must-memorise lines), written before
any rule change of the forty-sixth session and measured with its starting code and its final code only; the
forty-seventh session read its flagged traps and misses: development material now. heldback46_*.jsonl (four more
authors, 2026-12-06, forty-seventh session, from the list alone, two wrong phrasings and one trap per misconception,
each in a voice of its own: the method and related-work prose of a Chinese academic paper, an interviewer's written
hiring feedback, a pre-sales engineer's meeting memo for a non-technical client, a sheet of mnemonic jingles with their
explanations), written before any rule change of the forty-seventh session and measured with its starting code and
its final code only; the forty-eighth session read its flagged traps and misses: development material now.
heldback47_*.jsonl (four more authors, 2026-12-07, forty-eighth session, from the list alone, two wrong phrasings and
one trap per misconception, each in a voice of its own: a candidate's interview-experience forum post, a university
textbook's chapter summary and worked exercise solutions, a traditional storyteller's tale, an ML platform team's
operations runbook), written before any rule change of the forty-eighth session and measured with its starting code
and its final code only; the forty-ninth session read its flagged traps and misses: development material now.
heldback48_*.jsonl (four more authors, 2026-12-07, forty-ninth session, from the list alone, two wrong phrasings and
one trap per misconception, each in a voice of its own: a graduate student's answers in a thesis-defence transcript,
the Markdown cells of a data scientist's experiment notebook, a tutor explaining to a student, a data annotator's
rationale notes when grading a model's answers), written before any rule change of the forty-ninth session and
measured with its starting code and its final code only; the fiftieth session read its flagged traps and misses:
development material now.
heldback49_*.jsonl (four more authors, 2026-12-07, fiftieth session, from the list alone, two wrong phrasings and
one trap per misconception, each in a voice of its own: an exam question bank's answer key, a TV knowledge-quiz
transcript, a senior engineer's voice messages transcribed by speech-to-text, a participant's spoken summary at a
paper-reading club), written before any rule change of the fiftieth session and measured with its starting code
and its final code only; the fifty-first session read its flagged traps and misses: development material now.
heldback50_*.jsonl (four more authors, 2026-12-07, fifty-first session, from the list alone, two wrong phrasings and
one trap per misconception, each in a voice of its own: a job seeker's resume and project-experience write-up, an
open-source library maintainer's replies in a GitHub issue thread, a conference poster-session transcript, a teaching
assistant's replies on an online course's discussion forum), written before any rule change of the fifty-first
session and measured with its starting code and its final code only; the fifty-second session read its flagged traps
and misses: development material now.
heldback51_*.jsonl (four more authors, 2026-12-07, fifty-second session, from the list alone, two wrong phrasings and
one trap per misconception, each in a voice of its own: a TV drama screenplay about an AI startup, a university
teacher's lesson plan, a tech magazine's edited expert interview, a family group chat where a young engineer explains
work to relatives), written before any rule change of the fifty-second session and measured with its starting code
and its final code only; the fifty-third session read its flagged traps and misses: development material now.
heldback52_*.jsonl (four more authors, 2026-12-07, fifty-third session, from the list alone, two wrong phrasings and
one trap per misconception, each in a voice of its own: a candidate's terse revision flashcards with arrows and
abbreviations, a half-classical (文白夹杂) scholar's reading notes, the transcript of the audience Q&A after a tech
meetup talk, a WeChat official-account clickbait article selling an AI course), written before any rule change of the
fifty-third session and measured with its starting code and its final code only; the fifty-fourth session read its
flagged traps and misses: development material now.
heldback53_*.jsonl (four more authors, 2026-12-07, fifty-fourth session, from the list alone, two wrong phrasings and
one trap per misconception, each in a voice of its own: a returnee engineer's code-switching (中英夹杂) messages in a
startup's team chat, the comment section and danmaku under a video tutorial, a children's popular-science book in the
style of 《十万个为什么》, rows of an interview question bank exported from a spreadsheet), written before any rule
change of the fifty-fourth session and measured with its starting code and its final code only; the fifty-fifth
session read its flagged traps and misses: development material now.
heldback54_*.jsonl (four more authors, 2026-12-07, fifty-fifth session, from the list alone, two wrong phrasings and
one trap per misconception, each in a voice of its own: a conference talk's slides written out as terse fragments with
the speaker's notes, a Socratic dialogue between a teacher and a student, a stiff translation of an English technical
book (翻译腔), free-text answers to an open question of a practitioners' survey), written before any rule change of
the fifty-fifth session and measured with its starting code and its final code only; the fifty-sixth session read its
flagged traps and misses: development material now.
heldback55_*.jsonl (four more authors, 2026-12-08, fifty-sixth session, from the list alone, two wrong phrasings and
one trap per misconception, each in a voice of its own: a mind map exported as plain text, a shared online document
with colleagues' inline comments, an engineer's pitfall log on a team wiki (踩坑记录), a prompt engineer's few-shot
examples for an LLM tutor bot) is the measure now: written by authors who saw no rule, measured with the session's
starting code (before its first rule change was committed) and its final code only; nobody working on the rules has
read it.
Exit status 0 always (it is a measurement, not a gate).
"""
from __future__ import annotations

import argparse
import json
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SETS = {
    "dev": sorted((ROOT / "tests" / "lint" / "phrasings").glob("dev_*.jsonl")),
    "heldback": sorted((ROOT / "bench" / "claims").glob("heldback_*.jsonl")),
    "heldback2": sorted((ROOT / "bench" / "claims").glob("heldback2_*.jsonl")),
    "heldback3": sorted((ROOT / "bench" / "claims").glob("heldback3_*.jsonl")),
    "heldback4": sorted((ROOT / "bench" / "claims").glob("heldback4_*.jsonl")),
    "heldback5": sorted((ROOT / "bench" / "claims").glob("heldback5_*.jsonl")),
    "heldback6": sorted((ROOT / "bench" / "claims").glob("heldback6_*.jsonl")),
    "heldback7": sorted((ROOT / "bench" / "claims").glob("heldback7_*.jsonl")),
    "heldback8": sorted((ROOT / "bench" / "claims").glob("heldback8_*.jsonl")),
    "heldback9": sorted((ROOT / "bench" / "claims").glob("heldback9_*.jsonl")),
    "heldback10": sorted((ROOT / "bench" / "claims").glob("heldback10_*.jsonl")),
    "heldback11": sorted((ROOT / "bench" / "claims").glob("heldback11_*.jsonl")),
    "heldback12": sorted((ROOT / "bench" / "claims").glob("heldback12_*.jsonl")),
    "heldback13": sorted((ROOT / "bench" / "claims").glob("heldback13_*.jsonl")),
    "heldback14": sorted((ROOT / "bench" / "claims").glob("heldback14_*.jsonl")),
    "heldback15": sorted((ROOT / "bench" / "claims").glob("heldback15_*.jsonl")),
    "heldback16": sorted((ROOT / "bench" / "claims").glob("heldback16_*.jsonl")),
    "heldback17": sorted((ROOT / "bench" / "claims").glob("heldback17_*.jsonl")),
    "heldback18": sorted((ROOT / "bench" / "claims").glob("heldback18_*.jsonl")),
    "heldback19": sorted((ROOT / "bench" / "claims").glob("heldback19_*.jsonl")),
    "heldback20": sorted((ROOT / "bench" / "claims").glob("heldback20_*.jsonl")),
    "heldback21": sorted((ROOT / "bench" / "claims").glob("heldback21_*.jsonl")),
    "heldback22": sorted((ROOT / "bench" / "claims").glob("heldback22_*.jsonl")),
    "heldback23": sorted((ROOT / "bench" / "claims").glob("heldback23_*.jsonl")),
    "heldback24": sorted((ROOT / "bench" / "claims").glob("heldback24_*.jsonl")),
    "heldback25": sorted((ROOT / "bench" / "claims").glob("heldback25_*.jsonl")),
    "heldback26": sorted((ROOT / "bench" / "claims").glob("heldback26_*.jsonl")),
    "heldback27": sorted((ROOT / "bench" / "claims").glob("heldback27_*.jsonl")),
    "heldback28": sorted((ROOT / "bench" / "claims").glob("heldback28_*.jsonl")),
    "heldback29": sorted((ROOT / "bench" / "claims").glob("heldback29_*.jsonl")),
    "heldback30": sorted((ROOT / "bench" / "claims").glob("heldback30_*.jsonl")),
    "heldback31": sorted((ROOT / "bench" / "claims").glob("heldback31_*.jsonl")),
    "heldback32": sorted((ROOT / "bench" / "claims").glob("heldback32_*.jsonl")),
    "heldback33": sorted((ROOT / "bench" / "claims").glob("heldback33_*.jsonl")),
    "heldback34": sorted((ROOT / "bench" / "claims").glob("heldback34_*.jsonl")),
    "heldback35": sorted((ROOT / "bench" / "claims").glob("heldback35_*.jsonl")),
    "heldback36": sorted((ROOT / "bench" / "claims").glob("heldback36_*.jsonl")),
    "heldback37": sorted((ROOT / "bench" / "claims").glob("heldback37_*.jsonl")),
    "heldback38": sorted((ROOT / "bench" / "claims").glob("heldback38_*.jsonl")),
    "heldback39": sorted((ROOT / "bench" / "claims").glob("heldback39_*.jsonl")),
    "heldback40": sorted((ROOT / "bench" / "claims").glob("heldback40_*.jsonl")),
    "heldback41": sorted((ROOT / "bench" / "claims").glob("heldback41_*.jsonl")),
    "heldback42": sorted((ROOT / "bench" / "claims").glob("heldback42_*.jsonl")),
    "heldback43": sorted((ROOT / "bench" / "claims").glob("heldback43_*.jsonl")),
    "heldback44": sorted((ROOT / "bench" / "claims").glob("heldback44_*.jsonl")),
    "heldback45": sorted((ROOT / "bench" / "claims").glob("heldback45_*.jsonl")),
    "heldback46": sorted((ROOT / "bench" / "claims").glob("heldback46_*.jsonl")),
    "heldback47": sorted((ROOT / "bench" / "claims").glob("heldback47_*.jsonl")),
    "heldback48": sorted((ROOT / "bench" / "claims").glob("heldback48_*.jsonl")),
    "heldback49": sorted((ROOT / "bench" / "claims").glob("heldback49_*.jsonl")),
    "heldback50": sorted((ROOT / "bench" / "claims").glob("heldback50_*.jsonl")),
    "heldback51": sorted((ROOT / "bench" / "claims").glob("heldback51_*.jsonl")),
    "heldback52": sorted((ROOT / "bench" / "claims").glob("heldback52_*.jsonl")),
    "heldback53": sorted((ROOT / "bench" / "claims").glob("heldback53_*.jsonl")),
    "heldback54": sorted((ROOT / "bench" / "claims").glob("heldback54_*.jsonl")),
    "heldback55": sorted((ROOT / "bench" / "claims").glob("heldback55_*.jsonl")),
}
QUESTIONS = ("请谈谈你对这个问题的理解。", "简要回答下面的知识点。", "面试官追问：展开说说。")


def load(paths: list[Path]) -> list[dict]:
    rows = []
    for p in paths:
        for no, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                row = json.loads(line)
                if row.get("kind") in ("wrong", "trap"):
                    row["where"] = f"{p.name}:{no}"
                    rows.append(row)
    return rows


def _answer_lines(text: str, indent: str = "") -> list[str]:
    return [indent + ln if ln.strip() else "" for ln in text.strip().split("\n")]


def documents(rows: list[dict], number: int = 1) -> list[tuple[str, str, list[tuple[int, int, int]]]]:
    """(path, text, [(row index, first answer line, last answer line)]) for each dialect; the items are
    numbered from `number` (which also picks the question)."""
    docs = []
    for dialect in ("heading", "bold", "list"):
        lines: list[str] = [f"# 面试题合集（{dialect}）", ""]
        spans = []
        for k, row in enumerate(rows):
            n = number + k
            q = QUESTIONS[(n - 1) % len(QUESTIONS)]
            if dialect == "heading":
                lines += [f"### {n}. {q}", "", "**答案：**", ""]
                body = _answer_lines(row["text"])
            elif dialect == "bold":
                lines += [f"**Q{n}：{q}**", "", "**A：**"]
                body = _answer_lines(row["text"])
            else:
                lines += [f"{n}. {q}", ""]
                body = _answer_lines(row["text"], "   ")
            first = len(lines) + 1
            lines += body
            spans.append((k, first, len(lines)))
            lines.append("")
        docs.append((f"claims_{dialect}.md", "\n".join(lines) + "\n", spans))
    return docs


def measure(rows: list[dict], linter) -> dict[str, list[tuple[int, str, list[str]]]]:
    """dialect -> [(row index, 'caught'|'missed'|'flagged'|'clean', codes)]. Each phrasing is linted in a
    document of its own, so that one phrasing's markup (a `面试题：` label, a heading) cannot change how
    the others are parsed: in one document of all phrasings, the list dialect's answers after such a
    phrasing were read as part of a question and never linted as claims."""
    out: dict[str, list[tuple[int, str, list[str]]]] = defaultdict(list)
    for k, row in enumerate(rows):
        for path, text, spans in documents([row], number=k + 1):
            by_line = defaultdict(list)
            for f in linter.lint_text(text, path):
                if f.code.startswith("FC"):
                    by_line[f.line].append(f.code)
            (_, lo, hi), = spans
            codes = sorted({c for no in range(lo, hi + 1) for c in by_line.get(no, [])})
            wrong = row["kind"] == "wrong"
            verdict = ("caught" if codes else "missed") if wrong else ("flagged" if codes else "clean")
            out[path.removeprefix("claims_").removesuffix(".md")].append((k, verdict, codes))
    return dict(out)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--set", choices=sorted(SETS), default="heldback55")
    ap.add_argument("--files", nargs="+", type=Path, help="phrasing files to measure instead of a named set")
    ap.add_argument("--by", choices=("dialect", "domain", "misconception"), default="dialect")
    ap.add_argument("-v", "--verbose", action="store_true", help="print every miss and false alarm")
    args = ap.parse_args()
    from qatool.lint.engine import Linter

    rows = load(args.files or SETS[args.set])
    if not rows:
        raise SystemExit(f"no phrasings for --set {args.set} (looked for {', '.join(map(str, SETS[args.set])) or 'nothing'})")
    domains = {}
    mis = ROOT / "bench" / "claims" / "misconceptions.jsonl"
    if mis.exists():
        domains = {d["id"]: d["domain"] for d in map(json.loads, mis.read_text(encoding="utf-8").splitlines())}
    result = measure(rows, Linter.default())
    table: dict[str, Counter] = defaultdict(Counter)
    for dialect, res in result.items():
        for k, verdict, codes in res:
            mid = rows[k]["mid"]
            key = {"dialect": dialect, "domain": domains.get(mid, "?"), "misconception": mid}[args.by]
            table[key][verdict] += 1
            table["all"][verdict] += 1
            if args.verbose and verdict in ("missed", "flagged"):
                print(f"{verdict:7} {dialect:7} {mid} {rows[k]['where']} {','.join(codes)} {rows[k]['text'][:100]!r}")
    print(f"set: {'files' if args.files else args.set} ({len(rows)} phrasings x {len(result)} dialects; {len({r['mid'] for r in rows})} misconceptions)")
    print(f"{'':16} {'recall':>7} {'caught':>7} {'wrong':>6} {'false alarms':>13} {'traps':>6}")
    for key in sorted(table, key=lambda k: (k == "all", k)):
        c = table[key]
        wrong, traps = c["caught"] + c["missed"], c["flagged"] + c["clean"]
        recall = c["caught"] / wrong if wrong else float("nan")
        print(f"{key:16} {recall:7.3f} {c['caught']:7} {wrong:6} {c['flagged']:13} {traps:6}")


if __name__ == "__main__":
    main()
