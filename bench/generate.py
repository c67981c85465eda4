"""Generate a large synthetic Chinese Q&A corpus in the seeds' Markdown dialects, with a known truth.

Answers are built from the sentences of the shipped corpus, shuffled and lightly varied, so the text
looks like the real thing to jieba while unrelated records share little. Planted on top:

* near duplicates: a copy of an earlier record with a few sentences edited (truth: the pair and its
  true Jaccard over word 3-grams, computed later by run.py);
* same-question conflicts: an earlier question with a new, unrelated answer;
* factual slips: one sentence from a list of known slips (truth: the rule code that should catch it).

Question repetition (`--mode`): `plain` (the planted conflicts only), `popular` (a few popular questions,
"什么是过拟合？" and the like, asked by `--popular-rate` of the records with their own answers: about
1,000 times each at 100k records, as scraped collections repeat them), `hundred` (every fresh record
answers one of about 100 questions: many sampled answers per prompt, as SFT and rejection-sampling
sets look).

    python bench/generate.py --records 100000 --out bench/data/100k
    python bench/generate.py --records 100000 --mode popular --out bench/data/100000_popular
"""
from __future__ import annotations

import argparse
import json
import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

SLIPS = [
    ("FC101", "召回率是指模型判定为正的样本中真正为正样本的比例。"),
    ("FC141", "梯度裁剪通过限制梯度的范围，可以同时避免梯度爆炸或消失。"),
    ("FC131", "为了防止过拟合，可以适当减少训练数据的数量。"),
    ("FC132", "参数较少的模型通常更容易过拟合。"),
    ("FC144", "混合精度训练结合浮点数和整数运算来加速训练。"),
    ("FC154", "常见的加密手段包括差分隐私加密和同态加密。"),
    ("FC150", "LSTM 通过门控机制彻底解决了梯度消失和梯度爆炸问题。"),
    ("FC136", "在推理阶段，Dropout 仍然会随机丢弃一部分神经元。"),
    ("FC173", "BERT 是一种从左到右的单向语言模型。"),
    ("FC108", "F1 分数是精确率和召回率的算术平均值。"),
]


def sentence_pool() -> tuple[list[str], list[str]]:
    sentences, questions = set(), set()
    for p in sorted((ROOT / "corpus").glob("*.txt")):
        for line in p.read_text(encoding="utf-8").splitlines():
            line = re.sub(r"^[\s*#\d.、-]+|\*\*[^*]*\*\*|<\|[^|]*\|>", "", line).replace("**", "").strip()
            if re.search(r"[=\[\]_(){}]|^\w+\s*=", line) and not re.search(r"[\u4e00-\u9fff]", line[:4]):
                continue  # code
            for s in re.split(r"(?<=[。！？])", line):
                s = s.strip()
                if (8 <= len(s) <= 120 and not s.startswith(("```", "|")) and "#" not in s and "评论" not in s and "阅读" not in s
                        and not re.search(r"(?:答案|解析|题目|问题|面试题|答|问)\s*[:：]", s)):
                    (questions if s.endswith("？") else sentences).add(s)
    return sorted(sentences), sorted(questions)


SUBJECTS = ["预训练模型", "微调", "知识蒸馏", "数据增强", "正则化", "注意力机制", "迁移学习", "模型压缩", "联邦学习", "多任务学习",
            "卷积神经网络", "循环神经网络", "学习率调度", "批归一化", "生成对抗网络", "图神经网络", "强化学习", "量化", "剪枝", "词向量"]
ASPECTS = ["原理", "优缺点", "适用场景", "常见问题", "评估方法", "实现步骤", "工程实践", "发展趋势", "与其他方法的区别", "调参技巧"]


def make_answer(rng: random.Random, pool: list[str], target: int) -> list[str]:
    out, n = [], 0
    while n < target:
        s = rng.choice(pool)
        subj = rng.choice(SUBJECTS)
        s = s.replace("预训练模型", subj) if rng.random() < 0.5 else s
        out.append(s)
        n += len(s)
    return out


def render(number: int, question: str, sentences: list[str], dialect: int) -> str:
    body = "".join(sentences[: len(sentences) // 2])
    rest = sentences[len(sentences) // 2:]
    bullets = "\n".join(f"* **要点{k + 1}：** {s}" for k, s in enumerate(rest))
    if dialect == 0:
        return f"### {number}. {question}\n\n**面试题：** 请回答：{question}\n\n**答案：** {body}\n\n{bullets}\n\n"
    return f"#### 题目 {number}：{question}\n\n**答案：**\n\n{body}\n\n{bullets}\n\n#### 解析：**\n\n{rest[0] if rest else body[:40]}\n\n"


def edit(rng: random.Random, sentences: list[str], pool: list[str], strength: float) -> list[str]:
    out = list(sentences)
    for _ in range(max(1, int(len(out) * strength))):
        i = rng.randrange(len(out))
        op = rng.random()
        if op < 0.5:
            s = out[i]
            if len(s) > 6:
                j = rng.randrange(len(s) - 3)
                out[i] = s[:j] + s[j + 2:]  # drop two characters
        elif op < 0.8:
            out[i] = out[i].replace("，", "，同时", 1)
        else:
            out.insert(i, rng.choice(pool))
    return out


POPULAR = ["什么是过拟合？", "什么是梯度消失？", "什么是注意力机制？", "什么是知识蒸馏？", "什么是正则化？"]
MODES = ("plain", "popular", "hundred")


def generate(n: int, out: Path, seed: int = 7, per_file: int = 1000, chars: int = 1100,
             dup_rate: float = 0.2, conflict_rate: float = 0.02, slip_rate: float = 0.05,
             mode: str = "plain", popular_rate: float = 0.05, questions: int = 100) -> dict:
    rng = random.Random(seed)
    pool, qpool = sentence_pool()
    fixed = [f"{s}的{a}是什么？" for s in SUBJECTS for a in ASPECTS][:questions]
    out.mkdir(parents=True, exist_ok=True)
    truth = {"records": n, "mode": mode, "planted_pairs": [], "conflicts": [], "slips": []}
    made: list[tuple[str, list[str]]] = []
    items: list[str] = []  # the current file's items; each file is written when it is complete
    total_bytes = 0
    for k in range(n):
        fidx, number = divmod(k, per_file)
        src = f"part_{fidx:05d}.md"
        loc = (src, number + 1)
        r = rng.random()
        if made and r < dup_rate:
            base = rng.randrange(len(made))
            question, sents = made[base][0], edit(rng, made[base][1], pool, rng.uniform(0.03, 0.12))
            truth["planted_pairs"].append([base, k])
        elif made and r < dup_rate + conflict_rate:
            base = rng.randrange(len(made))
            question, sents = made[base][0], make_answer(rng, pool, chars)
            truth["conflicts"].append([base, k])
        elif mode == "hundred":
            question, sents = rng.choice(fixed), make_answer(rng, pool, chars)
        elif mode == "popular" and r < dup_rate + conflict_rate + popular_rate:
            question, sents = rng.choice(POPULAR), make_answer(rng, pool, chars)
        else:
            # a distinct question: the marker names it (a bare "（123）" would read as a gloss of the same question)
            question = f"{rng.choice(SUBJECTS)}的{rng.choice(ASPECTS)}是什么？（第{k}问）" if rng.random() < 0.7 else f"{rng.choice(qpool)[:-1]}（第{k}问）？"
            sents = make_answer(rng, pool, chars)
        if rng.random() < slip_rate:
            code, slip = rng.choice(SLIPS)
            sents = list(sents)
            sents.insert(rng.randrange(len(sents) + 1), slip)
            truth["slips"].append([k, code])
        made.append((question, sents))
        text = render(number + 1, question, sents, fidx % 2)
        items.append(text)
        truth.setdefault("locations", []).append(loc)
        total_bytes += len(text.encode("utf-8"))
        if number + 1 == per_file or k == n - 1:
            (out / f"part_{fidx:05d}.md").write_text(f"## 合成面试题集 {fidx}\n\n" + "".join(items), encoding="utf-8")
            items = []
    truth["bytes"] = total_bytes
    (out / "truth.json").write_text(json.dumps(truth), encoding="utf-8")
    return truth


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--records", type=int, default=10000)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--mode", choices=MODES, default="plain")
    args = ap.parse_args()
    t = generate(args.records, args.out, args.seed, mode=args.mode)
    print(f"{args.records} records, {t['bytes'] / 1e6:.1f} MB, {len(t['planted_pairs'])} planted pairs, "
          f"{len(t['conflicts'])} conflicts, {len(t['slips'])} slips -> {args.out}")


if __name__ == "__main__":
    main()
