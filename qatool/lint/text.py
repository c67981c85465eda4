"""The text layer rules share: sentences and clauses with offsets, word tokens, and what a sentence
does besides stating something (asking, reporting a claim to refute it, hedging, negating).

A claim is a statement: a sentence that asks (`…吗？`, `是否…`, `为什么…`), reports what others
wrongly believe (`很多人误以为…`, `…的说法是错误的`) or supposes (`如果…`) states nothing a rule may
hold against the text. Negation is read on word tokens (jieba), so that `不同`, `无监督` and `非线性`
are words and not negations, while `不`, `并非`, `无法` and `not` are.

>>> t = TextLayer()
>>> [s.kind for s in t.sentences("L2 正则会产生稀疏解吗？很多人误以为如此。L1 会。")]
['question', 'reported', 'statement']
>>> t.negations("并不会产生")
1
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable

import regex

# an emoji that social-media notes put between sentences (`…平方误差✅ 说它是有监督…💡`) ends one too (not the pointers 👉 📌
# 🎯, which lead from a topic to what is said of it, nor the verdict marks ❌ ✓ ✗, which judge the sentence they open)
# (✅ also marks a table cell or a checklist item as yes, `| DPO | ✅ 需要… |`: it ends a sentence only right after the
# words of one, `…平方误差✅ 说它…`, see split_spans)
EMOJI_END = "💡⚠✨⭐❗🔥💯🚀🌟"
SENTENCE_END = "。！？!?；;\n" + EMOJI_END
_CHECK_END = "✅"
HAN_RE = re.compile(r"[\u4e00-\u9fff]")  # one Han character
HAN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
HAN_ZEROS = "零〇"
_HAN_UNITS = {"十": 10, "百": 100, "千": 1000}


def han_number(digits: str) -> int | None:
    """The value of a number in Han numerals (`七` 7, `十二` 12, `两千零四十八` 2048, `三亿四千万` 340000000);
    None for a string that is not one number (`五五`, `百百`, `十百`, `亿`, an empty string).

    >>> [han_number(s) for s in ("七", "十二", "一百零五", "两千零四十八", "一万零一", "三亿四千万", "五五", "十百", "亿")]
    [7, 12, 105, 2048, 10001, 340000000, None, None, None]
    """
    total = 0
    for big, scale in (("亿", 100_000_000), ("万", 10_000)):
        if big in digits:
            head, _, digits = digits.partition(big)
            if big in digits or not head or "万" in head:
                return None
            value = _han_below_10k(head, False)
            if value is None:
                return None
            total += value * scale
    if not digits:
        return total or None
    rest = _han_below_10k(digits, total > 0)
    return None if rest is None else total + rest


def _han_below_10k(digits: str, after_big: bool) -> int | None:
    """The value of Han numerals below 10,000 (`一百七十五`), None when they are not one number; `after_big` when
    they follow 万 or 亿 (`一万零一`: a zero may lead them)."""
    if digits in HAN_ZEROS:
        return 0
    total, digit, last_unit, after_unit = 0, None, 10_000, after_big
    for ch in digits:
        unit = _HAN_UNITS.get(ch)
        if unit is not None:
            if unit >= last_unit:
                return None
            total += (1 if digit is None else digit) * unit
            digit, last_unit, after_unit = None, unit, True
            continue
        value = HAN_DIGITS.get(ch)
        if value is None or digit is not None or (value == 0 and not after_unit):
            return None  # (`五五`, `一〇`: digits in a row; a zero holds a place after a unit only: `一百零五`)
        digit, after_unit = value or None, False
    return total + (digit or 0)


_WORD_END_RE = re.compile(r"[\u4e00-\u9fffA-Za-z）)」”]")
CLAUSE_SEP = "，,"

# the end of a sentence that asks: a question mark, or a final particle (markup and brackets allowed after);
# 嘛 asserts (`就是两者的平均嘛。`) unless it is 干嘛 (what for)
_TRAIL = r"[\s*_`)）」』”\"'\]】]*"
# (`…还远着呢`, `…好着呢`: 着呢 insists, it does not ask; `…，别问为什么。`: what one is told not to ask is not asked)
# (nor `…还没算优化器状态呢`: 呢 after a not-yet adds what is still to come, it does not ask)
NOT_YET_NE = r"(?:还没有?|都还没有?|还不|尚未)(?:(?!什么|怎么|为什么|为何|哪|谁|多少|吗|几)[^，,。；;？?!！\n]){0,16}"
# (nor `…还多呢！`, `…足足有 1024 个位置呢！`: 呢 before an exclamation mark exclaims; nor `…都很吃力呢。`, `…也只是线性增长呢。`:
# 呢 after a clause with an adverb of degree or scope (还, 都, 也, 很, 可, 真, 才, 足足) rounds off what it states, while a
# bare topic, `那 GRU 呢。`, still asks)
DEGREE_NE = r"(?:还|都|也|很|可|真|才|足足|挺|蛮|太)(?:(?!什么|怎么|为什么|为何|哪|谁|多少|吗|几|如果|要是|假如)[^，,。；;？?!！\n]){0,24}"
NE_ASKS = rf"(?<!着)(?<!{NOT_YET_NE})(?<!{DEGREE_NE})呢[。.，,]?"
QUESTION_END_RE = regex.compile(rf"(?:[?？]|(?:吗|(?<!别问为什)(?<!不问为什)(?<!不要问为什)(?<!不用问为什)(?<![不没][\u4e00-\u9fff]{{0,6}}什)么|(?<=干)嘛)[。.!！，,]?|{NE_ASKS}){_TRAIL}$")
# an exam prompt's imperative at the head of a sentence (`简述…`, `比较…`)
# (not a comparison or derivation whose result the sentence goes on to state: `比较两种格式可知，…`, `推导可得 …`;
# nor the time of one, which frames what the sentence says: `比较两个模型时，宜选用…`, `比较 A 和 B 时我发现，…`)
IMPERATIVE_LEAD = (r"^\s*+(?:请|试)?(?:简述|简要说明|简单介绍|介绍一下|说明|解释|阐述|论述|谈谈|说说|讲讲|比较|对比|列举|推导|写出|描述)"
                   r"(?![^，,。；;？?！!]{0,24}?(?:可知|可见|可得|可以看出|可以发现|不难看出|不难发现|得知|得出|(?:时|的时候|之时)(?=\s*+[，,]|\s*+(?:我们?|笔者|大家|你)[^，,。；;？?！!]{0,4}[，,])))")
_IMPERATIVE_LEAD_RE = re.compile(IMPERATIVE_LEAD)


def a_not_a(group: str) -> str:
    """An A-not-A question (`算不算`, `用不用`, `需不需要`; `动不动`, `时不时` are adverbs), its repeated character in the
    named group `group` (a pattern that holds two needs two names)."""
    return rf"(?P<{group}>(?![动时])[\u4e00-\u9fff])[不没](?P={group})"


A_NOT_A = a_not_a("ana")
# asking words that make a sentence a question wherever they stand (a heading or list item often drops the "？")
_DENIED_NEED_BEFORE = r"(?<!(?:没必要|不必|不用|无需|不需要|用不着|犯不着)[^，,。；;？?！!吗呢么]{0,6})"
_QUESTION_WORD = (
    # (not one that is the subject of what follows, `负类预测得对不对并不进入公式`, `用不用都不影响结果`: whether it is so
    # is said not to matter, which states)
    # (nor 哪 for any one after a need denied, `没必要把哪个词遮起来`, `不用管哪个`: no matter which, it states)
    A_NOT_A + r"(?!\s*+(?:并不|并没|并非|都不|都没|均不|也不|全不|一概不|不影响|无关|无所谓)(?![^，,。；;？?！!]*[吗么呢？?]))|是否|能否|可否|是不是|会不会|能不能|有没有|要不要|(?<![别不勿莫]问)(?<!不要问)(?<!不用问)为什么|为何|凭什么|如何|怎么|怎样"
    r"|" + _DENIED_NEED_BEFORE + r"(?:哪些|哪个|哪种|哪一|哪块|哪部分|哪方面)|(?<!没)(?<!没有)什么(?:是|叫|样|时候|原因|区别|作用|意思)"
    r"|" + IMPERATIVE_LEAD
)
QUESTION_WORD_RE = regex.compile(_QUESTION_WORD, regex.I)
# the same without the variable-width lookbehind, in `re`, which searches about nine times faster: a text it finds
# nothing in holds no asking word (`asks_by_word`)
_QUESTION_WORD_PREFILTER_RE = re.compile(_QUESTION_WORD.replace(_DENIED_NEED_BEFORE, ""), re.I)


def asks_by_word(text: str) -> bool:
    """Whether `text` holds an asking word (`QUESTION_WORD_RE`)."""
    return _QUESTION_WORD_PREFILTER_RE.search(text) is not None and QUESTION_WORD_RE.search(text) is not None
# an alternative question that drops its "？" (`PPO是on-policy还是off-policy`, `基座模型选用Chat还是Base`): 是/选 …
# 还是 B to the end, where B is no verb phrase (`结果是一样的，还是会过拟合` goes on: 还是 there means "still")
# (`本质上还是`, `其实还是`: "still", not "or")
# (nor an example of what is told, `…给出具体类别，比如是猫还是狗`: the kinds of answer it gives, not a question)
ALTERNATIVE_Q_RE = re.compile(r"(?<!比如)(?<!例如)(?<!譬如)(?<!比如说)(?<!比方说)(?:是|属于|选用?|选择|采用|用)[^，,。；;？?！!]{1,30}?(?<!本质上)(?<!实际上)(?<!其实)(?<!终究)(?<!最终)(?<!到头来)(?<!说到底)(?<!归根结底)(?<!归根到底)(?<!整体)(?<!总体)(?<!整个)(?<!仍然)(?<!依然)(?<!依旧)(?<!照样)(?<!本质)还是"
                              r"(?!会|要|能|可|需|应|得|有|没|不|很|太|挺|更|最|较|比较|非常|相当|十分|特别|那么|这么|一样|同样|存在|无法|在|把|被|让|使|将|依然|照样)"
                              r"(?:(?!不|没|重要|取决|无所谓|关系|影响|决定|都|由|看)[^，,。；;？?！!]){1,30}$")  # `是 A 还是 B 并不重要` states
# the marks that judge a statement false: a cross, or a word (`（×）`, `（错）`, `（False）`)
_CROSS = r"×|✗|✘"
_FALSE_MARK = _CROSS + r"|错误|错|False|false"
# who or what a claim is attributed to (a text under review, its author, a candidate), with its verb of saying
# (an option of a multiple-choice question, `选项C`, `B 项`, is a statement the explanation judges; so is what someone
# suggests, `有人建议…`)
_ATTRIBUTED = (r"(?:作者|原文|文中|论文|该文|本文|文章|候选人|考生|学生|答题者|报告|选项\s?[A-HＡ-Ｈ](?![A-Za-z])|(?<![A-Za-z])[A-HＡ-Ｈ]\s?(?:选项|项(?!目))"
               r"|有(?:的|些)?人|不少人|很多人"
               # (the one a letter or a comment is addressed to, or a colleague: `贵司同事认为…，这需要纠正`)
               r"|贵司|贵方|贵团队|客户|(?<![迷])你们?|您|同事|对方)[^。；;！!？?，,]{0,16}?"
               r"(?:称|认为|声称|宣称|描述|写道|提到|表示|说|把|将|归为|归入|写成|写|答|给出|建议|主张|提议)")
# a grader's deduction of points (`扣 1 分`, `扣0.5分`) judges what the answer it grades says
_DEDUCTION = r"扣\s*+(?:[0-9０-９]+(?:\.[0-9]+)?|[一二两三四五六七八九十半])\s*+分"
# a clause that judges what the sentence reported: it does not conform (`与原文不符`), it is the opposite of a source
# (`这与算法定义相反`: 这 needed, `与 L2 相反` compares two methods), it is wrong or to be corrected, or it is something else
_VERDICT = (r"(?:(?:这|此)?(?:一?(?:表述|说法|描述|归类|结论|观点|理解|设定|判断|数值|数字))?\s*+(?:其实|显然|明显)?\s*+(?:与|和|跟)[^，,。；;]{1,16}?不符"
            r"|(?:这|此)(?:一?(?:表述|说法|描述|归类|结论|观点|理解|设定|判断|数值|数字))?\s*+(?:其实|显然|明显)?\s*+(?:与|和|跟)[^，,。；;]{1,16}?(?:相反|矛盾|不一致)"
            r"|(?:这|此)?(?:一?(?:表述|说法|描述|归类|结论|观点|理解|设定|判断|数值|数字))?\s*+(?:是|并)?(?:有误|不对|不准确|不正确|不成立)"
            # (or a bare verdict that ends its clause: `学生写“GPT 是双向语言模型”，错，扣分。`)
            r"|(?:是)?(?:错的|错了|错误的?|错)(?=\s*+(?:[，,。；;！!]|$))"
            r"|(?:(?:这|此)(?:一点|点|个|种)?(?:说法|理解|看法)?\s*+)?(?:需要|需|应|应该|应当|请作者|有必要)(?:予以|做个?|稍作)?(?:更正|修正|纠正|改正|澄清)"
            r"|值得商榷|方向(?:恰好|正好)?相反"
            # (a worry answered: `…的问题，请放心：…`)
            r"|请(?:您)?放心|大可放心|(?:不必|无需|不用)(?:过于)?担心"
            r"|(?:其实|实际上|事实上)(?:这|那)是(?!对|正确)|(?:这|那)(?:其实|实际上)是(?!对|正确)|那是(?!对|正确|因为|为了|由于)"
            r"|(?:这|那)(?:其实)?(?:描述|说|指)的(?:其实)?是(?!对|正确)"
            # (an option ruled out, a suggestion that backfires)
            r"|(?:故|所以|因此|因而)(?:本题)?(?:不选|排除|不能选)|(?:这|此|结果)?(?:其实|反而)?(?:是)?适得其反"
            # (a grader's deduction: `你把 GPT 写成双向模型，扣 1 分`)
            r"|" + _DEDUCTION + r")")
# the people of one's team or lab whose beliefs a text reports (`有队友以为…`, `组员把…写成…`)
_TEAMMATES = r"队友|队员|组员|室友|师兄|师姐|师弟|师妹|学长|学姐"
# a speaker's turn label (`主播A`, `嘉宾2`, `主持人`): a short name, maybe with a letter or number
SPEAKER_LABEL = r"[\u4e00-\u9fff]{1,6}(?:[A-Z]|[0-9]{1,2})?"
# the roles that take turns in a quiz show, a column, a press conference or a support chat (`主持人：…？选手：…`,
# `记者：…？发言人：…`, `用户：…？客服：…`)
# (or those of a talk, a lecture or a sharing session and the questions after it: `观众A：…？主讲人：…`, `提问者：…？讲者：…`)
ROLES = (r"主持人|选手|嘉宾|观众|听众|读者(?:来信|提问)?|来信|编辑(?:回复)?|专栏作者|作者回复|答主|记者|发言人|主播|评委|考官|考生"
         r"|用户|助手|客服|主讲人|主讲嘉宾|演讲者|演讲人|讲者|分享人|分享者|报告人|提问者|提问人")
# a person named by surname and title, as an interview's transcript names who speaks (`李教授：`, `王博士：`, `陈研究员：`,
# `张工：`): one or two characters before the title (not a word that ends in 工 and names no one: `人工`, `加工`, `分工`)
TITLED = (r"[\u4e00-\u9fff]{1,2}(?:教授|博士|研究员|工程师|讲师|院士)"
          r"|[\u4e00-\u9fff](?<![人加分员化手施木美电技民职矿理竣开完停复用做打零女])工")
# what sets right the words before it (`…，纠正一下——`), or takes them back as a joke (`…——开玩笑的，`): REPORTED_RE reads
# the words before as reported, _CORRECTION_RE what comes after as stated
_SET_RIGHT = r"(?:这里|在此|我|先)?(?:纠正|更正)一下"
_JOKE_TAKEN_BACK = r"开(?:个)?玩笑(?:的|啦|呢)?|逗你(?:的|玩的?)|骗你的"
# the writer answering, in a later clause, what another party said, and setting it right (`笔者需要指出`, `我不认同`,
# `本审稿人认为这其实…`, `但必须指出`); not a writer who agrees or goes on (`我同意`, `我认为这很有意义`)
_WRITER = r"(?:本审稿人|审稿人|评审人|本评审|本人|笔者|编者|译者|我们|我)"
_REBUTS = (r"(?:(?:但|然而|不过|可是)\s*+)?(?:" + _WRITER + r"\s*+(?:则|却|倒是?|对此)?\s*+(?:需要|必须|想|要|应当|不得不|特别|在此)?\s*+"
           r"(?:指出|提醒|纠正|更正|反驳|不认同|不同意|不赞同|不敢苟同|(?:对此)?(?:存疑|质疑)|持保留意见|有不同看法"
           r"|认为(?:这|此|其)[^，,。；;：:]{0,6}?(?:有误|错误|不对|不成立|站不住|缺乏依据|并不|并非|不是|其实|实际上|恰恰相反|与[^，,。；;：:]{0,8}?相反))"
           r"|(?:需要|必须|应当|值得)(?:特别)?指出)")
# a claim made, or a step taken, by another party the text answers (the authors of a paper under review, a source, a
# post), when a later clause of the same sentence sets it right (`作者在第 3 节称 X，笔者需要指出…`, `原文把 X 描述为 Y，
# 我认为这其实…`): the claim is reported to be refuted (not one the writer lets stand, `作者称 X，我同意`)
_OTHER_PARTY = r"(?:作者们?|原作者|本文作者|论文|原文|该文|文中|该论文|原帖|楼主|博主|题主|答主|讲者|报告人|教程|该教程|教材|这篇(?:论文|文章|博客|教程))"
_OTHER_SAYS = (r"(?:^|(?<=[，,；;：:\s]))" + _OTHER_PARTY + r"[^，,。；;！!？?]{0,20}?"
               r"(?:称|声称|宣称|认为|说|写道|提到|描述为|表述为|等同于|断言|主张|担心|认定|显示|报告|使用|采用|选用|把|将)"
               r"(?=[^。！!？?]{1,160}?[，,；;：:—]\s*+" + _REBUTS + r")")
# the people a text serves or reports on, who ask (`家属问…`) and hold beliefs (`客户以为…`)
SERVED = r"家属|家长|客户|用户|患者|学员|老板|领导|买家|顾客|听众|玩家|粉丝"
# a sentence that reports a belief in order to refute it (`常被误认作…`, `误当成…`), or calls a statement wrong
REPORTED_RE = re.compile(
    r"误以为|误认为|错误地认为|错以为|常被误解|(?<![错失])误(?:认作|认成|当作|当成|看作|看成|读为|读成|作(?![用业弊]))|误解|误区|谬误|迷思|想当然|有人(?:在[\u4e00-\u9fff]{1,6}?(?:里|上|中))?(?:会|可能会|常|常常|经常)?(?:认为|说|觉得|以为|提议|建议|主张)|有些人(?:认为|说|觉得)|很多人(?:认为|觉得|以为|会说)"
    # many or some people of any kind holding a belief (`不少观众以为…`, `常有同学把 X 当成 Y`)
    r"|(?:很多|不少|许多|一些|有些|有的|部分|好多|大多数|多数|常有|总有|经常有)(?:的)?(?:人|同学|观众|读者|听众|新手|初学者|朋友|用户|网友|候选人|面试者|开发者|工程师|学生|游客|参观者|玩家|买家|患者|家长)"
    r"(?:都|会|常|常常|经常|总|总是|往往|容易|一直)?(?:认为|觉得|以为|会说|相信|把[^，,。；;]{1,20}?(?:当成|当作|看成|看作|理解成|理解为|误认为))"
    # (a belief another person is said to hold by 以为, which tells a belief proved wrong: `家属以为…`, `萌新们以为…`,
    # `他以为…`; not one's own, `我以为`, an opinion, nor `当时以为`, `大家可能以为…，LLaMA 偏偏…`, which tell what was
    # done or go on to say what is; many of any kind who take one thing for another, `不少萌新把 X 当成 Y`)
    r"|(?:" + SERVED + r"|萌新|新手|小白|外行|网友|读者|观众|群友|对方|他|她)"
    r"(?:们)?(?:都|也|还|总|常|一直|往往|普遍|大多)?以为"
    r"|(?:很多|不少|许多|一些|有些|有的|部分|好多|常有|总有)[\u4e00-\u9fff]{1,3}?(?:都|会|常|常常|经常|总|总是|往往|容易|一直)?(?:把|将)[^，,。；;]{1,20}?"
    r"(?:当成|当作|看成|看作|理解成|理解为|误认为)"
    # (a step told as one that kept failing, `之前给 nn.GRU 传 (h0, c0) 一直报错`: what was tried, not how things are)
    r"|(?:一直|总是|老是|总|屡屡|频频)(?:在)?(?:报错|出错|抛异常|抛出异常|崩溃|跑不通|跑不起来)"
    # (a step told with the harm it did and a late finding that ends the sentence, `…也加了 causal mask，效果掉了不少才发现`:
    # a mistake made, not how things are; not `…，后来才发现 X 是…`, which goes on to say what is)
    r"|(?:掉|降|跌|崩|炸|挂|坏|变差|差|不收敛|发散|出错|报错|出问题|翻车)了?[^，,。；;！!？?才]{0,6}?(?:之后|以后|后)?"
    r"才(?:发现|意识到|反应过来|察觉|找到原因|定位到|查出来)(?:问题|原因|不对)?(?=\s*+(?:[。！!；;…]|$))"
    # (a statement called wrong, `X 是 Y，不准确`; not a degree of a property, `batch 越大，梯度估计越不准确`)
    r"|(?:说法|观点|理解|看法|认识|结论)(?:是|并)?(?:错误|错|不对|不正确|不准确|不成立|有误)|是错误的|是错的|是不对的|(?<![越更很太较愈得])不(?:正确|准确)|并不成立|不成立"
    r"|这(?:样做|种做法|么做)?(?:是|并)?(?:不合适|不妥|不恰当|不可取)的|误算|(?<!错)误用"
    r"|其实不然|并非如此|事实并非|实际上并非|这是(?:一个|一种)?(?:常见的)?(?:错误|误解)|myth|misconception|is (?:wrong|incorrect|false)"
    r"|说成|搞错|弄错|弄反|搞反|搞混|弄混|混淆(?!矩阵)|记错|记混|张冠李戴|漏算|算漏(?![检报判])|答错|说错"
    # an interviewer's verdict on the answer given (`我说是 MLM，面试官说不对`)
    r"|(?:面试官|考官|对方)[^，,。；;]{0,6}?(?:不对|不是这样|有误|纠正|更正)"
    # a reviewer pointing out what the statement really is (`面试官当场指出此为精确率的定义`, `评审指出这是反的`)
    r"|(?:面试官|考官|对方|老师|导师|评委|评审|审稿人)[^，,。；;]{0,6}?指出(?:这|此|其|该)(?:说法|回答|理解|答案|结论)?(?:其实|实际上)?(?:是|为)(?!对|正确|没|很好|不错|合理)"
    r"|[”\"」』]\s*+(?:这种|这个|这一|的)?(?:说法|观点|理解|认识|看法)|[”\"」』]\s*+(?:其实|实际上)?是(?:把|将)"
    r"|(?:弄|搞|说|记|写|读|看|理解|想)反了|颠倒了|本末倒置"
    # a statement followed by "it is the other way round" (`常见的说法是 A 看召回，其实反了`)
    # (not one that opens a sentence or an answer, `答：恰恰相反，X`: it turns from what was said before, X is stated)
    # (not a second thing set against the first, `ResNet 则正好相反，它…`: a contrast of two, not a statement refuted)
    r"|(?<!^)(?<![：:\s])(?:(?:其实|实际上|事实上|恰恰|正好|恰好|刚好|完全)(?:是|就是)?(?:相)?反(?:了|的)|(?<!则)(?:恰恰|正好|恰好|刚好|完全)相反)"
    # a saying going round (`网上有说法称 X…`); the other side's view in a debate (`对方辩友认为…`); what a fix says was
    # written wrongly before (`此前版本错误地把 X 标为…`)
    r"|有(?:一种|种|个)?说法(?:称|是|认为|说)|网上(?:有人)?(?:常说|都说|流传)"
    r"|对方(?:辩友|辩手|一辩|二辩|三辩|四辩)(?:们)?(?:刚才|一直|始终|反复)?(?:认为|说|觉得|声称|主张|坚持|以为|提出|强调)"
    r"|错误地(?:把|将|标注|写|描述|归类|标记|称|当作|当成|列为|实现|使用|用了|采用|计算|调用|启用|开启|让|使|令|设|关闭|去掉|返回|输出)"
    # what a report or a user is said to claim (`有反馈称换用 Adam 提升了推理速度`, `有用户报告称…`)
    r"|(?<![具拥含])有(?:用户|网友|读者|同学|人)?(?:反馈|报告|报道|帖子|文章|评论|issue)(?:里|中)?(?:声称|称|说)"
    # a wrong description corrected (`更正了“…”的错误描述`; not what it is changed to, `勘误：X 由…改为“…”`)
    r"|(?:更正|纠正|修正|勘误)(?:了)?[^。；;]{0,12}?(?<!改为)(?<!改成)(?<!更正为)(?<!修正为)(?<!改作)[“\"「『]|[”\"」』]\s*+(?:这种|这个|这一|的)?(?:错误)?(?:描述|表述|写法)"
    # a quoted statement named as a kind of bug (`排查“推理时仍开着 Dropout”这类问题`), a correction notice (`特此更正`),
    # mistakes listed under their label (`**易错**: 推理时还 drop`; not `易错点：`, a flashcard's point to get right), what
    # many would answer (`很多人会答“…”`)
    r"|[”\"」』]\s*+(?:这类|这种|之类的?|一类|等)(?:的)?\s*+(?:线上|常见|典型|低级)?\s*+(?:bug|BUG|Bug|问题|错误|故障|坑)"
    # a quoted statement said to miscount (`“7B 用 FP16 约 7GB”把字节数算少了一半`, `“…”高估了…`)
    r"|[”\"」』]\s*+(?:是|就是|其实)?\s*+(?:把[^，,。；;]{1,12}?)?(?:(?:算|估|写|说|记)(?:少|多|小|大|低|高)了|低估了?|高估了?)"
    # (or set right by the clause after it, `新同学把 X 叫 Y，纠正一下——…`, or taken back as a joke, `…——开玩笑的，…`); a
    # belief someone else holds firmly (`老板坚信…`, `他一直以为…`; not one's own, `我坚信…`)
    r"|[，,；;—]\s*+" + _SET_RIGHT + r"|[，,；;—…]\s*+(?:" + _JOKE_TAKEN_BACK + r")(?=[，,。！!；;—…\s]|$)"
    r"|(?<!我)(?<!我们)(?<!咱们)(?:坚信|深信|迷信|一直以为|总以为|还以为)|特此(?:更正|勘误|致歉)|(?:易错|常见错误|错误做法|错误示范|典型错误|错误写法)\s*+(?:\*\*)?\s*+[:：]|(?:很多人|不少人|有人|许多人|好多人|多数人|大多数人)(?:会|常|常常|经常|都)?(?:答|回答|答成|选)(?![对案题])"
    # (or blurt it out, `很多人脱口而出“…”`, `不少人张口就说…`: the answer people give offhand, set up to be refuted)
    r"|(?:很多人|不少人|有人|许多人|好多人|多数人|大多数人)(?:会|常|常常|经常|都)?(?:脱口而出|张口就(?:说|答|来)|想都不想就(?:说|答))"
    # a belief one is told to give up (`别再以为…`), or held and then corrected (`以为…，其实…`)
    r"|(?:^|(?<=[：:]))\s*+(?:\*\*)?\s*+(?:别|不要|不用|莫)再?(?:以为|认为|觉得|相信|迷信)|以为[^。；;！!？?]{1,40}?[，,]\s*+(?:其实|实际上|事实上|但其实|然而)"
    # a statement quoted to be judged (`“…”的说法言过其实`), beliefs attributed to others (`常有人把 A 和 B 混为一谈`)
    r"|(?:说法|观点|理解|看法|认识|结论|叫法|表述)[^，。；]{0,4}?(?:混淆|言过其实|不严谨|站不住)|混为一谈"
    r"|(?:有人|有些人|很多人|不少人|许多人|常有人)(?:会|常|常常|经常)?(?:把|将)"

    # a statement said to be the wrong way round, mixed up, miscounted or overstated; a belief others hold
    r"|(?:弄|搞|说|记|写|理解)反了?|(?:读|看)反了|颠倒了|(?:混淆|搞混|弄混|记混)了|记错了?|算错了?|笔误|口误|夸大了"
    r"|(?:有人|有些人|有的人|不少人|很多人|许多人|一些人|常有人|有(?:的)?(?:资料|文章|教程|博客))[^。；;！!？?]{0,24}?(?:误以为|以为|认为|觉得|担心|说成|写成|当成|当作|看成|理解成|理解为)"
    # (a reader or learner said to think so, however long the reason given: `有读者可能会因为…，就觉得 PPO 是…`)
    r"|有(?:的|些|一些)?(?:读者|同学|朋友|初学者|新手|小伙伴)[^。；;！!？?]{0,90}?(?:误以为|以为|认为|觉得|当成|当作|看成|理解成|理解为)"
    r"|有人(?:把|将)|常(?:听到|听人说|有人说)"
    # some of the sources put it so (`部分文献将召回率表述为“…”`): a partial quantifier sets the author apart
    r"|(?:部分|一些|有些|有的|某些|少数)(?:文献|资料|文章|教程|博客|教材|论文|书|书籍|帖子|网文|面经|回答)[^。；;！!？?]{0,24}?(?:把|将)|(?:不少|许多|一些|部分|很多)(?:人|初学者|同学|面试者)(?:常|会|容易)?(?:认为|以为|觉得|误以为|说)"
    r"|(?:说|记)成了?|(?:错|误)写成|误(?:作|当|称|叫|归)"
    # what an error was caused by, a step taken wrongly (`你的报错是把 basic block 套到了 50 层模型上`, `bug 出在把 X 当成 Y`):
    # the step is a mistake, not how things are
    r"|(?:(?:报错|出错|错误|bug|故障)(?:的?(?:原因|根源|来源))?|问题的?(?:原因|根源)|问题)(?:其实|就)?(?:是|在于|出在)\s*+(?:你|您|你们|代码|脚本)?(?:的?(?:代码|脚本|配置))?(?:里|中)?(?<!问题是)(?<!问题就是)(?<!问题其实是)\s*+(?:把|将|误)"
    # a step taken by mistake (`排查发现 encoder 误加了 causal mask`, `误将验证集混进训练集`)
    r"|误(?:默认)?(?:加|添|开|启|设|配|删|改|把|将|放|接|传)"
    r"|误读|曲解|错读|用词(?:错误|不当)|混了(?=\s*+(?:[。；;，,！!)）]|$))|是(?:一)?个\s{0,2}(?:bug|BUG|Bug)(?![A-Za-z])|(?:有人|有些人|很多人|不少人)(?:会)?(?:估算|估计|声称|宣称|主张)"
    # a warning against a belief (`别以为…`), sources that get it wrong (`很多资料把 X 写成…`), a quoted
    # statement judged wrong (`“测试时也要…”并不是标准做法`)
    # (别 the imperative, not the last character of a word: `把这个区别说清楚了`, `分别说明`, `特别说一下`)
    r"|(?:(?<![区分特类级性个差鉴辨识告离派])别|不要|千万别|切勿|莫)(?:以为|认为|觉得|误以为|说(?![反错混])|讲(?![反错混])|写成|说成|(?:写|说|搞|弄|记|理解|想)反成)"
    # (a reading warned against, `验收时别把 mAP 当成各类准确率的平均`, in the sentence's first clause: a warning after the
    # writer's own clauses, `FFN 也负责混合位置信息，所以别把它当成逐点变换`, leaves them stated)
    r"|(?:^|(?<=[：:]))\s*+[^，,。；;！!？?]{0,10}?(?:别|不要|千万别|千万不要|切勿|切莫|莫|不能|不可)(?:再)?(?:把|将)[^，,。；;！!？?]{1,30}?(?:当成|当作|看成|看作|理解成|理解为|误认为|等同于|混同为|混为)"
    # an option judged wrong in a multiple-choice explanation (`D 项错在认为…`, `B 选项错在…`), a belief a colleague
    # or we ourselves held at first (`有同事以为…`, `我们一开始以为…`)
    r"|错在"
    # (a classification or reading judged wrong in its own clause: `把 BART 归到 encoder-only 不对`, `将 X 看成 Y 是错的`)
    r"|(?:把|将)[^，,。；;！!？?]{1,30}?(?:归到|归为|归入|划到|划入|列为|算作|当成|当作|看成|看作|理解成|理解为|写成|说成)[^，,。；;！!？?]{1,30}?"
    r"(?:是)?(?:不对|错的|错了|有误|不准确|不正确|不合适|不妥)(?:的)?(?=\s*+(?:[，,。；;！!]|$))"
    # (not a hearer addressed, `这位同学问得好，你担心的…`, `同学你好，…`: the speaker answers, nobody's belief is told)
    r"|(?:同事|同学|朋友|网友|新人|新手|初学者|候选人|面试者|实习生|" + _TEAMMATES + r"|组里|团队里?)(?!们?你好|们?好[，,！!]|问得|提得好|很细心|真细心)[^。；;！!？?]{0,8}?(?:误以为|以为|当成|当作|写成|实现成|理解成|说成|认定|一口咬定|坚持认为|非说|担心)"
    # (one of them named by a count, `有个新人把 X 和 Y 放在一起叫框架`, as `有人把…` is)
    r"|有(?:个|位|一个|一位|些)(?:同事|同学|新人|新手|实习生|学生|朋友|初学者|读者|" + _TEAMMATES + r")(?:把|将)"
    r"|" + _OTHER_SAYS +
    # what a reader's letter or an online poster's message believes or worries about (`读者来信担心 X 是个问题`,
    # `网友留言认为 X`): the poster's view, which the writer goes on to answer (not what it reports it saw, `读者来信说他的
    # 模型加了噪声后输出几乎不变`: a premise the reply builds on)
    r"|(?:读者|网友|粉丝|听众|观众|提问者|学员|同学)(?:们)?(?:来信|留言|私信|提问|评论|来稿|发帖)(?:里|中)?(?:担心|认为|觉得|以为|怀疑|坚信)"
    r"|(?:一开始|起初|最初|开始时|当初|原先|原本|本来|以前|之前|曾经?)(?:我们|我|大家|团队)?(?:都|也|还|一直)?(?:误以为|以为|当成|当作|指望|寄希望于)"
    r"|(?:我们|大家|团队)(?:一开始|起初|最初|当初|原先|原本|本来|以前|之前|曾经?)?(?:都|也|还|一直)?(?:误以为|以为)"
    # (I, before what shows the belief was mistaken: `我一直以为 PPO 是 off-policy`, `我还以为…`)
    r"|我(?:一直|还|原来|原先|本来|之前|以前|曾经?|老是|总)(?:都)?(?:误以为|以为)|我误以为"
    # a statement marked wrong in brackets right after it (`把 FlashAttention 当成"近似 attention"（错，是精确的）`, a
    # quiz verdict `…（×）`), or after a dash or an arrow (`…——错误`)
    r"|[（(]\s*+(?:不对|" + _FALSE_MARK + r")\s*+[，,：:）)]|(?:——|--|—|→|=>)\s*+(?:" + _CROSS + r"|错误|错)(?![^，,。；;\s])"
    r"|(?:很多|不少|许多|一些|有些|部分|有的)(?:资料|文章|博客|教程|书|书籍|材料|回答|答案|帖子|网文)(?:里|中|上)?(?:会|常|常常|经常|都)?(?:把|将|说|认为|写)"
    r"|[“\"「『][^”\"」』]{6,}[”\"」』]\s*+(?:其实|实际上)?(?:是)?(?:并不是|并非|不是|并不|一种误解|反的|站不住|(?:一种|一个|个)?(?:常见的?|典型的?)?(?:错误|误解|误区|谬误))"
    # what is called a wrong understanding is refuted (`…越高越好是一种错误理解`)
    r"|是(?:一种|一个|个)?(?:常见|典型|很常见)?的?错误(?:的)?(?:理解|认识|观念|说法|看法|印象)"
    # what is named a wrong saying before it (`常见的错误说法是“…”`, `一个典型的错误理解是：…`)
    r"|(?:错误|不正确|不准确)(?:的)?(?:说法|观点|理解|认识|观念|看法|表述|答案|回答|写法)\s*+(?:是|有|包括|比如|例如|如)?\s*+[：:“\"「『]"
    # a quoted statement judged wrong after it (`“L1 就是权重衰减”这句话两处都错`), a statement called a common mistake:
    # neither is asserted
    r"|(?:[”\"」』]|(?<=[\s：:])'[^'\n]{6,120}')\s*+(?:这句话|这种说法|这个说法|这两句话?|两句话|这句|的说法)?\s*+(?:两处|两点|每一?处)?(?:都|全|也|完全)?\s*+(?:是)?\s*+(?:不对|错的|错了|错误的|错|不成立|有误|不正确)"
    # (or in a clause of its own right after the quote, that says only this: `“GPT 是双向语言模型”，错。`)
    r"|[”\"」』]\s*+[，,]\s*+(?:这句话?|这种说法|这个说法)?\s*+(?:是|也)?\s*+(?:不对|错的|错了|错误的?|错|不成立|有误|不正确)(?:的)?\s*+(?=[，,。；;！!]|$)"
    # what a text under review says (a code comment, a document, a config), judged in the same clause (`注释写 BERT-base
    # 有 340M 参数不对，…`): the statement is the text's, not the writer's
    r"|(?:注释|文档|docstring|README|配置|说明|描述|原句|原文|初稿|草稿|文案|PPT|slides?)(?:里|中|上)?(?:写的?|写着|说|称|提到)[^。；;！!？?，,]{1,80}?(?:不对|有误|不准确|不正确|是错的|错了)\s*+(?=[，,。；;！!]|$)"
    r"|是(?:一个|一种)?(?:很|非常)?(?:常见|典型|经典)的?(?:错误|误解|误区)"
    # a quoted statement crossed out or taken back (`你草稿里写过“…”，后来划掉了`)
    r"|[”\"」』]\s*+[，,]?\s*+(?:但|可)?(?:后来|之后|随后|又|立刻|马上)?(?:被|又)?(?:划掉|删掉|删去|撤回|收回|改掉)"
    # a statement rejected by the clause that ends its sentence (`楼上说 GPT 是双向的，这不对。`), a belief a forum
    # poster is said to hold (`楼上把 FlashAttention 当近似注意力了`), a mistake made (`把 GELU 实现成了 x·sigmoid(x)`)
    r"|[，,]\s*+(?:这|这个说法|这种说法|这话|这样说|这么说)?\s*+(?:是|并|就)?\s*+(?:不对|错的|错了|不正确|有误|不成立)(?:的)?\s*+[。！!；;]?\s*+$"
    # (or said to be the wrong way round, or a limit it names said not to exist: `回答说 X，这是反的。`, `…，这个限制并不存在；`)
    r"|[，,]\s*+(?:这|这个说法|这种说法|这话|这样说|这么说)\s*+(?:是|就是|正好|恰好|完全|刚好)?\s*+(?:反的|(?:说|弄|搞|记|写)?反了)\s*+[。！!；;]?\s*+$"
    r"|[，,]\s*+(?:这个|这种|这一|这条)(?:限制|约束|规定|上限|下限|区别|差别)\s*+(?:其实|根本|实际上)?\s*+(?:并|是)?\s*+不存在(?:的)?\s*+[。！!；;]?\s*+$"
    # ... or by a clause of its own that only says so (`有同学说 X，这个不对，…`), a belief someone is said to hold
    r"|[，,]\s*+(?:这|这个|这个说法|这种说法|这话|这样说|这么说)\s*+(?:是|并|就)?\s*+(?:不对|错的|错了|不正确|有误|不成立)(?:的)?\s*+[，,：:]"
    r"|有(?:的|个|位)?(?:同学|同事|朋友|网友|读者|面试者|候选人|新人|新手|初学者|" + _TEAMMATES + r")(?:会|常|常常|经常)?(?:说|认为|觉得|以为|问|提议|建议|主张)"
    # an exercise that quotes a wrong statement to correct it (`改错：“…”`), a quoted statement an answer marks false
    # in the same sentence (`判断题：“…”答：错误。`)
    r"|(?<![修更])(?:改错|纠错|找错)题?\s*+(?:\*\*)?\s*+[:：]"
    r"|[”」』]\s*+(?:\*\*)?\s*+(?:答案?|判断|结论)\s*+(?:\*\*)?\s*+[:：]\s*+(?:\*\*)?\s*+(?:" + _FALSE_MARK + r"|不对|不正确|说反了|应改为|应为)"
    r"|是(?:本次|这次|此次|那次|上次)?[^，,。；;]{0,16}?根因|是(?:本次|这次|此次|那次|上次)[^，,。；;]{0,16}?(?:元凶|罪魁祸首)"
    # (what caused an incident; `数据增强是过拟合的元凶` is a claim)
    r"|是[^，,。；;]{0,16}?(?:故障|事故|bug|事件|报错|崩溃|宕机|告警)[^，,。；;]{0,4}?(?:元凶|罪魁祸首)|(?:楼上|楼主|层主)(?:又|还|也|都)?(?:把|将)|(?:把|将)[^。；;，,]{1,30}?(?:实现|当|看|理解|搞|弄)成了|(?:把|将)[^。；;，,]{1,30}?写成了[^。；;]{1,40}?[，,；;]\s*+(?:那|这)?(?:其实|实际上|事实上)"
    # what a text under review or a person says, judged by a later clause of the same sentence (`作者在第2节称 GPT 以
    # MLM 预训练，这与事实不符`, `作者把 BART 归入仅编码器模型，这一归类不对`, `候选人说…，需要更正`)
    r"|" + _ATTRIBUTED + r"[^。；;！!？?]{1,120}?[，,]\s*+" + _VERDICT
    # a grader's deduction for what the answer says (`扣 1 分，因为你说 PPO 是 off-policy`), a conclusion said to be the
    # wrong way round (`你说秩越大参数越少，结论反了`)
    + r"|" + _DEDUCTION + r"\s*+[，,：:]?\s*+(?:这是)?(?:因为|是因为|原因是|理由是|由于)?\s*+" + _ATTRIBUTED
    + r"|(?:结论|方向|因果|顺序|大小关系|正负号?|符号)(?:是|也|恰好|正好|完全|刚好)?(?:弄|搞|写|说|记)?反了"
    # a grader's rule that marks an answer wrong, the answer quoted or said in the sentence's first clause (`回答“BN 没有
    # 可学习参数”的应判错`, `说 Adagrad 学习率逐渐增大的判错`, `把两者说反的回答判错`): what is quoted is not asserted
    r"|^[^，,；;。]{0,12}?(?:回答|答案|答复|作答|输出|说|称|认为|写|答|把|将)[^。；;]*?(?:[”」』]|的|者)\s*+(?:回答|答案|答复|输出|样本)?\s*+[，,]?\s*+"
    r"(?:应|应当|应该|一律|均|都|直接|则|即|可)?\s*+(?:(?:判|判为|判定为|判作|判成|记为|记作|标为|标记为|标注为|视为|算作?)\s*+(?:错误?|不正确|不合格|不通过|无效)"
    r"|(?:判|记|给|打|得|算)\s*+(?:为|作)?\s*+(?:0|零)\s*+分|不予?给分|不得分|扣分)"
    # what a setup is said to contradict (`warmup 被实现成逐步减小学习率，和设计相反`), a change after which a result got
    # worse (`编码器加了 causal mask 后翻译质量下降`): a bug found, not how things are
    r"|[，,]\s*+(?:这|此)?(?:与|和|跟)(?:原?设计|预期|原意|本意|文档|原?论文|定义|规范|事实|常识|标准做法|原文|官方实现)(?:的)?(?:恰好|正好|完全|刚好)?(?:相反|矛盾|不一致|不符)"
    # (a past change, `加了`, `换成了`: `加入…后…通常会变差` states what a change does in general, and is read)
    # (a verb of one character only before 了 or a name: `加密后…掉了` adds nothing)
    r"|(?:加上|加入|换成|改成|改用|打开|启用|(?:加|用|开)(?=了|\s|[A-Za-z]))(?P<past>了)?[^。；;]{1,40}?(?:之)?后[，,]?(?:(?!会|通常|往往|一般|可能|容易)[^。；;]){0,12}?"
    r"(?:效果|质量|指标|性能|精度|准确率|分数|BLEU|得分|表现|F1)(?:(?!会|通常|往往|一般|可能|容易)[^。；;，,]){0,6}?"
    r"(?:(?:下降|变差|变低|暴跌|退化|恶化)(?(past)|了)|掉了|崩了)",
    re.I,
)
# a sentence that opens with a verb of saying reports what is said: "说 X 是 Y，是漏算了…"
# (说白了/说实话/说实在的/说结论 open a statement)
SAY_LEAD_RE = re.compile(r"^(?:说|称|认为|觉得|以为)(?!明|到|起|过|的|法|白|实话|实在的|真的|穿|来说|句|结论|重点|正事|回来|老实话|真心话"
                         r"|个|一个|件|一件|段|一段)")  # (`说个自嘲的事`: a story told, not a claim reported)
# supposition: a clause that begins like this states nothing
# (`面试问到 X，…`: when X is asked about, what follows is what to answer)
# (but `即便是 X 也…`, `哪怕是 X 都…` single out X and state what follows of it: `即便是较小的 BERT-base 也有…`)
SUPPOSE_RE = re.compile(r"^\s*+[（(]?\s*+(?:(?:你|您|我们|咱们|大家)(?=要是|如果|假如|倘若|若是)|)(?:如果|假如|假设|倘若|若是|如若|若(?!干|何|无|有所)|要是|(?:即使|即便|哪怕)(?!是[^，,。；;？?！!]{1,30}?(?:也|都))|要想|想要|若要|如要|要(?:得到|实现|达到|获得)|要(?=[^，,。；;？?！!用]{1,8}?(?:请|就|得|需要?|应该?)\s*+(?:改用|换用|选用|使用|采用|用))|(?:面试)?(?:被|当)?问到|if\b|suppose)"
                        # (not a figure set up, which states nothing supposed: `如果把训练比作做菜，X 就是…`, `如果说优化器里有一个
                        # 冠军，那就是 Adam`)
                        r"(?![^，,。；;]{0,3}把[^，,。；;]{1,24}?(?:比作|比喻成|比喻为|比成|比方成|想象成)|说[^，,。；;]{1,40}[，,]\s*+(?:那|那么)(?:就|便)?是)", re.I)

NEGATIONS = frozenset(
    "不 没 没有 无 无需 无须 无法 不会 不能 不是 并不 并非 非 未 未曾 不再 不需要 不用 不必 绝不 从不 从未 并没有 毫无 决不 不可 "
    "不可能 不该 不应 不应该 不要 别 勿 难以 根本无法 不至于 不致 不会再 不得 没法 不到 远不到 而非 并未 不需 无从 谈不上 算不上 不属于 不等于 不等同于 "
    "不叫 不算 不具有 不具备 不存在 不涉及 不包括 不包含 不依赖 不影响 不改变 不使用 不采用 不支持 不需要 不含 不带 不比 不像 并不比 并不需要 从来不 决不会 毫不 不太 没什么 没啥 不以 不对 不够 不宜 不可以 不曾 "
    # (a warning: `千万别用 softmax`)
    "千万别 千万不要 千万不能 千万不可 万万不可 切莫 切忌 "

    "避免 免去 省去 绕过 绕开 很难 不容易 不易 防止 阻止 以免 以防 杜绝 "
    # what is skipped or dropped is not done or had (`DPO 跳过显式训练奖励模型`, `GRPO 砍掉了 critic`)
    "跳过 省掉 省略 免除 舍弃 抛弃 砍掉 "
    # what a thing ignores it does not take into account (`Precision 忽略了真正的正类中有多少被预测为负类`)
    "忽略 忽视 无视 "
    # what is switched off is not used (`测试时：使用全局统计量，禁用批量统计`)
    "禁用 停用 弃用 禁止 "
    # a sign that denies what follows it (`KNN ≠ 聚类`, `幅值剪枝 ≠ 剪大权重`)
    "≠".split()
)
# removing a step denies it, when what is removed is the property itself (`RMSNorm 去掉了减去均值的部分`: it does
# not subtract the mean), not something else (`剪枝去掉一半的权重后，推理更快`)
REMOVALS = frozenset("去掉 去除 移除 删除 删去 删掉 拿掉 舍弃 摒弃 剔除 砍掉 取消 牺牲 放弃 丢失 失去 丧失 省 省去 省掉 省略 略去 丢掉 免去".split())
# an English verb of removal right before the property (`drop re-centering`, `skips the mean subtraction`)
_REMOVED_EN_RE = re.compile(r"(?<![A-Za-z])(?:drop(?:s|ped|ping)?|remov(?:e|es|ed|ing)|omit(?:s|ted|ting)?|skip(?:s|ped|ping)?|eliminat(?:e|es|ed|ing))\s+(?:the\s+)?(?:\*\*)?\s*+$", re.I)
_REMOVED_GAP_RE = re.compile(r"[了掉\s*]*")
# replacing a thing by something denies the thing that: `将 ReLU 替换为线性激活函数` (ReLU is not linear; what
# replaces it is); becoming (变为, 变成) or setting (改为 0.1) does not
REPLACEMENTS = frozenset("替换 替换成 替换为 换成 换为 换用 改用 代替 取代 替代".split())
_REPLACED_GAP_RE = re.compile(r"[了成为作\s*$]*")
_NEGATION_EN_RE = re.compile(r"\b(?:not|no|never|cannot|without|neither|nor|rather\s+than|instead\s+of)\b|n't\b", re.I)
_LATIN_RE = re.compile(r"[A-Za-z]")
# an English negating prefix glued to the word after it (`Non-Learned`, `nonlinear`, `un-normalised`)
_NEGATING_PREFIX_RE = re.compile(r"(?i:\b(?:non|un)-?)$")
# a word the segmenter cut with a negation at its head (`并不等于`, `不越`): a negation too
# (`不能自己` is one word to the segmenter: `并不能自己感知顺序` denies)
_NEG_HEAD_RE = re.compile(r"^(?:并不|并非|并没|从不|从没|从未|决不|绝不|不(?=[越更太很再])|不能(?!不)"
                          # a one-character verb the segmenter glued to its 不 (`不加下三角 mask`, `不乘`, `不看`)
                          r"|不[加乘看做给让设传写读存放拿取训调换改求除减学选接跳跑动靠凭]$"
                          # `无可` cut off the verb it denies (`池化层无可 / 学习参数`), save the idioms that affirm
                          r"|无可(?!厚非|奈何)$)")
# a verb with a negated potential complement cannot reach what it names (`给不出精确似然`, `算不出`, `学不到`, `解决不了`),
# save idioms that affirm (`少不了` is indispensable, `免不了` unavoidable)
_POTENTIAL_NEG_RE = re.compile(r"^[\u4e00-\u9fff]{1,2}不[出到了动]$")
_POTENTIAL_AFFIRMS = frozenset("少不了 免不了 错不了 离不了 跑不了 大不了".split())
# an emphatic denial the segmenter keeps whole (`ZeRO 可不是张量并行`, `新树可不拟合原始标签`), save the interjection
# that agrees (`可不是嘛`, `可不是，…`)
_EMPHATIC_NEG = frozenset("可不是 可不".split())
_AGREEING_RE = re.compile(r"\s*+(?:嘛|吗|么|呗|呀|啊|[，,。！!？?：:]|$)")
_POTENTIAL_TAILS = frozenset("不出 不了 不动".split())  # the complement as the segmenter cuts it off its verb
# a 不 that negates an attribute of a noun (`不重要特征的系数`, `不相关的特征`, `不平衡的数据`): no denial of the predicate
_NEGATED_ATTRIBUTES = frozenset("重要 相关 必要 平衡 均衡 稳定 收敛 常见 常用 可导 可微 连续 合理 正确 准确 有效 显著 规则 完整 饱和 活跃".split())
# words that coordinate two negated predicates ("不需要、也不应该"): the second negation repeats the first
_NEG_COORD = frozenset("、 ， , 也 或 或者 且 并且 而且 和 及 以及".split())
# modal hedges: a claim under them is not asserted
HEDGES = frozenset("可能 也许 或许 未必 不一定 不见得 有时 有时候 偶尔 大概 似乎 或多或少".split())
_SPLIT_HEDGE_RE = re.compile("不一定|不见得|形式上|表面上|名义上")
# a clause said to give only the form of a thing whose substance the next clause gives (`ZeRO 是模型并行的形式，数据并行的
# 实质`): its claim is a hedge
_SENTENCE_STOP_RE = re.compile(r"[。！？!?\n]")
_FORM_ONLY_RE = re.compile(r"(?:的|之)(?:形式|外壳|表象|外衣)\s*+[，,]\s*[^，,。；;！!？?\n]{0,20}?(?:实质|本质|内核)")
# 大概/大约 before an amount (`大概是 RNN 的三倍`, `大概 7GB`) says "about", not "perhaps"
_APPROX = frozenset("大概".split())
_AMOUNT_RE = re.compile(r"\s*+(?:是|为|有|在|等于|占|只有|就是)?\s*[^，,。；;]{0,20}?"
                        r"(?:[\d一二三四五六七八九十两半]\s*+(?:倍|个|亿|万|千|百|B|M|K|GB|MB|%|成|层|维"
                        r"|×|\*\s*+10|\^|[eE][+\-]?\d)"  # (or a power of ten: `大概 3.4×10^38`)
                        # (or a fraction, `大概缩小到原来的一半左右`, `大概只剩三分之一`, `大概 1/4`)
                        r"|一半|[一二三四五六七八九十两\d]\s*+分之\s*+[一二三四五六七八九十\d]|(?<![\d.])\d+\s*+/\s*+\d+)")
# a quiz verdict that opens a sentence and marks the one before it false (`（×）解析：…`, `答案：错。`)
# (a verdict may carry the label of an answer: `答：×`, `答案：对`)
# (or a speaker's turn that judges the answer given, after a word of regret, or takes points off: `主持人：很遗憾，答错了，…`,
# `主持人：扣 5 分！`)
_VERDICT_LABEL = (r"\s*+(?:\*\*)?\s*+(?:[（(]\s*+(?=" + SPEAKER_LABEL + r"\s*+[:：]))?"  # (a turn in brackets: `（观众：不对！）`)
                  r"(?:(?:答案|答|判断|结论|" + SPEAKER_LABEL + r")\s*+(?:\*\*)?\s*+[:：]\s*+(?:\*\*)?\s*+)?"
                  r"(?:(?:很遗憾|遗憾|可惜|抱歉|不好意思|哎呀?)\s*+[，,！!]?\s*+)?")
# a verdict that the statement before it is wrong: a mistaken belief, a claim that does not hold or does not match a
# source, concepts mixed up or a thing chosen wrongly, a plain no
_WRONG_VERDICT = (r"(?:(?:这|此|该)(?:个|种)?(?:说法|理解|表述|结论)?(?:是|属于)?(?:一种|一个|个)?(?:常见的?|典型的?)?)?(?:误解|误会|误区|谬误)"
                  r"|(?:(?:这|此|该)(?:个|种)?)?(?:说法|理解|表述|结论|描述|记录|数据|数值)?(?:有误|不成立|不准确|不属实|失实|站不住)"
                  r"|(?:概念|术语|两者|二者)(?:混淆|搞混|弄混|混用)|[\u4e00-\u9fff]{0,3}?(?:选|用|写|记|算|搞|弄)错了?"
                  r"|(?:这|此)?(?:其实)?(?:与|和|跟)[^，,。；;！!？?]{1,20}?(?:不符|不一致|相悖|相矛盾|矛盾)|否|不会(?:的)?|并非如此|不是这样(?:的)?")
_VERDICT_FALSE_RE = re.compile(_VERDICT_LABEL + r"(?:[（(]\s*+(?:" + _FALSE_MARK + r")\s*+[)）]|(?:" + _CROSS + r")(?!\S*[A-Za-z0-9])"
                               r"|(?:错误?|(?:说|弄|搞)?反了|不对|不正确|(?:回)?答错了?|回答错误|" + _DEDUCTION
                               # (or a verdict of its own on the statement before it, under any label: `诊断：误解。`,
                               # `结论：与原论文不符。`, `评语：概念混淆。`, `否。`, `不会。`)
                               + r"|" + _WRONG_VERDICT + r")\s*+(?=[。，,；;：:！!]|$))")

# the verbs of agreeing (`你同意吗？`, `同意。`)
_AGREE = r"(?:同意|认可|认同|赞同)"
# a question that asks whether the statement before it is right (`S，对吗？`, `S，这句话对吗？`, `S，这样画对吗？`), or a
# plain yes/no question (`S 吗？`: `BERT 是自回归模型吗？` then `对。`) ...
_TAG_ASK = r"(?:(?:对|正确|成立)(?:吗|么)|(?:这一?点)?(?:你们?|您|大家)?(?:都)?" + _AGREE + r"(?:吗|么)|对不对|是否(?:正确|成立)|(?:对|是|没错)吧|(?<![\s，,])(?:吗|么)(?=\s*+[？?]))"
_TAG_QUESTION_RE = re.compile(r"[，,]?\s*+(?:这句话|这种说法|这个说法|这一说法|该说法|此说法|这样做|这么做|这样理解|这么理解|这样(?:画|写|用|设|算|说)?)?\s*+"
                              r"(?:是)?" + _TAG_ASK + r"\s*+[？?]\s*+$")
# ... and a sentence that answers it yes (`对。`, `对，…`, `正确。`, `答案：对`, `（√）`)
# (a speaker's turn may answer it: `主播A：对对对，…`)
_AFFIRMED_RE = re.compile(r"(?:\s*+" + SPEAKER_LABEL + r"\s*+[:：])?" + _VERDICT_LABEL
                          + r"(?:对+|正确|是的|没错|成立|当然(?:是的?|了|啦)?|(?:我)?(?:完全|非常)?" + _AGREE + r"|正是(?:如此|这样|这个道理|这个意思)?|确实(?:如此)?|是这样(?:的)?|√|✓|✔|[（(]\s*+(?:√|✓|✔|对|正确)\s*+[)）])"
                          r"\s*+(?=[。，,；;！!：:]|$)")


# what takes back a yes in the sentence that gives it: a contrast, a belief called mistaken, a denial
_AFFIRM_TAKEN_BACK_RE = re.compile(r"其实|实际上|实际|事实上|但是?|不过|然而|误区|误解|误会|不对|(?<![没不])错|并非|并不|不是|不完全|不全|等等")


def affirmed_until(text: str, s: int, e: int, a: int, b: int) -> int | None:
    """Where the statement ends that the question text[s:e] asks about, when it asks whether it is right and the next
    sentence text[a:b] answers yes (`S，这句话对吗？` then `对。`) and does not take the yes back (`对，这是常见误区，实际…`),
    nor does the sentence after it (`乙：对。甲：差远了！`): S is stated. None otherwise."""
    if not _AFFIRMED_RE.match(text, a, b) or _AFFIRM_TAKEN_BACK_RE.search(text, a, b) or reports_belief(text[a:b]) \
            or refuted_next(text, a):
        return None  # (`…吗？对，这是个常见误区，实际用的是…`: the yes is taken back)
    tag = _TAG_QUESTION_RE.search(text, s, e)
    if tag is None:
        # (a question asked by its tone alone, `L2 能产生稀疏解？` then `对！`: the statement is all before its question mark)
        q = text[s:e].rstrip()
        if q.endswith(("？", "?")) and not clause_asks(q[:-1]) and _TONE_STATEMENT_RE.search(q):
            return s + len(q) - 1
        return None
    return tag.start() if tag.start() > s else None


# (a statement's words before such a question mark: some Han or Latin, not a label alone)
_TONE_STATEMENT_RE = re.compile(r"[\u4e00-\u9fffA-Za-z]{2}")
# where a question may ask whether the statement before it is right (a cheap look before the sentences are read), or is
# asked by its tone and answered yes (`…？对！`)
_TAG_HINT_RE = re.compile(_TAG_ASK + r"|[？?]\s*+(?:\*\*)?\s*+(?:" + SPEAKER_LABEL + r"\s*+[:：]\s*+)?(?:对|正确|是的|没错|当然|正是|确实|是这样)")


def may_be_affirmed(text: str) -> bool:
    """Whether `text` holds a question that may ask whether the statement before it is right (`…，对吗？`)."""
    return _TAG_HINT_RE.search(text) is not None


# a sentence that says the one before it is wrong, as another speaker's turn or not (`乙：差不多吧。甲：差远了！`,
# `…？对。——不对，…`, `其实不是`; a quiz host's `主持人：很遗憾，…`, `回答错误`)
_REFUTES_RE = re.compile(r"[ \t]*+(?:——|--)?[ \t]*+(?:(?:\*\*)?[ \t]*+" + SPEAKER_LABEL + r"[ \t]*+(?:\*\*)?[ \t]*+[:：][ \t]*+(?:\*\*)?[ \t]*+)?"
                         r"(?:(?:其实|可|可是|但|但是|不过|哎|嗐|咳)[ \t]*+[，,]?[ \t]*+)?"
                         r"(?:很遗憾|回答错误|答错了?|不正确|差远了|差多了|差得远|差得多|不对|错了|错(?=[！!。，,])|不是(?=[！!。，,])|当然不是|才不是|不是的|不是这样|并不是|非也|胡说|瞎说|别瞎说|想多了|想得美|哪有|哪能)")


def refuted_next(text: str, a: int) -> bool:
    """Whether the sentence after the one that starts at text[a] says it is wrong (`_REFUTES_RE`): an answer taken back by
    the next turn (`X？乙：差不多吧。甲：差远了！…`) states nothing."""
    end = _SENTENCE_STOP_RE.search(text, a)
    if end is None:
        return False
    k = end.end()
    while k < len(text) and text[k] in "。！？!?…":
        k += 1
    return _REFUTES_RE.match(text, k) is not None


# a speaker's turn that opens by setting the other speaker's words right (`嘉宾：其实 Adam 只用一阶梯度。`)
_TURN_WHO_RE = re.compile(r"\s*+(?:\*\*)?\s*+(?P<who>" + SPEAKER_LABEL + r")\s*+(?:\*\*)?\s*+[:：]")
_SETS_RIGHT_RE = re.compile(r"\s*+(?:\*\*)?\s*+(?:不对|错了|不是的?|非也)?\s*+[，,]?\s*+(?:其实|实际上|事实上|恰恰相反|正好相反|相反)")


def corrected_turn(text: str, s: int, a: int, b: int) -> bool:
    """Whether the sentence text[a:b] is a speaker's turn that opens by setting right the turn of another speaker
    that the sentence starting at `s` is (`选手：我觉得 X。嘉宾：其实 Y。`)."""
    mine, theirs = _TURN_WHO_RE.match(text, a, b), _TURN_WHO_RE.match(text, s, a)
    return mine is not None and theirs is not None and mine.group("who") != theirs.group("who") \
        and _SETS_RIGHT_RE.match(text, mine.end(), b) is not None


def next_turn_start(text: str, s: int) -> int:
    """Where the sentence after the one that starts at `s` starts, past white space (len(text) when there is none)."""
    end = _SENTENCE_STOP_RE.search(text, s)
    if end is None:
        return len(text)
    return end.end() + len(text[end.end():]) - len(text[end.end():].lstrip())


def set_right_next(text: str, s: int) -> bool:
    """Whether the sentence that starts at `s` is a speaker's turn that the next sentence, another speaker's turn, sets
    right (`corrected_turn`)."""
    if "其实" not in text and "实际上" not in text and "事实上" not in text and "相反" not in text:
        return False
    a = next_turn_start(text, s)
    nxt = _SENTENCE_STOP_RE.search(text, a)
    return a < len(text) and corrected_turn(text, s, a, nxt.end() if nxt else len(text))


def judged_false(text: str, a: int, b: int) -> bool:
    """Whether the sentence text[a:b] is a quiz verdict that marks the sentence before it false (`（×）解析：…`,
    `答：×。`, `错。`)."""
    return _VERDICT_FALSE_RE.match(text, a, b) is not None


# negation words the segmenter may cut apart (很 / 难得), matched on the characters at a word's start
_SPLIT_NEGATION_RE = re.compile("很难|不容易|不易|(?:很少|极少|鲜)有(?!人|谁)")
# words that make a negation with a 非 the segmenter glued to the next word (`而 / 非用`, `并 / 非是`)
_NEG_BEFORE_FEI = frozenset("而 并 绝 决".split())

# words whose tail reads like another word: a property phrasing must not begin inside one of them
# ("监督" inside "无监督", "线性" inside "非线性"); a rule pack adds its own term names
COMPOUNDS = tuple(sorted(set("""
无监督 有监督 半监督 自监督 弱监督 非监督 无标注 无标签 未标注 非线性 非参数 无参数 无偏 有偏 非凸 非对称 不对称 非稀疏 无损 有损 无序 有序 非负 非零
不可导 不可微 可导 可微 不可逆 非平稳 非独立 不独立 非确定性 不确定性 非自回归 自回归 双向 单向 反向传播 逆向 无放回 有放回
不平衡 非均匀 不均匀 非结构化 结构化 非对齐 未登录词 非端到端 端到端 不饱和 非饱和 无限 有限 无界 有界 非因果 因果
类别 各类别 每类别 区别 分别 判别 识别 级别 差别 个别 特别 无关 不同 非零
禁用 停用 弃用
""".split()), key=len, reverse=True))
# names of methods whose head word is a category (`层次聚类`, `谱聚类`): a phrasing `聚类` never begins inside one
NAMED_COMPOUNDS = ("层次聚类", "谱聚类", "密度聚类", "凝聚聚类", "模糊聚类", "子空间聚类")

GUARD_PREFIXES = "无非不未半自弱"  # compounds whose tail must not be read alone

# what qualifies an answer's label (`预期回答：`, `参考答案：`), and whom a teacher's question is put to (`提问学生：`): one
# list for every label pattern that reads them
ANSWER_QUALIFIER = r"(?:预期|参考|标准|期望)"
ADDRESSEES = r"(?:学生|同学|考生|听众|大家)"

# list markers, heading marks, numbering and emphasis before a sentence's first word
_LEAD_RE = re.compile(r"^(?:\s|[-*+>#]|\d+[.、)）]|[（(]?\d+[）)]|[一二三四五六七八九十]+、|\*\*|__)*+")


# a clause that only sets a frame (`…时，` `在…中，` `对…来说，` `由于…，`, `X 这块，`) or states a change (`X 越大，`
# `把 X 调到 10，`) is read together with the clause that follows: the two state one claim
_FRAME_END_RE = re.compile(
    # (and a talk's topic marker, `LoRA 这块您看，…`, `蒸馏这部分，…`, or a stage, `PPO 那一步，…`)
    r"(?:时|时候|之后|以后|后|之前|以前|前|中|里|来说|而言|(?:这块|这一块|这部分|这一部分|这方面|阶段|(?:这|那)一?步)(?:的话)?(?:\s*+(?:您|你)看)?|越[^\s，,。；;]{1,4}(?:\s*+[\d.]+)?|更大|更小|更高|更低|过大|过小"
    r"|(?:增大|增加|提高|提升|调大|调高|调小|调低|降低|减小|减少|变大|变小|升高|增长|下降|上升|扩大|缩小)(?:到|至|为)?\s*+[\d.]*\s*+(?:%|倍)?"
    r"|(?:调|设|改|增|减|提|降|变|升|跌|涨)(?:到|至|为|成)了?\s*+[\d.]+)\s*+(?:\*\*)?\s*+[，,]\s*+$")
_CLAUSE_LEAD = r"\s*+(?:[-*+>]\s+|\d+[.、)]\s*+)?(?:\*\*)?\s*+(?:(?:" + ANSWER_QUALIFIER + r"?(?:答案|回答)|答|解析|A|Answer)\s*+[:：]\s*+(?:\*\*)?\s*+)?"
_FRAME_START_RE = re.compile(_CLAUSE_LEAD + r"(?:由于|因为|随着|对于|至于|关于"
                             # (a convention or a definition that what follows is by: `按照知识蒸馏的惯例，…`)
                             # (or a procedure named by its method, `按照标准的知识蒸馏流程，…`)
                             r"|(?:按照|依照|根据|按|遵循|遵照|参照)[^，,。；;：:]{1,20}?(?:的\s*+(?:惯例|做法|常规做法|标准做法|规定|定义|设计|约定|原理|思路|套路)"
                             r"|(?:的\s*+)?(?:标准|常规|经典)?(?:流程|步骤|范式|配方))\s*+[，,])")
# a clause that names a view or a worry as the topic (`关于“FFN 混合各位置信息”的说法，`, `关于您担心 LoRA 会改动基座权重
# 的问题，`) reports it: what it names is not stated, and the clauses after it (the answer) are read on their own
_REPORTED_TOPIC_RE = re.compile(_CLAUSE_LEAD + r"(?:关于|对于|针对|就)[^，,。；;：:]{1,60}?的\s*+(?:说法|理解|看法|观点|认识|误解|疑问|顾虑|疑虑|担心|担忧|质疑|想法)"
                                r"\s*+[，,：:]?\s*+$"
                                r"|" + _CLAUSE_LEAD + r"(?:关于|对于|针对|就)[^，,。；;：:]{0,16}?(?:认为|以为|觉得|担心|担忧|怀疑|提到|声称)[^，,。；;：:]{1,60}?的\s*+问题\s*+[，,：:]?\s*+$")
# a short clause that only names a change or a choice (`增大 λ，` `使用标签平滑，`) is the condition of the next
_CHANGE_START_RE = re.compile(_CLAUSE_LEAD + r"(?:增大|增加|提高|提升|加大|调大|调高|降低|减小|减少|调小|调低|缩小|扩大|使用|采用|用了|用上|开启|打开|启用|引入|加入|加了|加上|做了|做完|去掉|去除|移除"
                               r"|换成|换用|改用|改成|有了"
                               # (a change by steps, `每加一份正则化惩罚，`, `每多一层，`: what follows changes with it)
                               r"|每(?:多|再)?(?:加|增加|加大|提高|增大|减少|降低|去掉|多)?(?:一|1)\s*+(?:份|点|分|个|层|倍|次|轮|步))")
_CHANGE_END_RE = re.compile(r"[^，,。；;：:]{1,12}?(?:(?:调|设|取|开)(?:得)?(?:大|小|高|低)(?:一点|一些|点)?|(?:大|小|高|低|多|少)(?:一点|一些|点))\s*+[，,]\s*+")
# the clause of a supposition that states its consequence
# (or after a short subject of its own: `假如…，工程师们便会…`, `如果…，模型就会…`)
# (or the answer one gave when asked, `问到 F1，我说 F1 是…`, `被问到 X，我的回答是…`)
_CONSEQUENT_RE = re.compile(r"\s*+(?:那么|那|则|就|便|此时|这时|我(?:当时)?(?:就|便|直接)?(?:说|讲|(?:回)?答|的回答是|的答案是))|\s*[^，,；;。：:\s]{1,6}?\s*+(?:便|就)(?:会|能|可以|可|要|得)")
# a supposition that only sets up a worked example's numbers (`假如词表有 100 万个词，`, `假设一共有 1000 个样本，`): what the
# clauses after it work out is stated, not supposed (not a condition on a value, `如果学习率是 0.1，`)
_WORKED_SETUP_RE = re.compile(r"\s*+(?:[-*+>]\s+)?(?:假如|假设|假定)\s*+[^，,；;。：:]{0,12}?(?:有|共有|一共有|总共有|包含|含有)\s*+"
                              r"(?:\d+(?:\.\d+)?|[一二两三四五六七八九十百千万]+)\s*+(?:万|亿|千|百)?\s*+(?:个|条|张|篇|类|种|维)[^，,；;。：:]{0,8}?\s*+[，,]?\s*+")
# the consequent of a concession (`即便是二分类问题，LDA 也能…`): the clause whose subject is followed by 也/都/仍
_CONCESSION_RE = re.compile(r"\s*+(?:[（(]\s*+)?(?:即使|即便|哪怕|就算|纵使)")
_CONCEDED_CONSEQUENT_RE = re.compile(r"[^，,；;]{0,40}?(?:也|都|仍然?|依然|照样|还是)")
# without such a word, the consequent of `若 A，B，C` opens where advice or a modal does (`若出现过拟合，可增加轮数，让…`)
_ADVICE_OPENS_RE = re.compile(r"\s*+(?:可以?|应该?|应当|需要|建议|宜|不妨|最好)")
# a clause that lists examples of the previous one's last noun (`轻量级框架，如 MobileNet、ShuffleNet，`) is read with it
# the words that lead examples (`如`, not `如何`/`如果`/`如下`)
EXAMPLE_LEAD = r"(?:例如|比如|诸如|譬如|如(?![何此果今同下上若是]))"
_EXAMPLES_RE = re.compile(r"\s*+" + EXAMPLE_LEAD)
_OPEN, _CLOSE = "([{（【［⟨〈", ")]}）】］⟩〉"
# a clause that sets the scene for the next one: "在 DDP 中，" "量化为 INT8 后，" "使用 RBF 核时，"
_SCENE_RE = re.compile(r"^\s*+(?:[-*+>]\s+)?(?:在|当|于|对于)[^，,]{0,40}(?:中|里|上|下|时|后|前|之前|之后|以前|以后|期间|过程中|情况下)\s*+[，,]?\s*+$"
                       r"|(?:时|之后|以后|之前|以前|的时候|后|阶段|期间)\s*+[，,]?\s*+$")
_CORRELATIVE_RE = re.compile(r"越(?!过|南|界|狱|级|野)")


def _after_colon(text: str, a: int, b: int) -> int:
    """Where the part of text[a:b] after its last colon starts (`下面为你解释：对于分类任务，`: a frame opens after the
    colon), or `a` without one."""
    return max(text.rfind("：", a, b), text.rfind(":", a, b)) + 1 or a


def _frame_end(piece: str) -> bool:
    """Whether the clause ends as a frame does (`_FRAME_END_RE`), and is not a whole correlative: `X 越大 Y 越小，`
    states its claim already (`…越大梯度噪声越小，小 batch 的噪声反而更大`), unlike `X 越大，`."""
    m = _FRAME_END_RE.search(piece)
    if m is None:
        return False
    # (the frame's own 越 may be the first of both: `…是越高越好的，` ends the correlative)
    whole = _CORRELATIVE_RE.search(piece, 0, m.start()) or len(_CORRELATIVE_RE.findall(piece, m.start(), m.end())) > 1
    return _TIME_END_RE.match(m.group()) is not None or not whole


# a frame ending that names a time or a place (`…时，`, `…中，`), not a change
_TIME_END_RE = re.compile(r"(?:时|时候|之后|以后|后|之前|以前|前|中|里|来说|而言)\s*+(?:\*\*)?\s*+[，,]\s*+$")


def _joins(before: str, piece: str) -> bool:
    """Whether the clause `piece` is one with the clause before it (see TextLayer.clauses)."""
    if _CORRELATIVE_RE.search(before) and _CORRELATIVE_RE.search(piece):
        return True
    if _COMPARED_OPEN_RE.fullmatch(before) and _COMPARED_CLOSE_RE.match(piece):
        return True  # `与BN，IN或CIN不同，…`: a list of what is compared, parted by commas, is one frame
    if _BASELINE_COMPARED_RE.search(before) and _EVIDENTIAL_START_RE.match(piece):
        return True  # `…，低于基线的 24.6，表明译文质量提升`: what the comparison with a baseline is read to show
    return bool(_SCENE_RE.search(before) or _TOPIC_NP_RE.fullmatch(before.strip()))


# the opening of a comparison frame (`与BN，`) and a clause that closes it (`IN或CIN不同，`)
_COMPARED_OPEN_RE = re.compile(r"\s*+(?:[-*+]\s+)?(?:\*\*)?\s*+(?:与|和|跟|同)\s*[^，,。；;]{1,16}[，,]\s*+")
_COMPARED_CLOSE_RE = re.compile(r"[^，,。；;]{1,20}?(?:不同|不一样|有别|相反)\s*+(?:\*\*)?\s*+[，,]")
# a value compared with a baseline's, and a clause that says what that shows
_BASELINE_COMPARED_RE = re.compile(r"(?:低于|高于|小于|大于|优于|不如|超过)[^，,。；;]{0,8}?(?:基线|baseline|基准|对照|上一版|旧版|原模型|之前)"
                                   r"[^，,。；;]{0,12}[，,]\s*+$", re.I)
_EVIDENTIAL_START_RE = re.compile(r"\s*+(?:这|就|均|都)?(?:表明|说明|意味着|代表|体现|显示|证明)")
# a clause that is only a noun phrase, a name that owns a short noun (`Adagrad 的有效学习率，`, `LLaMA 的前馈网络，`):
# the topic of the clause after it (`…，用的是 ReLU`), said across the comma
_TOPIC_NP_RE = re.compile(r"(?:[-*+]\s+)?(?:\*\*)?[A-Za-z][A-Za-z0-9\-. ]{0,20}?(?:\*\*)?\s*+的\s*+[\u4e00-\u9fffA-Za-z]{1,6}\s*+[，,]")


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    kind: str = "statement"  # statement | question | reported | supposed

    def text(self, s: str) -> str:
        return s[self.start:self.end]


# the asking words of a question that a colon ends before its answer (`过拟合怎么办：…`, `X 怎么算：…`)
# who is told to have asked (`你问…`, `有同学问…`): the start of a question reported as asked
ASKERS = (r"(?:你|您|有人|有(?:一)?(?:位|个|名)?(?:同学|观众|网友|朋友|读者|粉丝|小伙伴)|同学|读者|网友|观众|弹幕(?:里|上)?(?:有人)?"
          # (whoever a text serves or reports on: `家属问…`, `客户问…`, `买家问…`)
          r"|" + SERVED + r"|学生|同事)"
          r"(?:们)?(?:刚才|之前|上次)?"
          # (in a letter or a message: `读者来信问…`, `网友留言问…`)
          r"(?:来信|留言|私信|评论|发帖)?")
_ASK_TOLD_RE = re.compile(r"\s*+(?:\*\*)?\s*+" + ASKERS + r"(?:问|问到|问起)(?![题号])")
# who asks in an interview told of (`二面问…`, `三面主管问…`, `笔试环节问…`): a round, its examiner, or a part of it
INTERVIEW_ASKERS = (r"(?:(?:[一二三四五六终初复]面|技术面|交叉面|主管面|HR\s*+面|笔试|机试)(?:的)?\s*+(?:主管|面试官|考官|老板|leader)?"
                    r"|主管|老板|leader|[\u4e00-\u9fff]{1,4}?(?:环节|阶段))")
# (or, after a verb that asks to explain, up to 30 characters: `解释一下为什么只给 head 部分做 layer-wise lr 放大：…`; not a
# label that names a note on a question, `关于为什么可以用叶子得分衡量复杂度的一点个人理解：`)
_ASKS_BEFORE_COLON_RE = re.compile(r"(?:怎么|怎样|如何|什么|为什么|为何|多少|哪些|哪个|几个|咋)[^：，,。]{0,12}$"
                                   r"|(?:解释|说明|说一?说|讲一?讲|谈一?谈|聊一?聊|分析)(?:一下)?[ \t]*(?:为什么|为何|怎么|如何)[^：，,。]{0,30}$")


# a question told as asked, with its asking word, that a comma ends before the answer spoken after it (`有同学问 MQA
# 是个啥，嗯，就是…`, `弹幕问位置编码要不要训练，要的，…`)
_ASK_TOLD_ASKS_RE = re.compile(r"[^，,。；;：:]*?(?:" + a_not_a("ask") + r"|是否|能否|是不是|会不会|能不能|有没有|要不要|为什么|为何|为啥|"
                               r"如何|怎么|怎样|哪|谁|什么|啥|咋|多少|几个|吗|呢|[？?][”\"」』]?)[^，,。；;：:]*?[，,]")
# a reply that names the question it answers as its topic before a colon (`关于你问的 warmup 为什么可以去掉，补充一点背景：…`,
# `关于你问的“为什么 X 和 Y 对得上”：…`): the question is the asker's, the answer after the colon is stated
_ABOUT_ASKED_RE = re.compile(r"\s*+(?:\*\*)?\s*+(?:关于|针对|至于)\s*+" + ASKERS + r"(?:刚才|之前|上次)?(?:问|提|提到|问到|提出)的?")
# a spoken question that 呢 and a comma end before its answer (`这个怎么算呢，就是…`)
_ASKED_NE_RE = re.compile(r"(?:怎么|怎样|如何|什么|为什么|为何|多少|哪些|哪个|几个|咋)[^：，,。；;？?]{0,12}呢\s*+[，,]")


_ANSWER_ARROW_RE = re.compile(r"[ \t]*+(?:→|⇒|=>|->)[ \t]*+")


def answer_after_colon(text: str, a: int, b: int) -> int | None:
    """Where the answer begins in a sentence text[a:b] that opens with a question ended by a colon (`过拟合怎么办：一个
    办法是…`, `你问 precision 怎么算：分母取…`), or by 呢 and a comma (`F1 怎么来的呢，其实就是…`): after the colon
    or comma; None when the sentence is not one such."""
    ne = _ASKED_NE_RE.search(text, a, b)
    if ne is not None and "：" not in text[a:ne.end()]:
        rest = text[ne.end():b]
        if sentence_kind(text[a:ne.end()]) == "question" and rest.strip() and sentence_kind(rest) != "question":
            return ne.end()
    told = _ASK_TOLD_RE.match(text, a, b)
    if told is not None and (asks := _ASK_TOLD_ASKS_RE.match(text, told.end(), b)) is not None \
            and "：" not in text[a:asks.end()] and ":" not in text[a:asks.end()]:
        rest = text[asks.end():b]
        if rest.strip() and sentence_kind(rest) != "question":
            return asks.end()  # `有同学问 GPT 有没有因果掩码，其实没有，…`: the question told, then the answer spoken
    colon = text.find("：", a, b)
    # (or an arrow, as a card or a slide writes it: `Transformer 为什么用 LN → 因为…`, its asking word before it)
    arrow = _ANSWER_ARROW_RE.search(text, a, colon if colon > a else b)
    if arrow is not None and arrow.start() > a and _ASKS_BEFORE_COLON_RE.search(text, a, arrow.start()) \
            and sentence_kind(text[a:arrow.start()]) == "question":
        rest = text[arrow.end():b]
        return arrow.end() if rest.strip() and sentence_kind(rest) != "question" else None
    if colon <= a:
        return None
    if not _ASK_TOLD_RE.match(text, a, colon) and (not (_ASKS_BEFORE_COLON_RE.search(text, a, colon) or _ABOUT_ASKED_RE.match(text, a, colon))
                                                   or sentence_kind(text[a:colon]) != "question"):
        return None  # (a question told as asked needs no asking word: `你问特异度和 FPR 的关系：…`)
    rest = text[colon + 1:b]
    return colon + 1 if rest.strip() and sentence_kind(rest) != "question" else None


def split_spans(text: str, seps: str, start: int = 0, end: int | None = None, han_period: bool = False) -> list[tuple[int, int]]:
    """[start, end) pieces of text[start:end] ending after each separator character (kept in the piece);
    `han_period`: an ASCII period after a Han character or a letter and before a Han character ends a piece too
    (`…都是 Transformer 模型.举个例子：…`, a full stop typed on an English keyboard), unlike one in a number
    (`1.5亿`), a name or a path."""
    end = len(text) if end is None else end
    out, lo = [], start
    # (with `han_period`, a pipe between cells of a line that is no table row ends a piece too, see _cell_pipes)
    pipes = _cell_pipes(text, start, end) if han_period and "|" in text else ()
    i = start
    while i < end:
        c = text[i]
        if c in seps or (han_period and c == "." and start < i < end - 1 and _WORD_END_RE.match(text[i - 1])
                         and (HAN_RE.match(text[i + 1]) or _ASIDE_AFTER_RE.match(text, i + 1, end) is not None)) \
                or (c == _CHECK_END and seps is SENTENCE_END and start < i and HAN_RE.match(text[i - 1])) \
                or i in pipes:
            # a closing quote right after the end of a sentence belongs to it (`“S。”答：错误。`: S ends at 。”)
            while c != "\n" and i + 1 < end and text[i + 1] in _CLOSING_QUOTES:
                i += 1
            # and so does the close of a bracket the piece opened (`…（讲者备注：这是常识。）`): the aside ends inside
            # its brackets, and the bracket is no sentence of its own
            while c != "\n" and i + 1 < end and text[i + 1] in "）)" and _open_bracket_in(text, lo, i + 1):
                i += 1
            out.append((lo, i + 1))
            lo = i + 1
        i += 1
    if lo < end:
        out.append((lo, end))
    return [(a, b) for a, b in out if text[a:b].strip()]


# a speaker's turn in a chat log (`【小陈】…【阿杰】…`): a name in black lenticular brackets, no punctuation inside (a
# topic tag such as `【考察点：分类指标】` is none); each turn starts a sentence of its own
TURN_LABEL_RE = re.compile(r"【[^【】\s，,。；;：:？?！!、]{1,10}】")


# a turn that ends on what it asks for, with no question mark (`【小陈】T5 是啥架构`, `…最长能吃多少 token`)
ASKS_FOR_END_RE = re.compile(r"(?:(?<!为)什么|(?<![为干])啥|多少|多(?:长|大|宽|深)|哪(?:一)?(?:种|类|个|些)|几[个层种维头类倍])[^，,。；;！!]{0,6}$")


def _turns(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """`spans` split again after a speaker's turn that asks, before the next speaker's turn label (`【小陈】T5 是啥架构
    【小李】decoder-only…`: the question turn, then the answer turn); turns that state go on as one sentence."""
    out = []
    for a, b in spans:
        if "【" in text[a:b]:
            for m in TURN_LABEL_RE.finditer(text, a + 1, b):
                piece = text[a:m.start()]
                if TURN_LABEL_RE.match(piece.lstrip()) and (ASKS_FOR_END_RE.search(piece.rstrip()) or sentence_kind(piece) == "question"):
                    out.append((a, m.start()))
                    a = m.start()
        out.append((a, b))
    return out


def _open_bracket_in(text: str, a: int, b: int) -> bool:
    """Whether a bracket (`（` or `(`) opened in text[a:b] is still open at b."""
    depth = 0
    for ch in text[a:b]:
        if ch in "（(":
            depth += 1
        elif ch in "）)" and depth:
            depth -= 1
    return depth > 0


# the quotes that close (and open) a quoted statement
_CLOSING_QUOTES = "”’」』"
_OPENING_QUOTES = "“‘「『"
# a bracketed aside in Chinese after an ASCII period and a space (`…SSD, RetinaNet. （two-stage 的…）`): a new sentence
_ASIDE_AFTER_RE = re.compile(r"[ \t]+（")
# a pipe that separates the cells of a slide bullet or a cheat-sheet line (`Data Parallel | 每卡完整副本 | 按层切 →
# 模型并行`): white space after it, and white space or a character that is no ASCII letter or digit before it, so
# that the bars of `|A∩B|` and `|w|` separate nothing
_CELL_PIPE_RE = re.compile(r"(?<=[^\x21-\x7e])\|(?=\s)")
_TABLE_ROW_RE = re.compile(r"\s*+\|.*\|\s*+$", re.S)


def _cell_pipes(text: str, start: int, end: int) -> frozenset[int]:
    """Where a pipe ends a piece of a line that is no table row (a table row, `| a | b |`, is read by tables.py)."""
    if _TABLE_ROW_RE.match(text):
        return frozenset()
    return frozenset(m.start() for m in _CELL_PIPE_RE.finditer(text, start, end))


# a clause that is one short Latin or Greek word before an ASCII comma: an entry of a word list (`β1, β2`)
_LIST_WORD_RE = re.compile(r"\s*+(?:[-*+]\s+)?(?:\*\*)?[A-Za-z\u0370-\u03ff][A-Za-z0-9_\u0370-\u03ff\u2080-\u2089]{0,7},")


_PARTITIVE_NEXT_RE = re.compile(r"\s*+(?:另一部分|一部分|另一些)")


# the label of a note opening a bracket (`（讲者备注：…）`, `（注：…）`, `（批注：…）`)
_NOTE_BRACKET_RE = re.compile(r"\s*+[\u4e00-\u9fff]{0,3}(?:备注|旁注|批注|注)\s*+[:：]")


def clause_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Pieces of text[start:end] ending after each comma, except commas inside brackets (`max(0, x)`,
    `[0, +∞)`, `（如 α = 0.01，…）`) and ASCII commas followed by neither white space nor CJK, which
    separate no clauses."""
    end = len(text) if end is None else end
    out, lo, depth = [], start, 0
    noted: list[bool] = []  # for each bracket open, whether it opens a note
    math = False  # inside inline math (`$\beta_1, \beta_2$`): a formula's commas separate no clauses
    for i in range(start, end):
        c = text[i]
        if c == "$":
            math = not math
        elif math:
            continue
        elif c in _OPEN:
            # (a speaker's note in brackets, `（讲者备注：…，…）`, is a sentence of its own: its commas part clauses)
            noted.append(c == "（" and _NOTE_BRACKET_RE.match(text, i + 1, end) is not None)
            depth += not noted[-1]
        elif c in _CLOSE:
            depth = max(0, depth - (not noted.pop() if noted else 1))
        elif (c in CLAUSE_SEP or (c == "、" and _PARTITIVE_NEXT_RE.match(text, i + 1, end))) and depth == 0:
            # (a 、 before `一部分`/`另一部分` parts clauses, not names: `一部分跑 FP32 浮点、一部分跑 INT8 整数`)
            out.append((lo, i + 1))
            lo = i + 1
    if lo < end:
        out.append((lo, end))
    if (depth or math) and len(out) == 1 and any(c in CLAUSE_SEP for c in text[start:end]):  # an unclosed bracket: split plainly
        out = split_spans(text, CLAUSE_SEP, start, end)
    glued: list[tuple[int, int]] = []
    for a, b in ((a, b) for a, b in out if text[a:b].strip()):
        if glued and glued[-1][1] == a and text[a - 1] == "," and (not (text[a].isspace() or "\u3400" <= text[a] <= "\u9fff")
                                                                 or _LIST_WORD_RE.fullmatch(text, glued[-1][0], a)):
            # an ASCII comma inside a formula or a word list (`PE(pos,2i)`, `β1, β2：…`) ends no clause
            glued[-1] = (glued[-1][0], b)
        else:
            glued.append((a, b))
    return glued


def _change(text: str, a: int, b: int) -> bool:
    """A clause of a few words that names a change or a choice: `增大 λ，`, `使用标签平滑，` (at most 10
    characters besides spaces and one Latin name)."""
    m = _CHANGE_START_RE.match(text, a, b)
    if not m:
        # (or a thing made a little larger or smaller: `β 小一点，`, `学习率调大一些，`)
        return _CHANGE_END_RE.fullmatch(text, a, b) is not None
    rest = re.sub(r"[A-Za-z][\w.\- ]*[\w.]", "", text[m.end():b], count=1, flags=re.ASCII)  # a Latin name, not the CJK after it
    return len("".join(rest.split())) <= 8


# a concession led by 无论/不管 (`无论 X 是否…`): its clause states nothing, whether or not it asks
_CONCEDED_LEAD = r"无论|不论|不管|任凭|任由"
_CONCEDED_LEAD_RE = re.compile(_CONCEDED_LEAD)
# an asking word that asks nothing: a concessive (`无论怎么选，…`, `不管如何`) or `这就是为什么…` (that is why)
_NOT_ASKING_RE = re.compile(r"(?:随便|" + _CONCEDED_LEAD + r")[^，,。；;]{0,12}?(?:怎么|怎样|如何|什么|哪些|哪个|哪种|是否|" + A_NOT_A + r")[^，,。；;]*|(?:这|那)(?:也|就)?是为什么"
                             # a concessive without 无论 (`初始中心怎么选都不影响结果`, `用哪个都一样`)
                             r"|(?:怎么|怎样|如何|(?<!为)什么|哪个|哪种|哪一?个|多少)[^，,。；;？?]{0,8}?(?:都|也)(?:不|没|一样|相同|一致|行|可以|差不多|无所谓)"
                             # (a verb between, with its potential negated: `怎么也学不动`, `怎么都调不好`; not one asked, `…吗？`)
                             r"|(?:怎么|怎样|如何)(?:都|也)[\u4e00-\u9fff]{1,3}?(?:不|没)(?:动|好|会|了|下去|上去|出来|进去|懂|完|住|对)(?![^，,。；;？?\n]*[？?吗呢])"
                             # (what is said not to matter: `对数据由哪个策略产生并没有要求`, `与用什么优化器无关`)
                             r"|(?:怎么|怎样|如何|(?<!为)什么|哪个|哪种|哪一?个|哪些|多少|是否)[^，,。；;？?]{0,16}?"
                             r"(?:(?:并|都|也|完全|其实)?(?:没有|没|无|不)(?:要求|关系|限制|所谓|区别|差别|重要|影响)|无关)"
                             # (or is left out of a count or a look: `负样本判得怎样根本不算进来`, `别的类分得如何压根不看`, `负类判得如何并不进入计算`)
                             r"|(?:怎么样|怎样|如何|(?<!为)什么|哪个|哪种|哪一?个|哪些|多少)[^，,。；;？?]{0,16}?"
                             r"(?:都|也|并|根本|压根|完全|一律|一概)(?:就)?(?:不|没|没有)(?:算|计|计入|统计|考虑|管|看|在乎|关心|参与|进入|纳入|算进|算入|包括在内|包含在内)"
                             # (an A-not-A whose answer is said not to matter: `加不加位置编码差别不大`, `用不用都一样`)
                             r"|" + a_not_a("ana2") + r"[^，,。；;？?]{0,30}?(?:(?:差别|区别|影响|差异|变化)(?:不大|很小|不明显)|(?:都|也)(?:一样|差不多|行|可以|无所谓)|无所谓|没(?:有)?(?:区别|差别)"
                             # (`负样本判得对不对不影响这个数`; or is left out of the count, `负样本判得对不对不计入`)
                             r"|(?:都|也|并|完全)?(?:不(?:会)?(?:影响|改变)|影响不(?:了|到)|无关|没(?:有)?关系)"
                             r"|(?:都|也|并|根本|压根|完全|一律|一概)?(?:就)?(?:不|没|没有)(?:计入|算进|算入|纳入|进入|参与|统计|算在内|计算在内|包括在内|包含在内)"
                             r"(?=[ \t]*(?:[，,。；;！!]|$|分母|公式|计算|统计)))"
                             # (an aside that takes for granted the listener knows, said in passing before what the
                             # sentence states: `GPT 那套预训练你知道怎么做的吧，就是…`, `GPT 怎么预训练的大家都清楚吧，…`)
                             r"|[^，,。；;？?！!]{0,16}?(?:你|您|大家|你们)(?:应该|肯定|也|都)?(?:知道|晓得|清楚|了解|明白)[^，,。；;？?！!]{0,12}?吧(?=[ \t]*[，,])"
                             # (什么 of an indefinite after a negation, `看不出多了什么`, `不需要什么特殊的算子`: nothing, no asking;
                             # not 为什么, nor one asked, `…吗？`)
                             r"|(?:不|没|没有|无需|无须|不用|不必)[\u4e00-\u9fff]{0,6}?(?<!为)什么(?![^，,。；;？?\n]*[？?吗呢])"
                             # (怎么 of degree after a negation, `基本不用怎么截断`, `没怎么调参`: not much, no asking)
                             r"|(?:不用|不太|不大|不需要|不必|没有|不|没)怎么(?=[\u4e00-\u9fff])(?![^，,。；;？?]*[？?吗呢])")
# an indirect question after a verb of checking or caring (`重点看正样本有没有被漏掉`, `取决于是否…`, `不用关心数据是不是…`)
# asks nothing of the reader:
# the sentence is a statement, and only the clause that holds it is skipped (_ASKING_CLAUSE_RE)
_INDIRECT_RE = re.compile(r"(?:看|判断|检查|衡量|关注|关心|在乎|在意|理会|(?:不用|不必|无需|别|不)管|考察|考虑|取决于|决定|反映|回答的是|在于|确定|判定|检验|评估|观察|验证|区分|了解|知道)"
                          r"[^，,。；;？?]{0,16}?(?:是否|有没有|是不是|能否|会不会|能不能|" + A_NOT_A + ")"
                          # (or how well: `衡量的是正样本识别得怎么样`, `反映模型排序能力如何`)
                          r"|(?:衡量|反映|体现|刻画|描述|评估|考察|关注|关心)[^，,。；;？?]{0,16}?(?:怎么样|怎样|如何)(?=\s*+(?:[，,。；;：:]|$))"
                          # (what a difference or a matter lies in, `区别只在于拼接后由 W^O 如何组合它们`, `关键在于怎么选 k`)
                          r"|(?:在于|取决于)[^，,。；;？?]{0,16}?(?:怎么|怎样|如何)(?!\s*+[？?])"
                          # (how a thing is done, as what a learner learns or is taught: `学生再学习怎么处理这些标签`, `教会模型如何回答`)
                          r"|(?:学习|学会|学着|去学|(?<!请)教会|懂得|弄清楚?|搞清楚?|掌握)(?:了)?[^，,。；;？?]{0,6}?(?:怎么|怎样|如何)(?=[\u4e00-\u9fff])(?![^，,。；;]*[？?吗呢])"
                          # (how something is to be done, as what a thing decides or controls: `…来决定每棵树怎么长`)
                          r"|(?:决定|确定|控制|指导|规定|指挥)(?:着|了)?[^，,。；;？?]{0,12}?(?:怎么|怎样|如何)(?![^，,。；;]*[？?吗呢])"
                          r"|(?:判断|判定|预测|识别|确定|区分|分辨|决定|知道|指出|输出|给出|认出|说出|猜(?:测|出)?|推断|推测|告诉(?:你|我们|大家)?)[^，,。；;？?]{0,12}?(?:属于|是|对应|归属|归入|归到|分到|落在|落入)[^，,。；;？?]{0,14}?(?:哪一?[类种个些]|什么)"
                          r"|(?:分辨|区分|识别|判断|知道|看出|决定|选择|挑选)(?:出|不出)?\s*+(?:取|用|选|保留|留)?\s*+哪(?:个|一个|些)[^，,。；;？?]*"  # `分辨出哪个在前、哪个在后`
                          # (which one to pick, as what a thing learns: `训练时会学选哪个位置`; not a question, `该学选哪个？`)
                          r"|(?:学|学习|学会|学着)(?:去|怎么)?\s*+(?:选|挑|选择|挑选|保留|留)\s*+哪(?:个|一个|些|种)(?![^，,。；;]*[？?吗呢])[^，,。；;？?]*"
                          # (after a comparison: `在 A、B 和 C 之间比较，看哪一个更适合`)
                          r"|(?<=[，,])\s*+(?:看看|看)\s*+哪(?:一)?(?:个|些|种|款)[^，,。；;？?]*"
                          # (or the clause it is about, before it: `能不能复用公开模型，取决于…`)
                          r"|(?:是否|能否|能不能|会不会|要不要|可不可以|该不该)[^，,。；;？?]{1,20}[，,]\s*+(?=(?:主要|关键|就|则|全|完全)?\s*+(?:取决于|要看|得看|看的是|关键在于|在于))"
                          # (which one to choose, said to depend on something named: `选哪个主要看输出范围`, `用哪种取决于任务`; not
                          # when what it depends on is asked, `选哪个要看什么`)
                          r"|(?<![^，,；;：:\s])(?:(?:至于|那么|那|而)\s*+)?(?:选|用|挑|选用|采用|选择|使用)\s*+(?:哪(?:一)?(?:个|种|些|款)|什么)[^，,。；;？?]{0,10}?"
                          r"(?:主要|就|全|完全|更多|则)?\s*+(?:要看|得看|取决于|看)(?![^，,。；;？?]*(?:什么|哪|怎么|如何|吗|呢))[^，,。；;？?]+")
# a clause that ends on what is guessed or predicted, told as an indirect question (`叫模型猜下一个词是什么，…`): it asks
# nothing of the reader (not a relative clause's head asked for, `预测的是什么`)
# (a model set to guess, with what it guesses owned: `让它猜后面紧跟着的那个词是什么`)
_MODEL_GUESSES_WHAT = r"(?:让|叫|令|要求)\s*+(?:它|模型|网络)\s*+(?:去|来)?(?:预测|猜|猜测|猜出|推断|推测)(?![的了过])[^，,。；;？?]{1,16}?是(?:什么|啥|哪一?[类种个])$"
_GUESSED_WHAT_END_RE = re.compile(r"(?:预测|猜|猜测|猜出|推断|推测|判断|识别|认出|说出)(?![的了过])[^，,。；;？?的]{1,12}?是(?:什么|啥|哪一?[类种个])$|"
                                  + _MODEL_GUESSES_WHAT)
# an indirect question after a verb of wondering or not knowing (`我们纳闷 X 为什么拟合不了`, `我一直好奇它怎么做到的`): the
# speaker asks the reader nothing, and the sentence goes on to state (`…，后来想通了：…`); the clause that holds it is
# skipped as a question, the others are read
_WONDERED_RE = re.compile(r"(?:纳闷|好奇|疑惑|困惑|不解|奇怪|想不通|想不明白|搞不懂|弄不懂|搞不明白|弄不明白|不明白|不理解|想知道"
                          # (or what a source sets out to explain, `书上这一节解释 XGBoost 为什么快，说…`: the book asks the
                          # reader nothing, what it says follows)
                          r"|(?:书上|书里|书中|教材|课本|文章|论文|原文|文中|作者|老师|课上|这一节|这一章|这一段|这部分)[^，,。；;？?！!：:]{0,8}?(?:解释|说明|讲解|分析|讨论)(?:了)?"
                          r"(?=[^，,。；;？?！!：:]{0,24}?(?:为什么|为何|怎么|怎样|如何)[^，,。；;？?！!：:]*[，,]\s*+(?:说|讲|称|提到|指出|认为)))"
                          r"[^，,。；;？?！!：:]{0,24}?(?:为什么|为何|怎么|怎样|如何|什么|哪)[^，,。；;？?！!：:]*")
# what a thing is concerned with or measures, told as an indirect question after 的是 (`关注的是真实正例有没有被找全`)
# (or after 就是/主要/只 with the verb: `PPV 就是看漏没漏`)
_CONCERN_INDIRECT_RE = re.compile(r"(?:(?:关注|关心|看重|在乎|在意|衡量|考察|反映|回答|看)的(?:是|就是)|(?:就是|主要是?|只|专门)(?:看|关注|关心|衡量|考察))"
                                  r"[^，,。；;？?]{0,16}?(?:是否|有没有|是不是|能否|能不能|有无|" + a_not_a("concern") + ")")
_ASKING_CLAUSE_RE = re.compile(A_NOT_A + r"|是否|能否|可否|是不是|会不会|能不能|有没有|要不要")
# an indirect question told as the purpose of what the clause says before it (`只用一个阈值来判定检测是否正确`, `用验证集
# 来判断是不是过拟合`): the clause states its head, and asks nothing (not one that opens the clause, `要判断 X 是否…`)
_PURPOSE_INDIRECT_RE = re.compile(r"(?<=[^\s，,。；;：:])\s*+(?:来|用来|用于|以便|以|去|从而)\s*+(?:判定|判断|检查|确定|决定|检验|验证|区分|衡量)"
                                  r"[^，,。；;？?]{0,16}?(?:是否|有没有|是不是|能否|会不会|能不能|" + a_not_a("purpose") + r")[^，,。；;？?]*")
# an indirect question a colon ends, then what it is (`PPV 关心的是“漏没漏”：实际阳性里…`): the clause states after the colon
# (or a dash, past the few words that end the question: `取决于迁移学习的前提是否成立——源任务要…`)
_INDIRECT_COLON_RE = re.compile(r"\s*+[”」’\"]?\s*+[：:]\s*+\S|[^，,。；;？?：:—\s]{1,4}\s*+——\s*+\S")


def _indirect_then_colon(piece: str) -> bool:
    """Whether the clause `piece` asks only in an indirect question that a colon ends (`关心的是有没有漏：…`)."""
    ind = _INDIRECT_RE.search(piece)
    return ind is not None and _INDIRECT_COLON_RE.match(piece, ind.end()) is not None \
        and _ASKING_CLAUSE_RE.search(piece, 0, ind.start()) is None and _ASKING_CLAUSE_RE.search(piece, ind.end()) is None


# a prompt that asks for an explanation (`多角度解释 L1、L2 对特征选择的作用`, `简述 BN 的原理`): a question
# without its question mark; `解释了…`, `推导可得…`, `说明…` state
PROMPT_LEAD_RE = re.compile(r"^(?:请你?|试|请简要|简要|简单|多角度|从多个?角度|详细)?\s*+(?:解释(?![了的为成])|简述|阐述(?!了)|谈谈|说说|介绍一下|列举(?!了)|论述)")


def clause_asks(s: str) -> bool:
    """Whether a clause asks (`换用 Adam 能否避免梯度消失`, `算不算加密`) by a question mark, an asking word or an
    alternative; an imperative lead (`说明…`, `比较…`) asks only at the head of a sentence (sentence_kind), in a
    later clause it means "shows" (`…，说明它不够灵敏`)."""
    core = s.strip().rstrip("；;")
    lead = _IMPERATIVE_LEAD_RE.sub("", _NOT_ASKING_RE.sub("", _INDIRECT_RE.sub("", _LEAD_RE.sub("", core))), count=1)
    return bool(QUESTION_END_RE.search(core) or asks_by_word(lead) or ALTERNATIVE_Q_RE.search(lead.rstrip("*_ 。.")))


# a sentence that is only a noun phrase naming what to explain (`LSTM 解决梯度爆炸或者梯度消失的数学逻辑。`, a
# prompt in a list of interview topics): it asks for the mechanism, it states nothing
_TOPIC_PHRASE_RE = re.compile(r"[^，,。；;：:是为]{2,60}的\s*+(?:数学|具体|底层|核心)?\s*+(?:逻辑|原理|机制|思路|推导|过程)")


# a prompt that names its task and then does it after a colon (`比较两类集成方法：Boosting …`, `简述 BN：…`): the
# sentence is what follows the colon
_PROMPT_DONE_RE = re.compile(rf"(?:{IMPERATIVE_LEAD}|{PROMPT_LEAD_RE.pattern})[^，,。；;？?！!：:]{{0,30}}[：:](?=[^：:]*[^\s*_。.：:]{{4}})")


# a reported answer's turn after the question it answers (`…，我答：…`, `，我的回答是：…`)
ANSWER_BY = r"(?:我|我的|我当时|当时我)"  # who answers
ANSWER_TURN = r"(?:答|回答)(?:的是|是|道)?"  # the word of answering, before its colon
# the answer's turn spoken, without a colon, the answerer named (`面试官问 GPT 的预训练目标，我说是 MLM`)
SPOKEN_TURN = r"(?:我|我当时|当时我)(?:就|便|直接|则)?(?:说|讲|(?:回)?答(?:说)?)(?:的是|是|道)?"
# the answer the reader is told to give or to learn by heart (`面试官问 X 怎么算，记住一句话：…`, `这个结论必背：…`,
# `…，你就答它俩是…`)
TOLD_LABEL = (r"(?:(?:你|你就|就|一定|务必)?(?:要)?(?:记住|记牢|记好|背住|背牢|背熟|背下来)(?:了)?(?:这|这么)?(?:一句话|句话|一句|一点|一条|个结论|结论)?"
              r"|(?:这个|这条|这句)?(?:结论|话|答案)?(?:必背|要背|得背)(?:下来)?)")
TOLD_TURN = (r"|" + TOLD_LABEL + r"\s*+[:：，,]"
             r"|(?:你)(?:就|直接|只要|只管)?(?:回)?答(?:说)?(?![了过错对案题])(?=\s*[^\s，,。；;：:])")
ANSWER_TURN_RE = re.compile(r"(?<=[，,；;。\s])(?:" + ANSWER_BY + "?" + ANSWER_TURN + r"\s*+[:：]"
                            r"|" + SPOKEN_TURN + r"(?![了过错清楚明白完])(?=\s*[^\s，,。；;：:])"
                            # (the answer named as such: `有人问该用 SGD 还是 Adam，合格答案是“…”`)
                            r"|(?:合格的?|标准的?|正确的?|参考|官方的?)?答案(?:是|为|就是)(?=\s*[^\s，,。；;：:])"
                            # (the answer the reader is told to give, `面试官问 X 怎么算，记住一句话：…`, `…，你就答 …`)
                            + TOLD_TURN + r")")


# another's reply to a question the sentence reports as asked (`律师追问为何…，专家解释说，…`, `考官问 X 是什么，候选人答道 Y`):
# what follows is the answer given (not by those a belief is told of: `…，很多人说…`, `…，有人称…`)
REPLY_TURN_RE = re.compile(r"(?<=[，,；;])\s*+(?!(?:很多|许多|不少|有些|有的|一些|部分|大多数|多数|大部分)?(?:人|同学|网友|读者)|有人|别人|网上|据)"
                           r"(?!(?:也就是|就是|换句话|或者|比如|所以|也可以|可以|这|那|这就是|那就是|这也就是)(?:说|称|表示)|它|其|这|那|此)"
                           r"[^，,。；;：:？?！!\s\d]{1,12}?(?:当即|随即|则|就|便|也)?"
                           r"(?:回答(?:说|道)?|答(?:称|道|复说?)|解释(?:说|道|称)|表示(?!为|成)|指出|称(?!为|作|之|呼)|说(?:道)?(?![明法出过])|陈述|回应(?:说|道)?|作答)"
                           r"\s*+[，,:：]?\s*+(?=[^\s，,。；;：:])")


_REPLY_VERB_RE = re.compile(r"答|解释|表示|指出|称|说|陈述|回应")
# a question reported as asked (`面试官问…`, `追问：…`)
# how often or how surely a question is asked (`面试官最爱问…`, `面试官常问…`)
ASK_HABIT = r"(?:最爱|最喜欢|最常|常常|经常|常|总爱|总是|总|老爱|特别爱|爱|喜欢|必)"
_ASKED_BY_RE = re.compile(r"^(?:(?:面试官|考官|对方|他|她|别人|" + ASKERS + r"|" + INTERVIEW_ASKERS + r")\s*+(?:又|还|接着|再|就|刚才|之前|上次|" + ASK_HABIT + r")?(?:问|追问|提问|问到|问起)(?![题答])|(?:追问|提问" + ADDRESSEES + r"?|问)\s*+[:：])")


# what happens otherwise (`…先做 softmax，否则 loss 会算错`): a consequence of not doing it, no judgement of a belief
_OTHERWISE_RE = re.compile(r"[，,；;]\s*+(?:否则|不然|要不然|要不|不这样做?|不这么做)")


# a warning not to make a mistake (`别搞反了`, `面试别说反了`, `千万不要记混`): it insists on what the sentence states,
# reporting no belief (unless it names the mistaken reading: `别把 X 说成 Y`)
# (or a reading not allowed: `我方不容曲解`, `请勿误解`)
_WARNED_RE = re.compile(r"(?:别|不要|莫|切勿|千万别|千万不要|可别|可不要|不容|不许|不可|不能|请勿|勿|切莫|不得)\s*+(?:再|又|被)?\s*+$"
                        # (others said to get it wrong, `这一点很多人都记反`: the writer's own statement stands)
                        r"|(?:很多|不少|许多|有些|好多)(?:人|同学|新手|初学者)(?:都|也|常|容易|经常)?\s*+$"
                        # (an earlier version said to be wrong, `…，之前写反了`, `原来配置里记反了`: the statement now corrects it)
                        r"|(?:之前|以前|原先|原来|先前|早先|上次|上一版|旧版|刚才)[^，,。；;！!？?不没别]{0,8}?(?:都|也|给|被)?\s*+$")
_WARNED_MISTAKE_RE = re.compile(r"(?:搞|弄|说|记|写|想)(?:反|混|错)了?|混淆|颠倒了?|曲解|误解|误读")


# a slip the speaker blames on the one spoken to, a thing they did and no belief they hold (`肯定是你标签弄错了，…`): what
# the speaker goes on to say is the speaker's own (not a belief named inside, `肯定是你把 X 当成 Y 弄错了`)
_BLAMED_SLIP_RE = re.compile(r"(?:肯定|一定|准|八成|多半|估计|应该|大概)是?\s*+(?:你|你们|他|她|他们|她们)(?:的)?[^，,。；;！!？?把将说认以当理解]{0,8}$")


def reports_belief(s: str) -> bool:
    """Whether a sentence reports a belief to refute it, or calls a statement wrong (REPORTED_RE), before any
    clause that says what happens otherwise. A warning not to get it wrong (`…，面试别说反了！`) reports nothing."""
    m = _OTHERWISE_RE.search(s)
    stop = m.start() if m else len(s)
    pos = 0
    while (r := REPORTED_RE.search(s, pos, stop)) is not None:
        if not (_WARNED_MISTAKE_RE.fullmatch(r.group()) and _WARNED_RE.search(s, max(0, r.start() - 6), r.start())) \
                and not (r.group() in ("弄错", "搞错") and _BLAMED_SLIP_RE.search(s, max(0, r.start() - 16), r.start())):
            return True
        pos = r.end()
    return False


# a symptom told under its label, with no inference drawn (`遇到的问题：日志中出现交叉熵为负。`, `实际行为：…`): what was
# seen when something went wrong, not how things are; the sentence after it (`原因分析：两者…`) still goes on with its terms
OBSERVED_RE = re.compile(
    r"^[\s>*-]*(?:\*\*)?\s*+(?:遇到的问题|问题现象|现象|症状|异常现象|实际行为|实际现象|实际结果|报错信息?|错误现象|主诉|症状描述|问题描述|故障现象)\s*+(?:\*\*)?\s*+[:：](?:\*\*)?"
    r"(?![^。；;！!？?]*(?:说明|表明|意味着|因为|所以|因此|导致|由于|证明|可见|可以看出|看来|应该|应当|需要|本来|正常))"
    # a root cause told as a step taken (`根因：移植时把门控激活写成了 tanh`, `根因：重构时给 encoder 加了 causal mask`):
    # what was done wrong, not how things are
    r"|^[\s>*-]*(?:\*\*)?\s*+(?:根因|根本原因|故障原因|事故原因|问题根因|问题原因|出错原因|bug\s*+原因)(?:分析|定位|排查)?\s*+(?:\*\*)?\s*+[:：](?:\*\*)?"
    # (the step alone, ending its sentence: a cause explained after it, `…加了 skip connection 后梯度消失更严重`, `…写成了
    # x·sigmoid(x)，这就是 GELU 的定义`, is a claim)
    r"[^，,。；;！!？?]{0,40}?(?:(?:把|将|给)[^，,。；;！!？?]{1,30}?了|(?:写|改|换|设|配|实现|当|弄|搞)成了|(?:加|用|开|关|删|去掉|漏掉|漏|少|多)了)"
    r"(?![^，,。；;！!？?]*?(?:后|以后|之后|导致|使得|所以|因此|以为|结果))[^，,。；;！!？?]*(?:[。！!]|$)")


# what a writer says is really so after a belief reported (`…，学了才知道…`, `…，其实…`, `…，后来发现…`)
_CORRECTION_RE = re.compile(
    r"[，,；;—]\s*+(?:但|可|然而|不过|结果)?\s*+(?:[^，,。；;！!？?]{0,12}?才(?:知道|明白|发现|懂得?|意识到|搞懂|弄懂|搞清楚|弄清楚|了解到|晓得)"
    r"|(?:但)?(?:其实|实际上|事实上)|真相是|"
    # (the writer's scorn for the belief in a clause of its own: `很多人以为 X，太天真了，Y`, `…，大错特错，Y`)
    r"(?:那|这|这就|那就|那可)?(?:也|就|可|真是|实在)?(?:太天真了|大错特错|错得离谱)(?:吧|啊|呀)?\s*+[，,：:]|"
    # (the writer's own reply to the one who believes it: `同事担心 X，我跟他说…`)
    r"(?:但|可)?我(?:就|便|当时|马上|于是)?(?:跟|和|对|给|向)(?:他|她|他们|她们|对方|同事|大家)(?:说|讲|解释|澄清)(?:了)?(?:一下)?|"
    # (what experience or evidence is said to show: `很多人担心 X，但这一年的实践告诉我们，…`, `…，但实验表明…`)
    r"[^，,。；;！!？?]{0,12}?(?:实践|实验|经验|数据|事实|结果)(?:已经|早就|都)?(?:告诉|证明|表明|显示)(?:了)?(?:我们)?|后来(?:才)?(?:发现|知道|明白)|"
    # (the writer's verdict on what was reported, then a colon before what the writer says is so: `你把 X 当成了 Y，这是反的：…`)
    r"(?:这|这个说法|这种说法|这种做法|这样做|这么做|这样|这么用)\s*+(?:是|就是|正好|恰好|完全|其实)?\s*+(?:反的|(?:说|弄|搞|记|写|用)?反了|不对|错的|错了|不正确|有误|不成立)(?:的)?(?=\s*+[：:])|" + _SET_RIGHT + "|" + _JOKE_TAKEN_BACK + "|" + _REBUTS
    + r")(?:了)?\s*+(?:[，,：:]|——|—)?\s*+")


# a last clause that asks only rhetorically why bother (`又何需早停？`, `何必看 PR-AUC？`, `还用得着…吗？`)
_RHETORICAL_TAIL_RE = re.compile(r"[，,；;]\s*+(?:那|那么|又|还|那还|那又)?\s*+(?:何必|何需|何须|何苦|何用|哪还用|哪里还用|还用得着|用得着|犯得着)[^，,；;]*[？?]\s*+$"
                                 # (`既然 X，还用 beam search 干嘛？`: what would be the point)
                                 r"|[，,；;]\s*+(?:那|那么|又|那又)?\s*+还\s*+(?:用|要|需要|搞|做|跑|加|留着)[^，,；;？?]{1,24}?(?:干嘛|干啥|干什么|做什么|有什么用|有啥用)\s*+[？?]\s*+$"
                                 # (`…，0.5，还算过得去吧？`: the listener asked to rate the result the clauses before it state, not
                                 # whether they are right, `…，对吧？`, `…，这样理解还可以吧？`)
                                 r"|[，,；;]\s*+(?:还|也|总|应该|大概)?\s*+(?:算是?)?\s*+(?:过得去|凑合|不错|不差|够用|能用|能接受|可以接受|及格)(?:了|的)?\s*+(?:吧|嘛)\s*+[？?]\s*+$")


# a last clause that only invites the listener to wonder at, guess the reason for or be surprised by what the clauses
# before it state (`…，你知道为什么吗？`, `…，你知道吗？`, `…，你猜这是为什么？`, `…，你说有趣不有趣？`, `…，是不是很神奇？`,
# `…，你是不是觉得很意外？`, `…，没想到吧？`): it asks nothing of them (not one that asks whether they are right, `…，对吗？`,
# `…，是不是？`: _TAG_ASK)
_INVITE_FUN = r"有趣|有意思|神奇|奇妙|好玩|厉害|巧妙|聪明|妙|酷|奇怪|意外|惊讶|不可思议"
_INVITE_TAIL_RE = re.compile(r"[，,；;]\s*+(?:那|那么)?\s*+(?:你们?|您|大家|同学们?|小朋友们?)\s*+(?:都)?(?:知道|猜猜?|想想|想一想|晓得|明白|懂)(?:看|了)?\s*+(?:这|这是|这又是)?\s*+"
                             r"(?:为什么|为啥|是为什么|什么原因|怎么回事)?\s*+(?:吗|呢|嘛)?\s*+[？?]\s*+$"
                             r"|[，,；;]\s*+(?:你们?|您|大家)?\s*+(?:是不是|有没有|会不会)?\s*+(?:也)?(?:说|看|觉得|感到|感觉)?\s*+(?:这|它|这样)?\s*+(?:是不是)?\s*+"
                             r"(?:很|挺|特别|超|太|有点|非常)?\s*+(?P<fun>" + _INVITE_FUN + r")(?:不(?P=fun))?\s*+(?:了)?\s*+(?:吧|吗|呢|呀|啊|哇)?\s*+[？?]\s*+$"
                             r"|[，,；;]\s*+(?:没想到|想不到)吧\s*+[？?]\s*+$")


# a last clause that asks the listener a further question, led by 那/那么 or by whom it addresses, that builds on what the
# clauses before it state (`X 是基于循环结构的，那么自注意力在哪里算？`, `β1 控制二阶矩，你写更新时 v_t 用哪个系数？`,
# `…，你再想想 Y 是否对称？`): they are the asker's premise, stated; not a clause that asks whether they are right or what
# the listener makes of them (`…，你怎么看？`, `…，你觉得对吗？`, `…，那这句话成立吗？`)
_FOLLOW_ASK_RE = re.compile(r"[，,；;]\s*+(?:那|那么|那你|那您|你|您|你们|大家|同学们?)\s*+(?:再|来|不妨)?\s*+"
                            r"(?![^，,；;？?]*(?:看法|觉得|认为|" + _AGREE + r"|对吗|对么|对不对|对吧|正确|成立|没错|有道理|说得通|怎么看|如何看|怎么想|怎么理解|如何理解|怎么评价|如何评价))"
                            r"[^，,；;？?]{0,40}?(?:哪|什么|多少|几|怎么|怎样|如何|为什么|为何|谁|是否)[^，,；;？?]{0,40}[？?]\s*+$")


def invite_tail(text: str, a: int, b: int) -> int | None:
    """Where the last clause of the sentence text[a:b] starts when it only invites the listener to wonder at or guess
    the reason for what the clauses before it state (`_INVITE_TAIL_RE`: `词表越大，序列越短，你知道为什么吗？`), or asks a
    further question on what they state as a premise (`_FOLLOW_ASK_RE`: `X 是 Y，那么 Z 在哪里算？`) that the answer after
    it does not deny, what comes before it states (a sentence of its own would be a statement) and the next sentence does
    not say it is wrong; else None."""
    if "？" not in text[a:b] and "?" not in text[a:b]:
        return None
    m = _INVITE_TAIL_RE.search(text, a, b)
    if m is None:
        m = _FOLLOW_ASK_RE.search(text, a, b)
        if m is not None and _premise_denied(text, a):
            return None
    if m is None or m.start() <= a or sentence_kind(text[a:m.start()]) != "statement" or refuted_next(text, a):
        return None
    return m.start()


# a last clause that asks the reader to explain or carry out what the clauses before it state (`…，气泡占比会上升，请说明原因。`,
# `…，请写出实现。`): it asks, they state (not one that asks to judge them, `…，请判断对错`)
_REQUEST_TAIL_RE = re.compile(r"[，,；;]\s*+请\s*+(?:你|候选人|考生|同学们?|读者|大家|各位)?\s*+(?:说明|解释|分析|阐述|推导|证明|写出|给出|实现|谈谈|简述"
                              r"|讲讲|说说|比较|对比)(?![^，,；;。]*(?:对错|正误|真假|是否|对不对|正确与否|判断|辨析))[^，,；;]*[。.？?]?\s*+$"
                              # (the interviewer's next question told after one's answer, `…，面试官让我说说 beam size 怎么设的。`)
                              r"|[，,；;]\s*+(?:面试官|考官|主管|对方)(?:又|还|接着|就|随后|于是|马上|紧接着){0,2}(?:(?:让|要|请)我\s*+(?:说说|讲讲|解释|谈谈|聊聊|介绍|说明|讲一下|说一下)|(?:追问|问)(?:了|起|到)?)"
                              r"(?![^，,；;。]*(?:对错|正误|真假|是否|对不对|正确与否|判断|辨析))[^，,；;]*[。.？?]?\s*+$")


# a topic one was asked about, before the answer one gave (`问到 F1，我说…`, `被问到过拟合，我的回答是…`)
_ASKED_ABOUT_RE = re.compile(r"\s*+(?:面试)?(?:被|当)?问到")


def answer_after_turn(text: str, a: int, b: int) -> int | None:
    """Where one's answer turn starts in the sentence text[a:b] (`ANSWER_TURN_RE`: `面试官问 X 怎么算，我说…`), when what comes
    before it is a question and something follows it; else None."""
    seg = text[a:b]
    if "答" not in seg and "我" not in seg and "记" not in seg and "背" not in seg:
        return None
    turn = ANSWER_TURN_RE.search(text, a, b)
    if turn is None or turn.start() <= a or not text[turn.end():b].strip() \
            or (sentence_kind(text[a:turn.start()]) != "question" and not _ASKED_ABOUT_RE.match(text, a, turn.start())):
        return None
    return turn.start()


# a last clause that quotes a statement (an option's, `B 项“KL 不对称”`) and judges it wrong (`…的说法错误`, `…是错误做法`,
# `…，把方向弄反了`): the clauses before it are the writer's own, stated (`verdict_tail`)
_VERDICT_TAIL_RE = re.compile(
    r"[，,；;]\s*+(?:所以|因此|故|因而|可见)?\s*+(?:(?:[A-H]|[①-⑩])\s*+(?:项|选项)|选项\s*+[A-H])?\s*+(?:称|说|认为|所说的?|给出的?|中的?|里的?)?\s*+"
    r"[“\"「『](?P<quoted>[^”\"」』“「『\n]{1,80})[”\"」』]\s*+"
    r"(?:(?:这种说法|这个说法|这句话|的说法|的观点|的表述|的结论|的做法|这一项|一项)?\s*+(?:是|属于|完全|显然|明显)?\s*+(?:错误的?|错的|错|不对|不正确|有误|不成立|错误(?:的)?做法)(?:的)?"
    r"|[，,]\s*+(?:这是|是)?\s*+(?:把)?(?:方向|结论|因果|大小关系|正负号?)?\s*+(?:弄|搞|说|写|记)?反了)"
    r"\s*+[。.！!]?\s*+$")


# (or a last clause, or clauses, that start with an option's label and judge what the option says, unquoted: `…，C 项给出的
# 0.5 是把…误当基线。`, `…；C 项把 TN 加进分子，属于多算。`, `…；A 项把两者写反了。`)
_OPTION_TAIL_RE = re.compile(r"[，,；;]\s*+(?:所以|因此|故|因而|可见|而)?\s*+(?:(?<![A-Za-z])[A-H]\s?(?:项|选项)(?!目)|选项\s?[A-H](?![A-Za-z]))[^。！!？?]*[。.！!]?\s*+$")


def verdict_tail(text: str, a: int, b: int) -> int | None:
    """Where the last clause of the sentence text[a:b] that quotes a statement and judges it wrong starts
    (`_VERDICT_TAIL_RE`: `KL 与 JS 散度一样都是对称的，B 项“KL 不对称”的说法错误。`), when what comes before it states on
    its own; else None."""
    m = _VERDICT_TAIL_RE.search(text, a, b) if any(q in text[a:b] for q in "“\"「『") else None
    if m is None:
        m = _OPTION_TAIL_RE.search(text, a, b)
    if m is None or m.start() <= a or sentence_kind(text[a:m.start()]) != "statement":
        return None
    return m.start()


# the premise a question opens with, granted (`主持人：既然 RNN 可以并行处理所有时间步，那…靠的是什么？`): it states
_GRANTED_RE = re.compile(r"[ \t]*+(?:(?:\*\*)?[ \t]*+" + SPEAKER_LABEL + r"[ \t]*+(?:\*\*)?[ \t]*+[:：][ \t]*+)?既然[^，,。；;！!？?]{2,60}?(?=[，,])")


# what in the answer may deny a question's premise (`我：其实 RNN 不能并行…`)
_PREMISE_DENIED_RE = re.compile(r"其实|实际上|事实上|并不|并非|不是|不能|不可以|无法|没法|不对|错|误|前提|反了")


def _premise_denied(text: str, s: int) -> bool:
    """Whether the sentence after the one that starts at text[s] (its answer) may deny what it takes as given."""
    k = next_turn_start(text, s)
    end = _SENTENCE_STOP_RE.search(text, k)
    return _PREMISE_DENIED_RE.search(text, k, end.end() if end is not None else len(text)) is not None


def asking_tail(text: str, a: int, b: int) -> int | None:
    """Where the rhetorical last clause of the question text[a:b] starts (`_RHETORICAL_TAIL_RE`, `invite_tail`), or the last clause that
    asks to explain what comes before it (`_REQUEST_TAIL_RE`), or the question after the premise it opens with
    (`_GRANTED_RE`: `既然 X，…？`), when what comes before it states (a sentence of its own would be a statement), and the
    sentence after the question does not say the premise is wrong (`…？乙：其实不是…`); else None."""
    invited = invite_tail(text, a, b)
    if invited is not None:
        return invited
    m = _RHETORICAL_TAIL_RE.search(text, a, b) or _REQUEST_TAIL_RE.search(text, a, b)
    if m is None and "既然" in text[a:b] and (granted := _GRANTED_RE.match(text, a, b)) is not None \
            and not refuted_next(text, a) and not _premise_denied(text, a):
        return granted.end() if sentence_kind(text[a:granted.end()]) == "statement" else None
    if m is None or sentence_kind(text[a:m.start()]) != "statement":
        return None
    return m.start()


def corrected_after(text: str, a: int, b: int) -> tuple[int, int] | None:
    """(where a reported belief ends, where what the writer says instead starts) in the sentence text[a:b], when a clause
    after the report corrects it (`_CORRECTION_RE`) and states on its own; else None."""
    first = REPORTED_RE.search(text, a, b)
    if first is None:
        return None
    for m in _CORRECTION_RE.finditer(text, first.start(), b):
        if not text[m.end():b].strip(" 。.！!"):
            continue
        tail = text[m.end():b]
        if sentence_kind(tail) == "statement" and not reports_belief(tail):
            return m.start(), m.end()
        return None
    return None


def sentence_kind(s: str) -> str:
    """statement, question, reported (a belief quoted to refute it), observed (a symptom told under its label) or
    supposed (a conditional)."""
    core = s.strip().rstrip("；;")
    lead = _NOT_ASKING_RE.sub("", _INDIRECT_RE.sub("", _WONDERED_RE.sub("", _LEAD_RE.sub("", core))))
    done = _PROMPT_DONE_RE.match(lead)
    if done is not None:
        return sentence_kind(lead[done.end():])
    if _ASKED_BY_RE.match(lead) and not ANSWER_TURN_RE.search(lead):
        return "question"  # `面试官问 GPT 是单向还是双向`: a question reported as asked
    if QUESTION_END_RE.search(core) or asks_by_word(lead) or ALTERNATIVE_Q_RE.search(lead.rstrip("*_ 。.")) \
            or _TOPIC_PHRASE_RE.fullmatch(lead.rstrip("*_ 。.")) \
            or any(PROMPT_LEAD_RE.match(cell.strip(" *_\t")) for cell in lead.split("|")):  # (a table row: any cell)
        return "question"
    if OBSERVED_RE.match(core):
        return "observed"
    if reports_belief(core) or SAY_LEAD_RE.match(lead):
        return "reported"
    if SUPPOSE_RE.match(lead):
        return "supposed"
    return "statement"


# a symptom told as what a fault brought about (`忘了调用 model.eval()，导致 Dropout 在推理时仍在丢弃…`), or as what was run
# into before the cause was tracked down (`遇到交叉熵出现负值，排查后发现是…`): what went wrong, not how things are
_FAULT_RE = re.compile(r"忘了|忘记|漏了|漏掉了|误把|错把|写错了?|写反了?|弄错了?|搞错了?|没(?:有)?(?:调用|切换到?|切到|关掉|关闭)|未(?:调用|切换到?|关闭)|\bbug\b", re.I)
_FAULT_OUTCOME_OPENS_RE = re.compile(r"\s*+(?:从而|进而|结果|于是)?\s*+(?:导致|以致|以至于?|致使|造成)")
_RUN_INTO_RE = re.compile(r"(?:遇到|碰到|遇上|观察到|看到)(?:了|过)?[^，,。；;]{1,30}?(?:出现|变成|变为)")
_TRACKED_DOWN_OPENS_RE = re.compile(r"\s*+(?:后来|最后|最终|仔细|一)?(?:排查|定位|调试|debug|检查)(?:了一下|了一番|一番)?(?:后|之后|下来|发现|才发现)|\s*+(?:原因|根因)(?:是|在于)|\s*+问题出在", re.I)


# a symptom seen (`出现负值`, `变成 NaN`) and the advice to look for its fault right after it, past an arrow or a comma
# (`→ 先查实现`, `，应该检查代码`): what one runs into, not how things are
_FAULT_THEN_RE = re.compile(r"(?:忘了|忘记|漏了|没(?:有)?(?:调用|切换到?|切到)|未(?:调用|切换到?))[^，,。；;]{1,30}?(?:才|就|便)(?:会)?")
_FAULT_OPENS_RE = re.compile(r"\s*+(?:[-*+>]\s+)?(?:如果|要是|若|一旦|万一|假如)?\s*+(?:你|您)?\s*+(?:" + _FAULT_RE.pattern + ")", re.I)
_FAULT_THEN_OPENS_RE = re.compile(r"\s*+[^，,。；;]{0,12}?(?:就|便|才)会")
_CHECK_ADVISED_RE = re.compile(r"(?:出现|变成|变为|算出|跑出|冒出)(?:了)?[^，,。；;→⇒]{1,12}?\s*+(?:[，,]|→|⇒|->|=>)?\s*+(?:那|就|则)?\s*+"
                               r"(?:应该|应当|应|要|需要|得|请|建议)?\s*+(?:先|首先|优先|第一步)?\s*+(?:去)?\s*+(?:查|检查|排查|核查|核对|debug|定位)(?!\s*+(?:无误|过了|完毕|通过))", re.I)


# the mark that ends a clause (a comma, a stop, a question or exclamation mark, a newline)
CLAUSE_STOP_RE = re.compile(r"[，,。；;！!？?\n]")
_COLON_AFTER_RE = re.compile(r"[：:]\s*+\S")


def _clause_end(text: str, a: int) -> int:
    """Where the clause that starts at text[a] ends (after its comma or stop), or the text's end."""
    m = CLAUSE_STOP_RE.search(text, a)
    return len(text) if m is None else m.end()


def _symptom(text: str, s: int, a: int, b: int, nxt: int | None) -> bool:
    """Whether the clause text[a:b] (of a sentence from s) tells a symptom: what a fault named before it brought about,
    or what was run into, with the cause tracked down in the next clause (from nxt)."""
    if _FAULT_OUTCOME_OPENS_RE.match(text, a, b) and _FAULT_RE.search(text, s, a):
        return True
    if _FAULT_THEN_OPENS_RE.match(text, a, b) and _FAULT_OPENS_RE.match(text, max(s, text.rfind("，", s, max(s, a - 1)) + 1, text.rfind(",", s, max(s, a - 1)) + 1), a):
        return True  # (`忘了调用 model.eval()，BN 就会继续用…`: the fault in the clause before, what it brings about in this one)
    if _FAULT_THEN_RE.search(text, a, b):
        return True  # (`忘了 model.eval() 才会继续用当前 batch 统计`: what a fault brings about, in the fault's own clause)
    if ("查" in text or "debug" in text or "定位" in text) \
            and (advised := _CHECK_ADVISED_RE.search(text, a, b if nxt is None else _clause_end(text, nxt))) is not None \
            and not _COLON_AFTER_RE.search(text, advised.end(), b):
        # (`交叉熵出现负值 → 先查实现`: what one sees, and where to look for the fault; not a claim after a colon that
        # follows the advice, `出现 inf 时请先查数据：FP16 最大能表示到…`, nor a figure checked, `算出 MRR 为 2，核对无误`)
        return True
    # (the next clause's anchored opening first: the unanchored search over the clause runs only where a cause follows)
    return nxt is not None and _TRACKED_DOWN_OPENS_RE.match(text, nxt) is not None and _RUN_INTO_RE.search(text, a, b) is not None


class TextLayer:
    """Sentences, clauses, tokens and negation of prose, with a segmenter that keeps the given words
    (a rule pack's term names) whole."""

    def __init__(self, words: Iterable[str] = ()):
        self.words = tuple(sorted(set(w for w in words if w and not w.isascii())))
        self._seg = _segmenter(self.words + COMPOUNDS + NAMED_COMPOUNDS)
        self._compounds = re.compile("|".join(re.escape(w) for w in COMPOUNDS + NAMED_COMPOUNDS if w[0] in GUARD_PREFIXES or w in NAMED_COMPOUNDS))
        self._cut_cache: dict[tuple[str, tuple[int, int]], list[tuple[int, int, str]]] = {}

    def __getstate__(self) -> dict:
        """Pickled without the segmenter (a native object and a closure), rebuilt where it is unpickled: a
        linter goes to Ray workers and process pools this way."""
        state = self.__dict__.copy()
        state.pop("_seg", None)
        state["_cut_cache"] = {}
        return state

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        self._seg = _segmenter(self.words + COMPOUNDS + NAMED_COMPOUNDS)

    def sentences(self, text: str, start: int = 0, end: int | None = None) -> list[Span]:
        out = []
        for a, b in _turns(text, split_spans(text, SENTENCE_END, start, end, han_period=True)):
            seg = text[a:b]
            turn = ANSWER_TURN_RE.search(text, a, b) if ("答" in seg or "记" in seg or "背" in seg or "我" in seg) else None
            colon = answer_after_colon(text, a, b)
            if turn is None and _REPLY_VERB_RE.search(text, a, b):
                turn = REPLY_TURN_RE.search(text, a, b)
                if turn is not None and colon is not None and colon <= turn.start():
                    turn = None  # (a question a colon ends is answered there: `你问 X 怎么算：…，它回答的是…`)
            if turn is not None and turn.start() > a and (sentence_kind(text[a:turn.start()]) == "question" or _ASKED_ABOUT_RE.match(text, a, turn.start())) \
                    and text[turn.end():b].strip():
                # `面试官问 DDP 每张卡存什么，我答：存一部分层。`: the question asked, then the answer given
                out += [Span(a, turn.start(), "question"), Span(turn.start(), b, sentence_kind(text[turn.end():b]))]
            elif colon is not None:  # `过拟合怎么办：一个办法是…`: a question that a colon ends, then its answer
                out += [Span(a, colon, "question"), Span(colon, b, sentence_kind(text[colon:b]))]
            else:
                if out and out[-1].kind == "statement" and (judged_false(text, a, b) or corrected_turn(text, out[-1].start, a, b)):
                    out[-1] = Span(out[-1].start, out[-1].end, "reported")  # `…稀疏解。（×）解析：…`: judged false after it
                    opener = max(text.rfind(q, 0, out[-1].end) for q in _OPENING_QUOTES) if text[out[-1].end - 1] in _CLOSING_QUOTES else -1
                    if opener >= 0:
                        # a quoted statement of several sentences (`“S1。S2。”答：错误`) is judged as a whole, back to its
                        # opening quote
                        k = len(out) - 1
                        while k > 0 and out[k].start > opener and out[k - 1].kind == "statement":
                            k -= 1
                            out[k] = Span(out[k].start, out[k].end, "reported")
                elif out and out[-1].kind == "question" and (stated := affirmed_until(text, out[-1].start, out[-1].end, a, b)) is not None:
                    # `S，这句话对吗？对。`: a statement asked about and then affirmed is stated
                    out[-1] = Span(out[-1].start, stated, sentence_kind(text[out[-1].start:stated]))
                kind = sentence_kind(text[a:b])
                fixed = corrected_after(text, a, b) if kind == "reported" else None
                tail = asking_tail(text, a, b) if kind == "question" else None
                judged = verdict_tail(text, a, b) if kind == "reported" and fixed is None else None
                if judged is not None:
                    # `KL 与 JS 散度一样都是对称的，B 项“KL 不对称”的说法错误。`: the writer's clauses, then a quoted
                    # statement judged wrong
                    out += [Span(a, judged, "statement"), Span(judged, b, "reported")]
                elif tail is not None:
                    # `延长训练，验证误差只会下降，又何需早停？`, `…，请说明原因。`: what comes before a last clause that asks
                    # only rhetorically, or asks to explain it, is stated
                    out += [Span(a, tail, sentence_kind(text[a:tail])), Span(tail, b, "question")]
                elif fixed is not None:
                    # `以前以为 X，学了才知道 Y`, `有人说 X，其实 Y`: the belief reported, then what the writer says is so
                    out += [Span(a, fixed[0], "reported"), Span(fixed[1], b, "statement")]
                else:
                    out.append(Span(a, b, kind))
        return out

    def clauses(self, text: str, sentence: Span) -> list[Span]:
        """The clauses of a sentence: a frame, scene or change clause (`在 X 中，`, `X 之后，`, `由于…，`,
        `增大 λ，`) and the first half of a correlative (`k 越小，模型越复杂`) are joined to the next one; in a
        supposition (`如果 A，（那么）C`) the antecedent is `supposed` and the consequent a statement."""
        pieces: list[list[int]] = []
        last = (0, 0)  # the clause before this one: a frame joins the clause after it, not every later one
        for a, b in clause_spans(text, sentence.start, sentence.end):
            if pieces and _REPORTED_TOPIC_RE.match(text[last[0]:last[1]]):
                pieces.append([a, b])  # (the topic a view names is a clause of its own: `_REPORTED_TOPIC_RE`)
            elif pieces and (_frame_end(text[last[0]:last[1]])
                           or _FRAME_START_RE.match(text, _after_colon(text, last[0], last[1]))
                           or _change(text, last[0], last[1])
                           or _joins(text[last[0]:last[1]], text[a:b])
                           or _EXAMPLES_RE.match(text, a, b)):
                pieces[-1][1] = b
            else:
                pieces.append([a, b])
            last = (a, b)
        consequent = len(pieces)
        if sentence.kind == "supposed" and len(pieces) > 1 and _WORKED_SETUP_RE.fullmatch(text, *pieces[0]):
            consequent = 1  # (a worked example's numbers set up, `假如词表有 100 万个词，…`: all that follows is worked out)
        elif sentence.kind == "supposed" and len(pieces) > 1:
            conceded = _CONCESSION_RE.match(text, pieces[0][0]) is not None
            consequent = next((i for i in range(1, len(pieces)) if _CONSEQUENT_RE.match(text, pieces[i][0])
                               or (conceded and _CONCEDED_CONSEQUENT_RE.match(text, pieces[i][0], pieces[i][1]))),
                              next((i for i in range(1, len(pieces)) if _ADVICE_OPENS_RE.match(text, pieces[i][0])), len(pieces) - 1))
        out = []
        for i, (a, b) in enumerate(pieces):
            kind = sentence.kind
            if kind == "supposed":
                kind = "supposed" if i < consequent else "statement"
            if kind in ("statement", "supposed") and _REPORTED_TOPIC_RE.match(text[a:b]):
                out.append(Span(a, b, "reported"))
                continue
            if kind == "statement":
                piece = text[a:b].rstrip("，, ")
                # (a concessive A-not-A, whose answer is said not to matter, asks nothing: `加不加 X 对…没有区别`; one led by
                # 无论/不管 still states nothing of its own: `无论模型预测出的词是否正确，…`)
                asks = (QUESTION_END_RE.search(piece) and not _GUESSED_WHAT_END_RE.search(piece)) or (_ASKING_CLAUSE_RE.search(piece if _CONCEDED_LEAD_RE.search(piece) else _PURPOSE_INDIRECT_RE.sub("", _NOT_ASKING_RE.sub("", piece)))
                                                        and not _indirect_then_colon(piece)
                                                        and not _CONCERN_INDIRECT_RE.search(piece)) or _WONDERED_RE.search(piece)
                # (what a thing is concerned with, an indirect question, is said of it: `召回率关注的是正例有没有被找全`;
                # `要判断 X 是否…` still asks)
                kind = "question" if asks else "supposed" if SUPPOSE_RE.match(piece) else "statement"
                if _symptom(text, sentence.start, a, b, pieces[i + 1][0] if i + 1 < len(pieces) else None):
                    kind = "observed"
            out.append(Span(a, b, kind))
        return out

    def tokens(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, token) of each word of `text` (spaces dropped), in order."""
        out, pos = [], 0
        for tok in self._seg(text):
            at = text.find(tok, pos)
            if at < 0:  # the segmenter never changes text; guard anyway
                continue
            pos = at + len(tok)
            if tok.strip():
                out.append((at, pos, tok))
        return out

    def negations(self, text: str, start: int = 0, end: int | None = None, within: tuple[int, int] | None = None) -> int:
        """How many negation words stand in text[start:end]. `within`: the clause around it, segmented as
        a whole, so that a range that ends inside a word (`不减|去均值`) still reads the word's 不."""
        end = len(text) if end is None else end
        piece = text[start:end]
        n = len(_NEGATION_EN_RE.findall(piece)) + bool(_REMOVED_EN_RE.search(piece)) if piece.isascii() or _LATIN_RE.search(piece) else 0
        if not piece.isascii():
            prev = None  # the token before the current one, and whether a negation was counted already
            counted = False
            words = self._words(text, start, end, within)
            for k, (s, e, tok) in enumerate(words):
                split = _SPLIT_NEGATION_RE.match(text, s, end) is not None  # `很难得到`: the segmenter cuts 很 / 难得 / 到
                if tok in _NEG_BEFORE_FEI and text.startswith("非", e) and not text.startswith("非常", e) \
                        and not (k + 1 < len(words) and words[k + 1][2] in NEGATIONS):
                    split = True  # `而非用显存换计算`: the segmenter cuts 而 / 非用
                removal = (tok in REMOVALS and _REMOVED_GAP_RE.fullmatch(text, e, end) is not None) or (
                    tok in REPLACEMENTS and _REPLACED_GAP_RE.fullmatch(text, e, end) is not None
                    # (not when another thing, named before 被, is what is replaced: `因为大量矩阵乘法被换成了 INT8 计算`
                    # says what is used now; `ReLU 被替换成线性激活` read from after ReLU still denies)
                    and not (k > 0 and words[k - 1][2] == "被" and words[k - 1][0] - start > 2))
                potential = (_POTENTIAL_NEG_RE.match(tok) is not None and tok not in _POTENTIAL_AFFIRMS) or (
                    tok in _POTENTIAL_TAILS and prev is not None and prev + tok not in _POTENTIAL_AFFIRMS)  # 给 / 不出
                emphatic = tok in _EMPHATIC_NEG and _AGREEING_RE.match(text, e) is None
                attribute = tok == "不" and k + 1 < len(words) and words[k + 1][2] in _NEGATED_ATTRIBUTES and any(
                    w[2] == "的" for w in words[k + 2:k + 4])
                if (tok in NEGATIONS or split or removal or potential or emphatic or _NEG_HEAD_RE.match(tok)) and not attribute \
                        and not (counted and prev in _NEG_COORD):
                    n += 1
                    counted = True
                prev = tok
        return n

    @staticmethod
    def prefix_negated(text: str, pos: int, start: int = 0) -> int:
        """1 when the word at `pos` carries an English negating prefix (`Non-Learned` at `Learned`), else 0:
        a negation as a word before it is (`not learned` is counted by `negations`)."""
        return 1 if _NEGATING_PREFIX_RE.search(text, max(start, pos - 4), pos) else 0

    def _words(self, text: str, start: int, end: int, within: tuple[int, int] | None) -> list[tuple[int, int, str]]:
        """The words of text[start:end]: cut from `within` when given (a word that runs past `end` is cut
        there), else from the piece itself."""
        if within is None:
            return [(start + s, start + e, tok) for s, e, tok in self.tokens(text[start:end])]
        key = (text, within)
        words = self._cut_cache.get(key)
        if words is None:
            if len(self._cut_cache) > 4096:
                self._cut_cache.clear()
            words = self._cut_cache[key] = [(within[0] + s, within[0] + e, tok) for s, e, tok in self.tokens(text[within[0]:within[1]])]
        # a word that begins before `start` and runs into the range gives its tail (`BN 层不含`: the segmenter
        # cuts 层不含 as one word across the end of the name `BN 层`, and its 不含 is read)
        return [(max(s, start), min(e, end), text[max(s, start):min(e, end)]) for s, e, _ in words
                if start <= s < end or s < start < e]

    def inside_word(self, text: str, pos: int, start: int = 0, end: int | None = None) -> bool:
        """Whether `pos` falls strictly inside a known compound word of text[start:end]."""
        for m in self._compounds.finditer(text, start, len(text) if end is None else end):
            if m.start() < pos < m.end():
                return True
            if m.start() >= pos:
                break
        return False

    def hedged(self, text: str, start: int = 0, end: int | None = None, within: tuple[int, int] | None = None) -> bool:
        end = len(text) if end is None else end
        if _SPLIT_HEDGE_RE.search(text, start, end):  # the segmenter cuts these into 不 + 一定
            return True
        stop = within[1] if within else len(text)
        if "形式" in text and ("实质" in text or "本质" in text or "内核" in text):
            # (the clause's own form-and-substance contrast: one that begins before its sentence ends)
            form = _FORM_ONLY_RE.search(text, start, min(len(text), stop + 40))
            if form is not None and form.start() < stop and not _SENTENCE_STOP_RE.search(text, end, form.start()):
                return True
        return any(tok in HEDGES and not (tok in _APPROX and _AMOUNT_RE.match(text, e, stop))
                   for _, e, tok in self._words(text, start, end, within))


@lru_cache(maxsize=8)
def _segmenter(words: tuple[str, ...]):
    """A cut function that keeps `words` whole: rjieba when installed, else jieba."""
    try:
        import rjieba

        seg = rjieba.Jieba()
        for w in words:
            seg.add_word(w, None, None)
        return lambda s: seg.cut(s, True)
    except ImportError:  # pragma: no cover - rjieba is a dependency; jieba is its reference
        import jieba

        tok = jieba.Tokenizer()
        for w in words:
            tok.add_word(w)
        return lambda s: tok.lcut(s, HMM=True)
