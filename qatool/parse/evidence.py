"""What a piece of text says about itself: is it a question, a section name, a link or an image, a
placeholder, a reader sign-off, navigation, an interview narrative? These are the features the
extractor decides from; they are about the kind of sentence, never about one corpus's wording.

All patterns are linear: link and tag patterns cannot span a `[`, `(` or `<` they did not start at,
so a line of 50,000 `[` or `<|` is one pass.

>>> question_strength("请简述一下时序差分方法。"), question_strength("平均绝对误差(MAE)")
(2, 0)
>>> substance("详细参考：https://example.com/a")
0
"""
from __future__ import annotations

import re

# ------------------------------------------------------------------------------------------ questions

# a question mark of either width (links and URLs are removed before looking)
QMARK_RE = re.compile(r"(?<!\ufffd)\?|？")  # `�?` is a character lost in decoding, not a question mark
# a verb of checking earlier in the clause of a 是否: the clause says what is checked (`检查是否为空`, `用相似度检测
#当前结果是否异常`) and asks nothing; at the start of a text it is a prompt (`判断模型是否过拟合`), read as one
_CHECKED_RE = re.compile(r"(?:检查|判断|检测|确认|验证|校验|核对|核查|审查|判定|决定|评估|衡量|识别|观察|监控|监测|统计|关注|分析|考虑|注意|留意|询问|区分|确定|考察|记录|查看|测试|看|取决于)[^，,。；;：:！!？?]{0,24}$")
# what one does not know (`模型不知道有哪些类别`): the interrogative after it names the unknown, it asks nothing
_UNKNOWN_RE = re.compile(r"(?:不知道|不清楚|不确定|不了解|搞不清楚?|弄不清楚?|分不清|不明白)[^，,。；;：:！!？?]{0,8}$")
# interrogatives; 吗/呢 only at the end of a clause
_QWORDS_RE = re.compile(
    r"什么|如何|为什么|为何|为啥|怎么|怎样|哪些|哪个|哪种|哪几|哪一|哪里"
    r"|是否|能否|可否|能不能|是不是|有没有|可不可以|有何|何为|何时|多少"
    r"|[吗呢](?=[\s。，,；;）)]|$)"
)
# a prompt to explain something, at the start (after an optional 请/试/…, then 简单/详细/…: `请详细描述`)
_IMPERATIVE_RE = re.compile(
    r"^(?:请你|请|你|试|可以|能)?[ \t]*(?:简单|简要|大概|大致|详细|具体|尝试|再|分别)?[ \t]*(?:先)?"
    r"(?:简述|简要说明|简单说明|简单介绍|介绍|说明|解释|阐述|论述|描述|叙述|讲述|讲解|讲讲|讲一讲|讲一下|讲下|说说|说一说|说一下|说下|谈谈|谈一谈|谈一下|谈下|聊聊|聊一聊|聊一下"
    r"|写出|写一个|写一下|手写|手推|编写|实现一个|实现一下|推导|证明|列举|列出|举例|举出|给出|画出|分析一下|计算一下|求解|设计一个|设计一种|判断|总结一下|概括)"
    r"(?:一下|下)?(?=[ \t]*\S[^\n]?\S)"
    # 比较/对比 ask only when two things are compared (`对比学习` is a method, not a prompt)
    r"|^(?:请|简单|简要|试)?(?:比较|对比)(?:一下|下)?(?=[^。，,]*(?:和|与|跟|及|、|vs|VS))"
)
# a prompt wherever it stands (`GBDT 解释一下`, `聊一下 X`)
_PROMPT_ANYWHERE_RE = re.compile(
    r"(?:介绍|解释|说明|讲|说|谈|聊|描述|分析|比较|推导|理解)一下"
    # a task: `Numpy实现bbox_iou`, `用 C++ 实现 NMS` near the start (not the noun `X的实现原理`,
    # not `…，实现 X` inside a sentence)
    r"|^[^，,。；;：:]{0,12}(?<![的之])实现(?!原理|方式|细节|过程|方法|思路|机制|逻辑)[ \t]*[A-Za-z\u4e00-\u9fff]"
)
_ENGLISH_Q_RE = re.compile(
    r"^(?:how|what|why|when|where|which|who|whom|whose|can|could|do|does|did|is|are|was|were|should|would|will|shall|may"
    r"|explain|describe|compare|write|implement|define|derive|prove)\b",
    re.IGNORECASE,
)
# nouns that interview questions are often made of (`X 的区别`, `X 的优缺点`): weak evidence only
_WEAK_RE = re.compile(r"区别|异同|优缺点|优劣|利弊|作用|意义|原理|原因|含义|特点|用途|应用|场景|影响|关系|对比|差异|好处|坏处|缺点|优点|问题")


def question_strength(text: str) -> int:
    """2: the text asks (question mark, interrogative, prompt to explain); 1: only a question-like
    noun (区别, 优缺点, 原理); 0: a statement or a topic name."""
    t = strip_links(text[:400]).strip().strip("*_`").strip()  # a question is read from its start
    if not t:
        return 0
    if QMARK_RE.search(t) or _IMPERATIVE_RE.match(t) or _PROMPT_ANYWHERE_RE.search(t) or any(
            (m.group(0) != "是否" or not _CHECKED_RE.search(t, max(0, m.start() - 30), m.start()))
            and (m.group(0) in "吗呢" or not _UNKNOWN_RE.search(t, max(0, m.start() - 12), m.start())) for m in _QWORDS_RE.finditer(t)):
        return 2
    if _ENGLISH_Q_RE.match(t):
        return 2
    if _WEAK_RE.search(t):
        return 1
    return 0


# heading names of parts of an article that are not Q&A
NON_QA_SECTION_RE = re.compile(
    r"总结|小结|结语|结论|概述|简介|引言|前言|附录|参考|资料|延伸阅读|推荐阅读|相关阅读|写在最后|致谢|目录|索引|导读|更新日志|更新历史|修订历史|版本历史|修订记录|变更记录|版权|声明"
    r"|联系方式|联系我|关于我|关于作者|作者简介"
    r"|Summary|Conclusion|References?|Appendix|Index|Contents|RoadMap|TOC|Changelog|License|Acknowledge?ments?|Contact(?:\s+me)?|About\s+me",
    re.IGNORECASE,
)
# a document or group title that says it collects questions
BANK_RE = re.compile(
    r"面试|问答|问题|题库|题目|习题|试题|考题|真题|笔试|面经|答疑|FAQ|Q&A|\bQA\b|interview|questions", re.IGNORECASE
)
# an interview log or exam write-up: its sections are rounds (一面, 二面) over lists of prompts
LOG_RE = re.compile(r"面经|面试记录|面试题记录|笔试|面试|interview", re.IGNORECASE)
CODING_SECTION_RE = re.compile(r"编程|代码|算法题|coding|programming|leetcode", re.IGNORECASE)
CODING_QUESTION_RE = re.compile(r"编写|实现|写一个|写出|代码|编程|算法题|implement|write a", re.IGNORECASE)
EXERCISE_SECTION_RE = re.compile(r"练习|习题|拓展|exercise", re.IGNORECASE)
TODO_RE = re.compile(r"\bTODO\b|\bTBD\b|\bFIXME\b|待补充|待完善|待更新|待续|未完待续|待定|待写|占坑", re.IGNORECASE)

# ----------------------------------------------------------------------------------------- inline text

# (a destination may hold balanced parentheses, as CommonMark allows: `(#wait()，join()方法有什么作用？)`)
_DESTINATION = r"[^()\s]*(?:\([^()\s]*\)[^()\s]*)*"  # (unrolled: runs of plain characters, each group between)
IMAGE_RE = re.compile(r"!\[[^\[\]\n]*\]\(" + _DESTINATION + r"(?:[ \t]+\"[^\"\n]*\")?\)")
LINK_RE = re.compile(r"\[[^\[\]\n]*\]\(" + _DESTINATION + r"(?:[ \t]+\"[^\"\n]*\")?\)|\[[^\[\]\n]*\]\[[^\[\]\n]*\]")
ANCHOR_LINK_RE = re.compile(r"\[[^\[\]\n]*\]\(#" + _DESTINATION + r"\)")
URL_RE = re.compile(r"<?(?:https?|ftp)://[^\s<>()\[\]]+>?|www\.[^\s<>()\[\]]+")
HTML_TAG_RE = re.compile(r"<[^<>\n]*>")
IMG_TAG_RE = re.compile(r"<img\b[^<>\n]*>", re.IGNORECASE)
PATH_RE = re.compile(r"[\w.\-]*/[\w./\-#]*")
_CJK_RE = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_LATIN_WORD_RE = re.compile(r"[0-9A-Za-z]+")
# text before a colon that introduces what follows (`详细参考：`, `GitHub:`, `数据集下载：`)
# the label right before a link (`参考链接：`, `详见：`): up to a colon, within one clause
_LEAD_IN_RE = re.compile(r"[^\s:：，,。；;！!？?]{1,16}[:：](?=\s*(?:$|\x00))")


def strip_links(text: str) -> str:
    """Text with images, links (their text too), URLs and HTML tags removed."""
    if "](" in text or "][" in text:
        text = IMAGE_RE.sub(" ", text)
        text = LINK_RE.sub(" ", text)
    if "://" in text or "www." in text:
        text = URL_RE.sub(" ", text)
    if "<" in text:
        text = HTML_TAG_RE.sub(" ", text)
    return text


def substance(text: str, cap: int | None = None) -> int:
    """How much text there is besides links, images, URLs, tags, paths and lead-ins (`参考链接：`
    before a link), in Chinese characters (a Latin word or a number counts as two): 0 for a line that
    only points somewhere else. With `cap`, counting stops once the total passes it (enough to compare
    with a threshold below it)."""
    total = 0
    for line in text.split("\n"):
        if cap is not None and total > cap:
            break
        s = line
        had_ref = False
        if "](" in s or "][" in s or "://" in s or "www." in s or "<" in s:
            had_ref = True
            s = IMAGE_RE.sub("\x00", s)
            s = LINK_RE.sub("\x00", s)
            s = URL_RE.sub("\x00", s)
            s = HTML_TAG_RE.sub(" ", s)
        if "/" in s:
            s = PATH_RE.sub(" ", s)
        s = s.replace("*", " ").replace("_", " ").replace("`", " ")
        if had_ref:
            s = _LEAD_IN_RE.sub(" ", s)
        total += len(_CJK_RE.findall(s)) + 2 * len(_LATIN_WORD_RE.findall(s))
    return total


def has_reference(text: str) -> bool:
    """Whether the text holds a link, a URL or an image."""
    return bool(("](" in text and (LINK_RE.search(text) or IMAGE_RE.search(text))) or URL_RE.search(text))


def has_image(text: str) -> bool:
    return bool(("![" in text and IMAGE_RE.search(text)) or ("<img" in text.lower() and IMG_TAG_RE.search(text)))


def is_navigation(line: str) -> bool:
    """A line of links to anchors in the same document, or a back-to-top link."""
    s = line.strip()
    if not s:
        return False
    if NAV_WORDS_RE.search(s) and len(s) <= 60:
        return True
    if "](#" not in s:
        return False
    rest = ANCHOR_LINK_RE.sub(" ", s)
    return not rest.strip(" \t-*+>|·/,，、.。")


NAV_WORDS_RE = re.compile(r"返回目录|回到目录|回到顶部|返回顶部|点击跳转|back to top", re.IGNORECASE)

# ---------------------------------------------------------------------------------- placeholders

PLACEHOLDER_RE = re.compile(
    r"^[-*+>\s\[\]xX]*(?:todo|tbd|fixme|待补充|待完善|待更新|待续|未完待续|待定|暂无|略|同上|空|占坑|\.{3,}|…+)[.。!！:：\s]*$", re.IGNORECASE
)
# `=求职动机`, `见上题`, `同第3题`: an answer that only points at another item
CROSS_REF_RE = re.compile(r"^(?:=|＝|→|->|见|详见|参见|参考|同)[^\n]{0,14}$")


def is_placeholder(text: str) -> bool:
    lines = [ln for ln in text.split("\n") if ln.strip()]
    return bool(lines) and all(PLACEHOLDER_RE.match(ln.strip()) for ln in lines)


# ------------------------------------------------------------------------------------- chatter

# a reader sign-off of a blog or WeChat article: asks for likes, follows, shares, comments, or says
# the article ends / goes on next time
SIGN_OFF_RE = re.compile(
    r"点个?在看|给个在看|求在看|求赞|一键三连|(?<![他她它们谁人户者员客粉众])(?<![他她它们谁人户者员客粉众][先再会就都也便])关注(?:我|一下|公众号|本号)|扫码|二维码|加我(?:微信|好友)|交流群|加群|群号"
    r"|感谢(?:您的)?(?:阅读|观看|关注|支持)|谢谢(?:阅读|观看|大家)|写到这里|就写到这|下回再|下次再|之后(?:我)?(?:会|再)写|未完待续|鞠躬"
    r"|欢迎(?:大家)?(?:关注|交流|留言|讨论|加入|转载|star|Star)|如果(?:觉得|您觉得|你觉得).{0,20}(?:有用|帮助|不错|还行|可以)"
    r"|^(?:如上|以上)[，,].{0,60}(?:介绍|分享|内容|文章|本文)",
)


# words a sign-off uses that content uses too (`用户点赞率`, `将请求转发到节点`, `收藏夹`): a sign-off only where
# they are asked of the reader, or make up a short paragraph of their own
_READER_WORD_RE = re.compile(r"点赞|三连(?!续)|公众号|转发|收藏|留言|(?<!隐)私信")
_ASKED_OF_READER_RE = re.compile(
    r"(?:欢迎|(?<![请要需追寻祈征诉])求|记得|(?<![申])请(?!求)|别忘了?|麻烦|顺手|动动小?手指|多多|帮忙)\s{0,2}(?:大家|各位)?\s{0,2}"
    r"(?:点赞|三连|关注|转发|收藏|留言|私信)"
    r"|(?:点赞|转发|收藏|留言|私信)(?:[、和]?(?:点赞|收藏|转发|关注)){0,3}\s{0,2}(?:支持|一下|三连|走一波|鼓励|哦|呀|~|！|!)"
)
# an account of one's own named (`公众号：机器学习小站`, `我的公众号「…」`, `见「…」公众号`), not accounts talked about
# (`吸引用户关注公众号`)
_ACCOUNT_NAMED_RE = re.compile(r"(?:微信)?公众号\s*(?:[:：「“『【《]|(?:名|名称|ID|id)\s*[:：是])|(?:我的|本|我们的|笔者的|作者的)(?:微信)?公众号"
                               r"|[」”』】》]\s*(?:微信)?公众号"
                               r"|(?:首发|发布|发表|转载|原载|来源|出自)(?:于|自)?\s*[:：]?\s*(?:微信)?公众号")
_NOT_WORDS_RE = re.compile(r"[\W_]+")
_READER_RE = re.compile(r"大家|各位|小伙伴|同学们?|朋友们|读者")  # not 您: machine-written answers address the asker
READER_ADDRESS_MAX = 160  # characters: `如果各位有别的想法，可以在留言区留言` is short; a paragraph of content is longer


def is_sign_off(text: str) -> bool:
    """A paragraph that talks to the reader about the article rather than answering anything."""
    t = text.strip()
    if not t or len(t) > 400:
        return False
    if SIGN_OFF_RE.search(t):
        return True
    if _READER_WORD_RE.search(t) is None:
        return False
    # asked of the reader, the reader addressed, a public account named, or next to nothing else said (`点赞收藏`)
    return _ASKED_OF_READER_RE.search(t) is not None or _ACCOUNT_NAMED_RE.search(t) is not None \
        or (len(t) <= READER_ADDRESS_MAX and _READER_RE.search(t) is not None) \
        or len(_NOT_WORDS_RE.sub("", _READER_WORD_RE.sub("", t))) <= 2


# what a candidate says happened in an interview (`我说了两个思路`, `让我写出来`), not an answer
NARRATIVE_RE = re.compile(
    r"^(?:我|让我|提示我|问我|面试官|当时|因为(?:提到|说)|然后|接着|又问|还问|所以又|分别说了)"
    r"|说了(?:下|一下|一点)|我说|我就|我从|问了|没想出|[（(]不会[)）]|没答|面试官"
)
