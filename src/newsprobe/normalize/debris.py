"""Scrape debris: lines a page carries that are not part of the story.

Ad slots ("970x125"), "Advertisement", "Leave a Comment", share and subscribe lines, cookie
notices, a teaser or headline repeated before the body, and truncated previews ("...") of a
paragraph that follows in full. They change a detector's token statistics without being
anyone's writing, so they are cut before scoring, and every cut is recorded so a user can
audit it. Rules match whole lines (paragraphs) only: a sentence that merely mentions
cookies or advertising inside a story stays.
"""

from __future__ import annotations

import re

from newsprobe.article import Removal

_SEP = r"\s*[|/·•,:;\-–—]?\s*"
_SOCIAL = (
    r"(?:share(?: this(?: article| story| page)?)?(?: on)?|tweet|email|e-mail|print|copy link|"
    r"facebook|twitter|x|linkedin|whatsapp|pinterest|reddit|telegram|flipboard|messenger|"
    r"bluesky|threads|mastodon|comments?|save|saved|save article|bookmark|gift this article|"
    r"print this (?:page|article)|link copied|follow on google news|opens in (?:a )?new window|"
    r"listen to this article(?:\s*[·•|-]?\s*[\d:]+\s*min(?:utes?)?)?(?:\s*learn more)?|"
    r"listen on (?:bbc sounds|spotify|apple podcasts|google podcasts|youtube))(?:\s*\(?\d+\)?)?"
)

_SUBSCRIBE = (
    r"subscribe(?: now| today| here)?|sign up(?: now| today)?|"
    r"(?:sign up|subscribe) (?:for|to) (?:our|the|a) [^.!?]{0,60}"
    r"(?:newsletter|updates|alerts|briefing)[^.!?]{0,100}|"
    # the sign-up form's own lines, as a copy from the browser keeps them
    r"enter your e-?mail(?: address)?(?: here)?|"
    r"by (?:signing up|subscribing|clicking [^.!?]{0,30}),? you (?:agree|consent) to [^.!?]{0,120}|"
    r"want to (?:read|keep reading|continue reading) (?:more|on)\??|"
    r"(?:skip past|after) newsletter promotion|(?:your )?e-?mail address|invalid e-?mail|"
    r"thank you for (?:signing up|subscribing)|sign up here|"
    r"privacy notice: newsletters may contain [^\n]{0,120}|"
    r"sign up to [^.!?]{1,60}newsletter[^.!?]{0,80}|"
    r"(?:new)?you can now listen to [^.!?]{1,40} articles!?|"
    r"get (?:our|the) [^.!?]{0,40}newsletter[^.!?]{0,60}|newsletter sign[- ]?up|"
    r"follow us on (?:facebook|twitter|x|instagram|tiktok|youtube|linkedin|threads|bluesky|"
    r"whatsapp|telegram)[^.!?]{0,60}|"
    r"already a subscriber\?? ?(?:log|sign) ?in|"
    r"this (?:article|story|content) is (?:only )?(?:for|available to) "
    r"(?:paying |premium )?subscribers(?: only)?|"
    r"(?:subscribe|sign in|log in|register) to (?:continue|keep) reading[^.!?]{0,60}|"
    r"(?:to )?continue reading,? (?:subscribe|sign in|log in|register)[^.!?]{0,60}|"
    r"subscribe (?:now )?(?:from|for) (?:just |only )?[£$€][^.!?]{0,40}"
)

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_WEEKDAY = (
    r"(?:mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:rs(?:day)?)?|fri(?:day)?|"
    r"sat(?:urday)?|sun(?:day)?)\.?"
)
_TIME = (
    r"\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?"
    r"(?:\s+(?:gmt|bst|utc|cet|cest|e[sd]?t|p[sd]?t|c[sd]?t))?"
)
#: A date or a time and nothing more ("Mon 3 Mar 2025 14.05 GMT", "May 14, 2025 9:30 a.m.").
_DATE_TIME = (
    rf"(?:{_WEEKDAY},?\s+)?(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?(?:\s+\d{{4}})?|"
    rf"\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?(?:\s+\d{{4}})?)(?:,?\s+(?:at\s+)?{_TIME})?|{_TIME}"
)

#: A bare heading above a list of other stories ("Related", "Most read", "Editor's picks"):
#: a navigation line of its own, and the marker of the list under it (``_LIST_MARKER``).
_LIST_HEADINGS = (
    r"related(?: stories| articles| coverage| content| topics)?|top stories|"
    r"most (?:read|popular|watched|viewed)|recommended(?: for you| stories)?|"
    r"you may also like|trending(?: now)?|more stories|latest news|"
    r"editors?['’]?s? (?:picks?|choice)|don['’]t miss|must reads?|popular now"
)

# (reason, pattern, longest line the rule may remove)
_LINE_RULES: list[tuple[str, re.Pattern[str], int]] = [
    (
        "ad_slot",
        re.compile(r"(?:ad(?:vertisement)?\s*[:\-]?\s*)?\d{2,4}\s*[x×]\s*\d{2,4}(?:\s*px)?", re.I),
        40,
    ),
    (
        "advertisement",
        re.compile(
            r"(?:advertisement|advertising|advert|ad|ads|sponsored(?: content| links?)?|"
            r"paid (?:content|post)|promoted(?: content)?|"
            r"story continues below(?: this)? ad(?:vertisement)?|"
            r"(?:article|story) continues (?:below|after (?:this )?ad(?:vertisement)?)|"
            r"scroll (?:down )?to continue(?: with content)?|"
            r"remove ads|ad feedback|report this ad|skip advertisement|supported by|"
            r"(?:sponsored|paid for|brought to you) by [^.!?,;\n]{1,60}|"
            r"partner content|paid partnership|"
            r"this (?:article|story|post|page) contains affiliate links\.?[^\n]{0,100}|"
            r"we may earn (?:a )?commission [^.!?\n]{0,80}|"
            r"advertisement\s*[-–—]\s*scroll to continue)\W*",
            re.I,
        ),
        200,
    ),
    (
        "comments",
        re.compile(
            r"(?:leave a (?:comment|reply)(?:\s+cancel reply)?|cancel reply|"
            r"your e-?mail address will not be published\.?(?:\s*required fields are marked\W*)?|"
            r"required fields are marked|post a comment|add a comment|\d+\s+comments?|"
            r"view (?:\d+ )?comments|show comments(?:\s*\(\d+\))?|comments?|"
            r"join the (?:conversation|discussion)|this (?:article|story) is closed for comments|"
            r"you must be logged in to post a comment\.?|be the first to comment\.?|"
            r"comments are closed\.?|like this:|like loading\.*)\W*",
            re.I,
        ),
        80,
    ),
    ("share", re.compile(rf"{_SOCIAL}(?:{_SEP}{_SOCIAL})*\W*", re.I), 120),
    (
        "subscribe",
        re.compile(
            # One or more of these, as a paywall strings them on one line ("This article
            # is for subscribers only. Subscribe to continue reading for £1.").
            rf"(?:{_SUBSCRIBE})(?:[\s.!?:,;-]+(?:{_SUBSCRIBE}))*\W*",
            re.I,
        ),
        240,
    ),
    (
        "press_release",
        re.compile(
            r"(?:for immediate release|embargoed (?:until|till) [^.!?]{0,60}|#{3}|_{3,}|- ?30 ?-|"
            # with an address or a number to call, not a sentence that begins so
            r"(?:media|press) (?:contacts?|inquiries|enquiries)"
            r"(?:\s*:(?=[^\n]*(?:@|\+?\d[\d ()-]{6,}))[^\n]{0,120})?)\W*",
            re.I,
        ),
        140,
    ),
    (
        "cookie_notice",
        re.compile(
            # The notice may not start with a sentence of its own: a story sentence followed
            # by a cookie notice on one line is not all debris.
            # A site speaks of itself ("This site uses cookies"), not a story of another's.
            r"[^.!?]{0,80}(?:we use cookies|(?:this|our) (?:web)?site uses cookies|"
            r"accept (?:all )?cookies|cookie (?:policy|settings|preferences|consent)|"
            r"by continuing to (?:use|browse) (?:this|our) (?:site|website)).{0,200}",
            re.I,
        ),
        400,
    ),
    (
        "photo_credit",
        re.compile(
            # "Image source,Getty Images" and "Image copyright Getty Images" (the BBC's,
            # comma or none), "Photo: Dan Mullan/Getty Images", "(Image: PA Wire)",
            # "Photograph: Jane Doe/Reuters", "(AP Photo/Evan Vucci)", a caption's marker
            r"(?:image|photo|media) (?:source|copyright|caption)\s*[:,]?(?:\s*[^.!?\n]{1,80})?|"
            r"[(\[]?(?:(?:image|photo(?:graph)?|picture|pic|illustration)"
            r"(?: (?:credit|source|copyright))?s?|photo credits?)\s*:\s*[^.!?\n]{1,80}[)\]]?|"
            r"[(\[]?[^.!?\n]{0,60}/\s*(?:getty images|reuters|ap|afp|pa(?: wire| media)?|epa|"
            r"shutterstock|alamy|bloomberg|the guardian)[)\]]?|"
            # "REUTERS/Toby Melville/File Photo", not "Reuters/Ipsos poll shows Labour ahead"
            r"[(\[]?(?:ap|afp|epa|reuters|pa)(?: photo)?/"
            r"(?-i:[A-Z][\w.'’-]*)(?:[ /](?-i:[A-Z][\w.'’-]*)){0,5}"
            r"(?:\s*[-–]\s*(?-i:[A-Z0-9]{6,}))?[)\]]?|"
            r"photo by [^.!?\n]{1,40} on (?:unsplash|pexels)|"
            # "Credit: Getty Images", "Featured image via Getty", "Top image: Jane Doe"
            r"(?:credits?\s*:|(?:featured|top|header|lead|hero|cover) (?:image|photo|picture)"
            r"(?:\s*:|\s+(?:via|by|from|credit)\s*:?))\s*[^.!?\n]{1,80}",
            re.I,
        ),
        100,
    ),
    (
        # A caption on the marker's line, sentences and credit and all: "Image caption:
        # Waves breaking over the old promenade in February. Photo: Jane Rowe/Coast News"
        "photo_credit",
        re.compile(r"(?:image|photo|media) caption\s*:\s*[^\n]{1,240}", re.I),
        260,
    ),
    (
        "timestamp",
        re.compile(
            # "3 hours ago", "Published 12 hrs ago", "Updated May 14, 2025 11:02 a.m.",
            # "Mon 3 Mar 2025 14.05 GMT", "3 minute read": a date or time and nothing else
            rf"(?:(?:published|updated|posted|last (?:updated|modified))(?: on| at)?\s*:?\s*)?"
            rf"(?:\d{{1,3}}\s*(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|wks?|"
            rf"weeks?|months?|years?)\s+ago|just now|{_DATE_TIME})|"
            r"published|updated|\d{1,2} min(?:ute)?s? read",
            re.I,
        ),
        70,
    ),
    (
        "syndication",
        re.compile(
            # A republished story's footer; a wire's copyright and credits; a call for tips.
            # Names are read as written (capitals), so "Copyright 1976 law gave authors ..."
            # and "a 1926 issue of Weird Tales" stay.
            r"this (?:article|story|piece|content) (?:was )?(?:originally|first) "
            r"(?:appeared|published|ran) (?:on|in) (?:the )?(?-i:[A-Z])[\w.&'’ -]{1,60}"
            r"(?:,? and (?:is )?(?:republished|reproduced) [^\n]{0,60})?\.?|"
            r"[^\n]{0,100}(?:republished|reproduced) (?:here )?with (?:kind )?permission"
            r"[^\n]{0,60}|"
            r"(?![^\n]*\b(?:said|says|showed|shows|found|finds|wrote)\b)"
            r"\(?(?:copyright|©)\s*(?:©\s*)?(?:\(c\)\s*)?(?:(?:19|20)\d\d\b,?\s*)?(?:by\s+)?"
            r"(?!(?-i:Office|Board|Act|Tribunal|Royalty)\b)(?-i:[A-Z])[^\n]{0,250}|"
            r"all rights reserved(?:\.[^\n]{0,150})?|"
            r"[^\n]{0,150}may not be (?:published|reproduced), broadcast, rewritten,? "
            r"or redistributed[^\n]{0,60}|"
            r"(?:have|got) (?:a|any) (?:story|news tip|tip|tips)(?: for us)?\??\s*"
            r"(?:e-?mail|contact|get in touch|send)[^\n]{0,100}|"
            r"(?:additional |with )?reporting by (?-i:[A-Z])[^\n]{0,80}"
            r"(?:;\s*editing by [^\n]{1,80})?|"
            r"have you been affected by [^.!?\n]{1,60}\? get in touch\.?|"
            r"do you have a story for [^.!?\n]{1,60}\?|tip us off|"
            r"e-?mail us at \S+@\S+(?: or call [\d ()+-]{6,20})?|"
            r"the associated press receives support from [^\n]{0,150}|"
            r"the bbc is not responsible for the content of external (?:sites|websites)\.?|"
            r"[^\n]{1,80} contributed to this report\.?|"
            r"this article is more than \d+ (?:years?|months?|days?) old|"
            r"a version of this article appears in print [^\n]{0,150}|"
            r"our standards: the thomson reuters trust principles[^\n]{0,40}",
            re.I,
        ),
        300,
    ),
    (
        "navigation",
        re.compile(
            # "Read more: Drones over Europe: what we know", a link to another story
            r"(?:read more|read next|read also|also read|see also|more on this story|"
            r"related(?: story| article)?)\s*[:|»›>]\s*[^\n.]{3,90}[?!]?|"
            rf"(?:read more|read next|read also|continue reading|click here[^.]{{0,60}}|"
            rf"{_LIST_HEADINGS}|"
            r"more from (?:(?-i:[A-Z])|(?:this|the|our) (?:author|writer|site|section))[^.]{0,40}|"
            r"skip to (?:main )?(?:content|navigation)|back to top|"
            r"you might also like|what to read next|around the web|recommended by|"
            r"related internet links|show key events only|filed under:? [^\n]{1,60}|"
            r"please turn on javascript to see the live updates|"
            r"continue reading on (?:the )?next page|(?:next|previous) page|page \d+ of \d+|"
            r"refresh|load more|show more|continue reading the main story|"
            r"explore more on these topics|"
            r"share full article|reuse this content|posted in [^.!?\n]{1,40}|"
            r"click to share on [^\n]{1,30}|"
            r"follow [^.!?\n]{1,40} on (?:facebook|x|twitter|instagram)[^.!?\n]{0,60}\."
            r"(?: send your story ideas to [^\n]{1,80})?|"
            r"(?:previous|next) (?:article|story|post))\W*",
            re.I,
        ),
        100,
    ),
]
#: The longest paragraph a repeat of which is named a teaser; longer ones are paragraphs.
TEASER_CHARS = 300
_ELLIPSIS = re.compile(r"\s*(?:\.\.\.|…|\[\.\.\.\]|\[…\])\s*(?:read more\W*)?$", re.I)
_WS = re.compile(r"\s+")


def line_key(line: str) -> str:
    """How two lines are compared: whitespace runs collapsed, case folded."""
    return _WS.sub(" ", line).strip().casefold()


def classify_line(line: str) -> str | None:
    """The debris rule a whole line matches (``"ad_slot"``, ``"share"``...), if any; or,
    for a line of items set apart by bars or bullets, the first item's, when every item
    is debris: "Published 14 March 2025, 09:12 GMT | Updated 3 hours ago"."""
    stripped = line.strip()
    for reason, pattern, longest in _LINE_RULES:
        if len(stripped) <= longest and pattern.fullmatch(stripped):
            return reason
    items = _ITEMS.split(stripped)
    if len(items) > 1 and all(reasons := [classify_line(item) for item in items]):
        return reasons[0]
    return None


_ITEMS = re.compile(r"\s+[|•·]\s+")


def is_preview(line: str) -> bool:
    """True when ``line`` is at least 20 characters of text cut off by an ellipsis.

    Only used to name page furniture that extraction already left out (teasers of this or
    other stories): inside a story's own text a paragraph may well end in "...".
    """
    key = line_key(line)
    stem = _ELLIPSIS.sub("", key)
    return stem != key and len(stem) >= 20


# An e-mail's envelope, when a story arrives forwarded: header lines, the separator a
# mail client writes above what it forwards or quotes, a signature and its disclaimer.
_HEADER = re.compile(r"(?:from|to|cc|bcc|subject|date|sent|reply-to)\s*:\s*\S.{0,200}", re.I)
_SEPARATOR = re.compile(
    r"-{2,}\s*(?:original message|forwarded message)\s*-{2,}|begin forwarded message:|"
    # Gmail's and Apple Mail's "On Tue, 9 Sep 2025 at 10:12, Pat <pat@example.com> wrote:",
    # with the address: a story's "On Tuesday at 10:30, the minister wrote:" has none
    r"on [^\n]{5,120}<[^<>\s]+@[^<>\s]+>[^\n]{0,40} wrote:",
    re.I,
)
_SIGNATURE = re.compile(r"--\s?")
#: A signature's lines after its "--": short, and at most this many before a blank line.
SIGNATURE_LINES = 6
_DISCLAIMER = re.compile(
    r"(?:this (?:e-?mail|message)(?: and any attachments?)? (?:is|are|may be) "
    r"(?:confidential|privileged|intended)|sent from my (?:iphone|ipad|android|phone))[^\n]*",
    re.I,
)
_QUOTED = re.compile(r"(?m)^[ \t]*(?:>[ \t]?)+")


def _envelope(lines: list[str]) -> list[tuple[int, str]]:
    """The lines of a forwarded or quoted e-mail that are its envelope, with why: the
    story inside is scored, not "From: tips@example.com" and the forwarder's signature.

    Only what a mail client writes is cut, each line listed: a head of two header lines
    or more with an address or a subject in it (a fact box's "From: £25 / To: £60" has
    neither), a forwarding separator, a signature of a few short lines after "--", a
    disclaimer line. What anyone wrote (a forwarder's note, the story) is all read.
    """
    cut: list[tuple[int, str]] = []
    headers = {i for i, line in enumerate(lines) if _HEADER.fullmatch(line.strip())}
    separators = [i for i, line in enumerate(lines) if _SEPARATOR.fullmatch(line.strip())]
    blocks: set[int] = set()
    for i in sorted(headers):
        if i - 1 in headers:
            continue  # not the first line of its run
        run = list(range(i, next(j for j in range(i, len(lines) + 1) if j not in headers)))
        mail = any("@" in lines[j] or lines[j].strip().lower().startswith("subject") for j in run)
        after_separator = any(s < i <= s + 2 for s in separators)
        if (len(run) >= 2 and mail) or after_separator:
            blocks.update(run)
    if not blocks and not separators:
        return cut
    cut += [(i, "email_header") for i in sorted(blocks | set(separators))]
    for i, line in enumerate(lines):
        if _DISCLAIMER.fullmatch(line.strip()):
            cut.append((i, "email_signature"))
        elif _SIGNATURE.fullmatch(line):
            block = [i]
            for j in range(i + 1, min(len(lines), i + 1 + SIGNATURE_LINES)):
                if not lines[j].strip() or len(lines[j]) > 100 or j in blocks:
                    break
                block.append(j)
            if len(block) > 1:  # a "--" alone is a story's scene break
                cut += [(j, "email_signature") for j in block]
    return sorted(set(cut))


#: A bare marker above a list of links to other stories ("Related", "More on this story").
_LIST_MARKER = re.compile(rf"(?:{_LIST_HEADINGS}|more on this story)\W*", re.I)
_CAPTION = re.compile(r"(?:image|photo|media) caption\s*[:,]?", re.I)
#: A byline, as written at the top of a story: "By Maria Keller | Published ...", "By Jane
#: Doe, BBC News", "Written by Jane Doe", "Story by Jane Doe • 2h", "Posted by admin on
#: March 3, 2025", "Business reporter", "Jane Doe, Political editor". Names keep their
#: capitals, and only the lines above the story's first sentence are read so.
_BYLINE = re.compile(
    r"(?:(?:[Ww]ritten|[Ss]tory|[Pp]osted|[Rr]eported|[Ee]dited|[Ww]ords) )?(?:By|BY|by) "
    r"[A-Za-z][\w.'’-]+(?: (?:[A-Z][\w.'’-]+|and|&|de|van|von|del|da)){0,5}"
    r"(?:\s*[|•·]\s*[^\n]{0,120}|,\s*[A-Z][^.!?\n]{0,60}| on [^\n]{1,40})?|"
    r"(?:[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,3},\s*)?(?:[A-Z][\w&'’-]*\s+){0,4}"
    r"(?i:reporter|correspondent|editor|writer|journalist|columnist|contributor)"
    r"(?:,\s*[A-Z][^.!?\n]{0,40})?"
)
#: A note on the author below the story: "Jane Doe is a staff writer at The Atlantic.",
#: "Jane Doe covers education for The Post." Read only after the story's last sentence.
#: In the present tense and without a speaker: "... was a reporter there for 30 years,
#: colleagues said" ends a story.
_AUTHOR_NOTE = re.compile(
    r"(?!.*\b(?:said|says|told)\b)(?:[A-Z][\w.'’-]+ ){1,3}[A-Z][\w'’-]+ "
    r"(?:is (?:a|an|the) [^\n]{0,60}?"
    r"(?i:writer|reporter|correspondent|editor|journalist|columnist|contributor|producer)s?\b"
    r"|covers [^\n]{1,60}? for (?:the )?[A-Z])[^\n]{0,120}"
)
#: A menu: this many lines in a row or more, each one to three plain words, capitalised
#: as a menu's are (not a table's row nor a list's item, which a chat reply writes and
#: the tells read, nor a degenerate model's "th" repeated line after line).
MENU_LINES = 4
_MENU_ITEM = re.compile(r"[A-Z][\w&'’]+(?:[ -][\w&'’]+){0,2}")
_SENTENCE_END = re.compile(r"[.!?:;\"”’)]$")


def _fragment(line: str, words: int) -> bool:
    """A line of at most ``words`` words that ends no sentence: a link, a label, a name."""
    stripped = line.strip()
    return bool(stripped) and len(stripped.split()) <= words and not _SENTENCE_END.search(stripped)


def _is_name(line: str) -> bool:
    """A line of up to four words, each capitalised, as a name is written ("Maria Keller")."""
    return _fragment(line, 4) and all(w[0].isupper() for w in line.split())


def _is_prose(line: str) -> bool:
    """A sentence of the story: eight words or more, ending as a sentence does (or with
    the colon that opens a list: "The full list of winners:")."""
    stripped = line.strip()
    return len(stripped.split()) >= 8 and bool(re.search(r"[.!?:\"”’)]$", stripped))


def _page_furniture(lines: list[str], reasons: dict[int, str]) -> list[tuple[int, str]]:
    """Lines cut for where they stand rather than what they say, as a copy of a whole page
    from the browser keeps them. Above the story's first sentence or below its last only
    (a list inside a story is the story's): a site's menu (a run of one- to three-word
    lines, not under a line ending in ":"), a byline and the name above its role ("Maria
    Keller" above "Business reporter"), and the headlines, times and sections under a bare
    "Related" or "Most read" (above the story, only the lines right under it); anywhere,
    the caption under an "Image caption" marker.
    ``reasons``: the lines already cut, and why."""
    kept = [j for j, line in enumerate(lines) if j not in reasons and line.strip()]
    prose = [
        j
        for j in kept
        if _is_prose(lines[j])
        and not _BYLINE.fullmatch(lines[j].strip())
        and not _AUTHOR_NOTE.fullmatch(lines[j].strip())
    ]
    first, last = (prose[0], prose[-1]) if prose else (len(lines), -1)

    def outside(j: int) -> bool:
        return j < first or j > last

    cut: list[tuple[int, str]] = []
    run: list[int] = []
    for i, line in enumerate([*lines, ""]):
        if i < len(lines) and i not in reasons and _MENU_ITEM.fullmatch(line.strip()):
            run.append(i)
            continue
        above = next((j for j in reversed(kept) if j < (run or [i])[0]), None)
        listed = above is not None and lines[above].rstrip().endswith(":")
        if len(run) >= MENU_LINES and all(outside(j) for j in run) and not listed:
            cut += [(j, "navigation") for j in run]
        run = []
    for j in kept:
        if j > last and _AUTHOR_NOTE.fullmatch(lines[j].strip()):
            cut.append((j, "byline"))
        if j < first and _BYLINE.fullmatch(lines[j].strip()):
            cut.append((j, "byline"))
            if j - 1 in kept and _is_name(lines[j - 1]):
                cut.append((j - 1, "byline"))  # "Maria Keller" above "Business reporter"
    for i in sorted(reasons):
        if _CAPTION.fullmatch(lines[i].strip()):
            caption = next((j for j in kept if j > i), None)
            if caption is not None and _fragment(lines[caption], 25):
                cut.append((caption, "photo_credit"))
        elif i > last and _LIST_MARKER.fullmatch(lines[i].strip()):
            for j in (j for j in kept if j > i):
                if not _fragment(lines[j], 15):
                    break
                cut.append((j, "navigation"))
        elif i < first and _LIST_MARKER.fullmatch(lines[i].strip()):
            # Above the story, the lines right under the marker only: the story's own
            # headline, a blank line below them, is no other story's.
            j = i + 1
            while j < first and j not in reasons and _fragment(lines[j], 15):
                cut.append((j, "navigation"))
                j += 1
    return sorted(set(cut))


_UNSPACED = re.compile(r"[\s\"“”'‘’]+")
_ENDS = '.!?"”’'
#: The shortest teaser read as the opening of the story: a sentence, not a phrase.
TEASER_MIN_CHARS = 40


def _top_teaser(lines: list[str], reasons: dict[int, str]) -> list[tuple[int, str]]:
    """The text's first paragraph, when the story's first paragraph of prose (or a run of
    them), further down past a headline or byline, begins with it: a teaser of the story's
    first sentences set above the headline, as a plain text copied from a page keeps it
    (2 of 10 human stories so headed were flagged machine-written). Only there: a lede
    restated, a question an answer repeats or a refrain further down are the story's own.
    Compared without spaces and quotation marks: a page's glued 'tons."I just' is spaced
    'tons." I just' in one copy and 'tons. "I just' in the other. ``reasons``: the lines
    already cut."""
    kept = [i for i, line in enumerate(lines) if i not in reasons and line.strip()]
    if len(kept) < 2:
        return []
    top, key = kept[0], line_key(lines[kept[0]])
    # The story's first paragraph: eight words or more (a headline or byline has fewer).
    body = next((j for j in kept[1:] if len(lines[j].split()) >= 8), None)
    if body is None or len(key) < TEASER_MIN_CHARS or key[-1] not in _ENDS:
        return []
    if any(line_key(lines[j]) == key for j in kept[1:]):
        return []  # printed twice whole: a repeat, named so once the furniture is gone
    squeezed = _UNSPACED.sub("", key)
    run = ""
    for j in kept[kept.index(body) :]:
        run += _UNSPACED.sub("", line_key(lines[j]))
        if len(run) >= len(squeezed):
            break
    return [(top, "repeated_teaser")] if run.startswith(squeezed) else []


def _repeats(lines: list[str], reasons: dict[int, str]) -> list[tuple[int, str]]:
    """A teaser, headline or truncated preview repeated before the body: a paragraph equal
    to, or (ending in an ellipsis) a prefix of, a later paragraph. Only the earlier copy
    goes. ``reasons``: the lines already cut."""
    paragraphs = [
        (i, line_key(line)) for i, line in enumerate(lines) if i not in reasons and line.strip()
    ]
    cut: list[tuple[int, str]] = []
    for n, (i, key) in enumerate(paragraphs):
        later = [k for _, k in paragraphs[n + 1 :]]
        stem = _ELLIPSIS.sub("", key)
        if stem != key and len(stem) >= 20 and any(k.startswith(stem) and k != key for k in later):
            cut.append((i, "truncated_preview"))
        elif len(key) >= 20 and key in later:
            # A teaser is a sentence or two; a longer copy is a paragraph printed twice.
            why = "repeated_teaser" if len(key) <= TEASER_CHARS else "repeated_paragraph"
            cut.append((i, why))
    return cut


def strip_debris(text: str, title: str | None = None) -> tuple[str, list[Removal]]:
    """``text`` without debris lines, and what was cut (in reading order).

    ``title`` (from page metadata, when known) lets a headline repeated at the top of the
    body be recognised; without it the first line of a plain text is kept as the headline
    unless it is repeated.
    """
    lines = text.split("\n")
    removed: list[Removal] = []
    keep = [True] * len(lines)
    unquoted = _QUOTED.sub("", text).split("\n")
    envelope = _envelope(unquoted)
    if envelope:  # a forwarded e-mail: its quoted story read without the "> " marks
        lines = unquoted
    for i, reason in envelope:
        keep[i] = False
        removed.append(Removal(text=lines[i].strip(), reason=reason, line=i))
    for i, line in enumerate(lines):
        if not keep[i]:
            continue
        if line.strip() and (reason := classify_line(line)):
            keep[i] = False
            removed.append(Removal(text=line.strip(), reason=reason, line=i))

    # The top teaser first, so that it is not read as the story's start (the byline under
    # it is above the story still); other repeats once the page's furniture is gone.
    for found in (_top_teaser, _page_furniture, _repeats):
        cut_already = {r.line: r.reason for r in removed}
        for i, reason in found(lines, cut_already):
            keep[i] = False
            removed.append(Removal(text=lines[i].strip(), reason=reason, line=i))
    if title:
        # The headline is metadata; the same line at the top of the body is a repeat of it.
        tkey = line_key(title)
        first = next(((i, line_key(x)) for i, x in enumerate(lines) if keep[i] and x.strip()), None)
        if first and tkey and first[1] == tkey and sum(keep) > 1:
            keep[first[0]] = False
            removed.append(
                Removal(text=lines[first[0]].strip(), reason="repeated_headline", line=first[0])
            )
    removed.sort(key=lambda r: r.line)
    cleaned = "\n".join(line for line, k in zip(lines, keep, strict=True) if k)
    cleaned = re.sub(r"\n\s*\n(\s*\n)+", "\n\n", cleaned).strip()
    return cleaned, removed
