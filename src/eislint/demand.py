"""The demand of a requirement and its parts, built once per requirement and shared by rules.

A requirement says what is demanded, and often why ("..., zodat leidinggevenden kunnen
bijsturen"), with examples ("Denk aan ...") or an explanation ("Dit is nodig omdat ...").
Vagueness, compound and passive rules judge the demand, not the motivation. This module splits
a requirement into pieces (sentences, and clauses after ';' or an inline enumeration), gives each
piece a role (demand, motivation, example, explanation), marks motivation clauses inside a
demand sentence, and counts the separately verifiable demands:

- pieces that each demand something (a refinement of the previous piece, "Als ..., moet deze
  ...", "Tijdens deze momenten ...", belongs to it);
- inside a piece: a second modal clause after 'en' ("moet X en moet Y"), a second 'om ... te'
  clause ("om X te tonen en om Y aan te bieden"), several nominalised actions with their own
  object ("het registreren van X, het registreren van Y en het opvolgen ervan"), and coordinated
  verbs that each have their own object (from the dependency parse, when there is one).
A list of data fields or examples is one demand; so are alternatives ('of') and two verbs on one
object ("bewerkt en verwijderd").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Protocol

from eislint import dutch
from eislint.document import Document, Requirement, Span


class Analysis(Protocol):
    """What the demand analysis reads of eislint.analysis.Analysis (which builds and caches it)."""

    document: Document

    def tokens(self, start: int, end: int) -> list[Any]: ...

    def sentences(self, start: int, end: int) -> list[Span]: ...

    def token_offset(self, token: Any) -> int: ...


_USER_STORY = re.compile(r"^\s*als\s+(?P<role>[^,.]{2,80}?)\s*,?\s+wil\s+ik\b", re.I)
_MOTIVATION_START = re.compile(
    r"^\s*(?:hierdoor|daardoor|hiermee|daarmee|hierom|daarom|op\s+(?:deze|die)\s+(?:manier|wijze)|zo\s+(?:kan|kunnen|wordt|worden|is|zijn)"
    r"|dit\s+(?:is|zorgt|maakt|voorkomt|draagt|helpt|leidt|omdat|om|betekent|houdt)|dat\s+(?:is|zorgt|maakt|voorkomt)"
    r"|reden\b|toelichting\b|achtergrond\b|waarom\b|motivatie\b|doel\s*:|het\s+doel\s+(?:hiervan|daarvan)\b"
    r"|(?:dit|deze\s+\w+)\s+(?:is|zijn)\s+(?:nodig|belangrijk|van\s+belang|noodzakelijk|gewenst|wenselijk)\b)",
    re.I,
)
_EXAMPLE_START = re.compile(
    r"^\s*(?:bijvoorbeeld|bijv\.|bv\.|b\.v\.|denk\s+(?:hierbij\s+|daarbij\s+)?aan|hierbij\s+valt\s+te\s+denken|te\s+denken\s+valt"
    r"|een\s+voorbeeld|voorbeelden|zoals\b|o\.a\.|onder\s+andere)",
    re.I,
)
_EXPLANATION_START = re.compile(
    r"^\s*(?:dit\s+(?:betekent|houdt\s+in|wil\s+zeggen)|hiermee\s+(?:wordt|bedoelen)|daarmee\s+wordt\s+bedoeld|onder\s+\S+\s+verstaan"
    r"|n\.?b\.?\b|let\s+op\b|opmerking\b)",
    re.I,
)
# A piece that refines the previous demand rather than adding one: it states the condition under
# which the demand applies ("Als ..., moet deze context ..."), or it refers back to what the
# previous piece demanded ("Hierbij ...", "Deze optie ...", "Tijdens deze momenten ...").
_REFINEMENT = re.compile(
    r"^\s*(?:(?:als|indien|wanneer|mits|tenzij|in\s+dat\s+geval|in\s+(?:die|deze)\s+gevallen)\b"
    r"|(?:daarbij|hierbij|daarin|hierin|daarvoor|hiervoor|daarmee|hiermee|daarvan|hiervan|daarop|hierop)\b"
    r"|(?:tijdens|bij|na|voor|vóór|in|op|van|uit)\s+(?:deze|dit|die|dat)\b)",
    re.I,
)
# "X is een onderdeel van Y", "Dit is de standaard": a background statement, not a further demand.
_COPULA_NP = re.compile(
    r"^\s*(?:er\s+(?:is|zijn)\s+(?:een|de|het)\b|[^,;]{1,60}?\b(?:is|zijn)\s+(?:een|de|het|onderdeel)\b)"
    r"(?![^.;]*\b(?:mogelijk|in\s+staat)\b)",
    re.I,
)
# items after "waarbij:" or "namelijk:" define the one demand before it
_DEFINING_LIST = re.compile(r"\b(?:waarbij|namelijk|te\s+weten|als\s+volgt)\s*:\s*$", re.I)
_ANAPHOR = re.compile(
    r"\b(?:hiervan|daarvan|ervan|hierover|daarover|hiermee|daarmee|hierin|daarin|deze|dit|die|ze|zij)\b", re.I
)
# Three or more coordinated actions: "melden/ophalen, behandelen/analyseren en afhandelen/archiveren".
_SLASH_VERBS = re.compile(r"\b[a-zà-ý]{3,}en/[a-zà-ý]{3,}en\b", re.I)
_PREDICATE = re.compile(
    rf"\b(?:{'|'.join(dutch.MODALS)}|is|zijn|wordt|worden|heeft|hebben|biedt|bieden|ondersteunt|ondersteunen|kent|kennen"
    r"|levert|leveren|zorgt|zorgen|voldoet|voldoen|toont|tonen|geeft|geven|maakt|maken|beschikt|beschikken|registreert"
    r"|registreren|stuurt|sturen|bewaart|bewaren|voorkomt|voorkomen|verwerkt|verwerken|informeert|informeren|signaleert"
    r"|garandeert|garanderen|gedraagt|gedragen|neemt|nemen|draagt|dragen|wil|willen|mogelijk|in\s+te\s+\w+|te\s+\w+en)\b",
    re.I,
)
# "moet X en moet Y", "dient X, en kan Y": a second modal after a coordinator
_COORD_MODAL = re.compile(
    rf"(?P<cut>[,;]?\s+(?:en|maar|terwijl|alsook|daarnaast|bovendien|tevens)\s+(?:(?:het|de|deze|dit)\s+\w+\s+)?"
    rf"(?P<modal>{'|'.join(dutch.MODALS)}|wordt\s+verwacht|is\s+verplicht|wil\s+ik|willen\s+(?:wij|we))\b)",
    re.I,
)
_RELATIVE = re.compile(r"\b(?:die|dat|waarmee|waarin|waarop|waardoor|zodat|zodra|als|indien|wanneer|om)\b[^.;]*$", re.I)
_SECOND_OM = re.compile(r"\bom\b[^.;]{3,120}?\bte\s+\w+[^.;]*?(?P<cut>,?\s+en\s+)(?P<om>om)\b[^.;]{3,}?\bte\b", re.I)
_NOMINAL_ACTION = re.compile(r"\bhet\s+(?!\w+en\s+en\b)(?P<verb>[a-zà-ý]{3,}en)\s+(?:van|op|met|aan)\b", re.I)
_INLINE_ITEM = re.compile(r"(?:(?<=[:;])|(?<=[:;]\s))\s*(?:\d{1,2}|[a-h])[.)]\s+(?=\S)")
_ENDS_WITH_MARKER = re.compile(r"[:;]\s*(?:\d{1,2}|[a-h])[.)]$")
_ITEM_MARKER = re.compile(r"^\s*(?:\d{1,2}|[a-h])[.)]\s+")
# The buyer speaking about itself ("De gemeente vindt belangrijk dat ...", "Wij zetten het systeem in
# voor ..."): context for the demand, not a separate demand.
_BUYER_CONTEXT = re.compile(
    r"^\s*(?:(?:de\s+)?gemeente(?:\s+[A-Z][\w-]*)*|de\s+organisatie|de\s+opdrachtgever|opdrachtgever|wij|we|de\s+provincie"
    r"|het\s+waterschap|de\s+hogeschool|de\s+universiteit)\s+(?:vindt|ziet|hecht|zet|heeft|werkt|gebruikt|kiest|streeft"
    r"|verwacht|is|wil|wenst)\b",
    re.I,
)


@dataclass(slots=True)
class Piece:
    start: int
    end: int
    role: str  # demand | motivation | example | explanation | refinement


@dataclass(slots=True)
class DemandAnalysis:
    requirement: Requirement
    pieces: list[Piece] = field(default_factory=list)
    motivation: list[Span] = field(default_factory=list)  # motivation clauses inside demand pieces
    demands: list[Span] = field(default_factory=list)  # separately verifiable demands
    user_story: bool = False

    @property
    def priority(self) -> str | None:
        return self.requirement.priority

    def in_demand(self, start: int, end: int) -> bool:
        """True when [start, end) lies in the demand: not in a motivation, example or explanation."""
        if not (self.requirement.start <= start and end <= self.requirement.end):
            return True  # outside the requirement: not ours to judge
        for piece in self.pieces:
            if piece.start <= start < max(piece.end, piece.start + 1):
                if piece.role == "example" and start - piece.start <= 1:
                    return True  # "Denk hierbij aan ...": the marker says the demand itself is open
                if piece.role not in ("demand", "refinement"):
                    return False
                break
        return not any(m.start <= start < m.end for m in self.motivation)

    def demand_spans(self) -> list[Span]:
        """The demand pieces with their motivation clauses cut out."""
        out: list[Span] = []
        for piece in self.pieces:
            if piece.role not in ("demand", "refinement"):
                continue
            cursor = piece.start
            for m in sorted(self.motivation, key=lambda s: s.start):
                if piece.start <= m.start < piece.end:
                    if m.start > cursor:
                        out.append(Span(cursor, m.start))
                    cursor = max(cursor, m.end)
            if cursor < piece.end:
                out.append(Span(cursor, piece.end))
        return out


def analyse(analysis: Analysis, req: Requirement) -> DemandAnalysis:
    doc = analysis.document
    text = doc.clean(req.start, req.end)
    result = DemandAnalysis(req)
    result.pieces = _pieces(analysis, req, text)
    for piece in result.pieces:
        if piece.role in ("demand", "refinement", "context"):
            result.motivation += _motivation(doc.clean(piece.start, piece.end), piece.start)
    result.user_story = bool(_USER_STORY.match(text))
    result.demands = _demands(analysis, result)
    return result


def _pieces(analysis: Analysis, req: Requirement, text: str) -> list[Piece]:
    spans = _piece_spans(analysis, req, text)
    pieces: list[Piece] = []
    semicolon = {s.start for s in spans if text[: s.start - req.start].rstrip().endswith(";")}
    defining = False  # inside the items of a "waarbij:" list
    for i, span in enumerate(spans):
        piece_text = text[span.start - req.start : span.end - req.start]
        before = text[spans[i - 1].start - req.start : span.start - req.start] if i > 0 else ""
        if i > 0 and span.start >= req.block.end:
            pieces.append(Piece(span.start, span.end, "refinement"))  # the list a lead-in introduces
            continue
        if i > 0 and _DEFINING_LIST.search(before.rstrip()):
            defining = True
        elif not _ITEM_MARKER.match(piece_text):
            defining = False
        if i > 0 and (defining or _label_before(before)):
            role = "refinement"
        else:
            role = _piece_role(piece_text, before, i > 0, span.start in semicolon)
        pieces.append(Piece(span.start, span.end, role))
    return pieces


def _piece_role(piece_text: str, before: str, later: bool, after_semicolon: bool) -> str:
    """The role of a piece that is not an item of a defining list."""
    if later and _EXAMPLE_START.match(piece_text):
        return "example"
    if later and _EXPLANATION_START.match(piece_text):
        return "explanation"
    if later and _MOTIVATION_START.match(piece_text):
        return "motivation"
    if later and (_REFINEMENT.match(piece_text) or (after_semicolon and _elaborates(before, piece_text))):
        return "refinement"
    if _BUYER_CONTEXT.match(piece_text):
        return "context"
    return "demand"


def _piece_spans(analysis: Analysis, req: Requirement, text: str) -> list[Span]:
    """The requirement's sentences, cut further at ';' and at inline item markers ('; 2) ...')."""
    merged: list[Span] = []
    for sent in analysis.sentences(req.start, req.end):
        # "waarbij: 1." | "Oproepen ...": an item number split off as a sentence end joins its item
        if merged and _ENDS_WITH_MARKER.search(text[merged[-1].start - req.start : merged[-1].end - req.start]):
            merged[-1] = Span(merged[-1].start, sent.end)
        else:
            merged.append(sent)
    spans: list[Span] = []
    for sent in merged:
        chunk = text[sent.start - req.start : sent.end - req.start]
        cuts = [0] + [m.end() for m in re.finditer(r";\s*", chunk) if m.end() < len(chunk)]
        for m in _INLINE_ITEM.finditer(chunk):
            marker = m.start() + len(m.group(0)) - len(m.group(0).lstrip())
            if m.end() < len(chunk) and marker > 0:
                cuts.append(marker)
        cuts = sorted(set(cuts)) + [len(chunk)]
        for x, y in zip(cuts, cuts[1:]):
            piece = chunk[x:y]
            lead = len(piece) - len(piece.lstrip())
            trail = len(piece.rstrip())
            if trail > lead:
                spans.append(Span(sent.start + x + lead, sent.start + x + trail))
    return spans


_BACK = re.compile(
    r"\b(?:daartoe|hiertoe|daarbij|hierbij|daarvoor|hiervoor|daarmee|hiermee|daarna|dan|dit|dat|deze|die|hij|zij|ze"
    r"|het)\b",
    re.I,
)
_CONTENT_WORD = re.compile(r"[a-zà-ý]{5,}", re.I)
_COMMON_WORDS = frozenset(
    {
        "worden",
        "wordt",
        "moeten",
        "kunnen",
        "heeft",
        "hebben",
        "zijn",
        "alle",
        "elke",
        "ieder",
        "iedere",
        "tenminste",
        "minste",
        "binnen",
        "tijdens",
        "zonder",
        "tussen",
        "welke",
        "opdrachtnemer",
        "opdrachtgever",
        "oplossing",
        "systeem",
        "gemeente",
        "gebruikers",
    }
)


def _elaborates(before: str, piece: str) -> bool:
    """A clause after ';' that refers back ('; het platform voldoet daartoe aan ...') or continues
    about the same thing ('dagelijks geback-upt; een back-up wordt 30 dagen bewaard')."""
    head = " ".join(piece.split()[:7])
    if _BACK.search(head) and not re.match(r"^\s*(?:het|de)\s", piece, re.I):
        return True
    earlier = [w.lower() for w in _CONTENT_WORD.findall(before.replace("-", "")) if w.lower() not in _COMMON_WORDS]
    later = [w.lower() for w in _CONTENT_WORD.findall(piece.replace("-", "")) if w.lower() not in _COMMON_WORDS]
    # the same thing named again, also inside a compound or a verb form ('back-up' in 'geback-upt')
    return any(a[:6] == b[:6] or (len(b) >= 5 and b in a) or (len(a) >= 5 and a in b) for a in earlier for b in later)


def _label_before(text: str) -> bool:
    """'... de volgende functionaliteit: Prioriteitstelling; <definition>': a label, then its definition."""
    if not text.rstrip().endswith(";"):
        return False
    tail = text.rstrip()[:-1].rsplit(":", 1)
    return len(tail) == 2 and 0 < len(tail[1].split()) <= 4 and not _PREDICATE.search(tail[1])


def _motivation(text: str, offset: int) -> list[Span]:
    """Purpose and reason clauses inside one piece: ', zodat ...', 'omdat ...', ', om ... te ...'."""
    out: list[Span] = []
    story = _USER_STORY.match(text)
    for m in dutch.PURPOSE.finditer(text):
        if m.start() == 0 or (story and m.start() < story.end()):
            continue  # "Zodat ..." opening a piece is handled as a piece; the story's own "als" is no reason
        out.append(Span(offset + m.start(), offset + len(text)))
        break
    for m in re.finditer(r",\s*(?:en\s+)?om\b", text):
        if dutch.OM_IS_DEMAND.search(text[: m.start()]):
            continue
        if not re.search(r"\bte\b", text[m.end() :]):
            continue
        end = next((s.start for s in out if s.start > m.start()), offset + len(text)) - offset
        out.append(Span(offset + m.start(), offset + end))
        break
    return sorted(out, key=lambda s: s.start)


def _has_predicate(analysis: Analysis, text: str, start: int, end: int) -> bool:
    """A finite verb, a modal, 'te' + infinitive or a participle: the piece says something is (to be) done."""
    tokens = analysis.tokens(start, end)
    if tokens and tokens[0].doc.has_annotation("MORPH"):
        for tok in tokens:
            forms = tok.morph.get("VerbForm")
            if tok.pos_ in ("VERB", "AUX") and forms and forms[0] in ("Fin", "Part"):
                return True
            if tok.pos_ == "VERB" and tok.i > 0 and tok.doc[tok.i - 1].lower_ == "te":
                return True
    return bool(_PREDICATE.search(text))


def _demands(analysis: Analysis, result: DemandAnalysis) -> list[Span]:
    doc = analysis.document
    demands: list[Span] = []
    listing = False  # after "...: X, Y." the next verbless pieces are items of that list
    for piece in result.pieces:
        if piece.role not in ("demand", "refinement"):
            continue
        text = doc.clean(piece.start, piece.end)
        predicate = _has_predicate(analysis, text, piece.start, piece.end)
        further = bool(demands) and (
            piece.role == "refinement" or _COPULA_NP.match(text) or (not predicate and not listing)
        )
        if further:
            demands[-1] = Span(demands[-1].start, piece.end)  # belongs to the previous demand
            continue
        colon = text.rfind(":")
        listing = listing or (colon > 0 and _has_predicate(analysis, text[:colon], piece.start, piece.start + colon))
        cuts = _inner_cuts(analysis, text, piece.start, result.motivation)
        start = piece.start
        for cut in cuts:
            demands.append(Span(start, cut))
            start = cut
        demands.append(Span(start, piece.end))
    return demands


def _inner_cuts(analysis: Analysis, text: str, offset: int, motivation: list[Span]) -> list[int]:
    """Offsets inside one piece where a further, separate demand starts."""
    limit = next((m.start - offset for m in motivation if offset <= m.start < offset + len(text)), len(text))
    head = text[:limit]
    cuts: set[int] = set()
    candidates = [
        m for m in (dutch.ANY_MODAL.search(head), re.search(r"\bwil\s+ik\b|\bwillen\s+(?:wij|we)\b", head, re.I)) if m
    ]
    first = min(candidates, key=lambda m: m.start()) if candidates else None
    if first is not None:
        for m in _COORD_MODAL.finditer(head, first.end()):
            if _RELATIVE.search(head[first.end() : m.start()]):
                continue  # the modal belongs to a subordinate clause
            cuts.add(offset + m.start("modal"))
    for m in _SECOND_OM.finditer(head):
        cuts.add(offset + m.start("om"))
    actions = list(_NOMINAL_ACTION.finditer(head))
    for prev, a in zip(actions, actions[1:]):
        between = head[prev.end() : a.start()]
        # "het selecteren van X, of het aanwijzen van Y" are alternatives: one demand
        if re.search(r",|\ben\b", between) and not re.search(r"\bof\b|\bc\.q\.|\bdan\s+wel\b", between):
            cuts.add(offset + a.start())
    slashes = list(_SLASH_VERBS.finditer(head))
    if len(slashes) >= 3:
        cuts.add(offset + slashes[1].start())
    cuts |= _parsed_cuts(analysis, offset, offset + limit)
    cuts |= _verb_group_cuts(analysis, offset, offset + limit)
    cuts |= _finite_series_cuts(analysis, offset, offset + limit)
    kept: list[int] = []
    for cut in sorted(c for c in cuts if offset < c < offset + limit):
        # two mechanisms cutting at 'en' and at the verb after it are one cut
        if kept and not re.sub(r"[\s,;]|\b(?:en|of|alsook|om)\b", "", text[kept[-1] - offset : cut - offset]):
            kept[-1] = cut
            continue
        kept.append(cut)
    return kept


_NOT_FINITE = frozenset(
    {
        "met",
        "niet",
        "het",
        "dat",
        "tot",
        "uit",
        "wat",
        "dit",
        "maximaal",
        "minimaal",
        "ten",
        "dient",
        "moet",
        "echt",
        "direct",
        "net",
        "ooit",
        "apart",
        "minst",
        "meest",
        "best",
        "eerst",
        "laatst",
        "vast",
        "gelijktijdig",
        "digitaal",
        "automatisch",
        "ten minste",
        "tenminste",
        "volledig",
        "juist",
        "snelst",
        "vooraf",
        "totaal",
        "optimaal",
        "actueel",
        "centraal",
        "handmatig",
        "regelmatig",
    }
)


def _finite_series_cuts(analysis: Analysis, start: int, end: int) -> set[int]:
    """A series of main-clause verbs, each with its own object: 'Opdrachtnemer logt alle handelingen,
    bewaart de logbestanden één jaar, levert maandelijks een export aan en meldt afwijkend gebruik'."""
    tokens = analysis.tokens(start, end)
    if not tokens or not tokens[0].doc.has_annotation("POS"):
        return set()

    def finite(tok) -> bool:
        forms = tok.morph.get("VerbForm")
        if tok.pos_ in ("VERB", "AUX") and forms and forms[0] == "Fin":
            return True
        # the tagger misses a finite verb now and then: a present-tense '-t' form before its object
        return (
            tok.pos_ in ("VERB", "NOUN", "ADJ", "ADV")
            and tok.lower_.endswith("t")
            and tok.lower_ not in _NOT_FINITE
            and tok.i + 1 < len(tok.doc)
            and tok.doc[tok.i + 1].pos_ in ("DET", "NUM", "ADJ", "NOUN", "PRON")
        )

    segments: list[list] = [[]]
    depth = 0
    for tok in tokens:
        depth += tok.text == "("
        depth -= tok.text == ")"
        if depth == 0 and tok.lower_ in (",", "en", "alsook"):
            segments.append([])
            continue
        if tok.lower_ in dutch.SUBORDINATORS and tok.lower_ not in ("om",):
            break  # a subordinate clause is no further main-clause demand
        segments[-1].append(tok)
    first = segments[0]
    if not any(finite(t) for t in first[1:4]) or not dutch.SUPPLIER_SUBJECT.match(analysis.document.clean(start, end)):
        return set()  # the series starts with the supplier or the solution and its verb ("Opdrachtnemer logt ...")
    cuts = set()
    for seg in segments[1:]:
        content = [t for t in seg if not t.is_punct]
        if any(_ANAPHOR.fullmatch(t.text) for t in content):
            continue  # "... en stelt de resultaten hiervan beschikbaar": about the same thing
        if len(content) >= 2 and finite(content[0]) and any(t.pos_ in ("NOUN", "PROPN") for t in content[1:]):
            cuts.add(analysis.token_offset(content[0]))
    return cuts


def _verb_group_cuts(analysis: Analysis, start: int, end: int) -> set[int]:
    """Verb-final groups joined by ',' or 'en', each with an object of its own, after a modal:
    'moeten contactmomenten kunnen vastleggen en opvolgen, klachten registreren en terugbelverzoeken
    inplannen' (three demands), 'kan het dossier inzien en documenten kan toevoegen' (two). A group
    without its own noun ('... vastleggen en opvolgen') shares the object of the one before; a list
    of objects before one verb ('cursussen, leerpaden en certificaten archiveren') is one demand."""
    tokens = analysis.tokens(start, end)
    if not tokens or not tokens[0].doc.has_annotation("POS"):
        return set()
    modal = _demand_clause_start(tokens)
    if modal is None:
        return set()
    groups = _verb_groups(tokens[modal + 1 :])
    if groups is None:
        return set()  # alternatives are one demand
    full = [g for g in groups if _verb_group(g)]
    return {analysis.token_offset(g[0]) for g in full[1:]} if len(full) >= 2 else set()


def _demand_clause_start(tokens: list) -> int | None:
    """Where the clause that holds the demand starts: at a modal, or at the 'dat' of "wil ik dat ..."
    / "zorgt ervoor dat ..." (verb-final, so its verbs are finite)."""
    for i, t in enumerate(tokens):
        if t.lower_ in dutch.MODALS:
            return i
        if t.lower_ == "dat" and i > 0 and _DEMANDING_DAT.search(" ".join(x.lower_ for x in tokens[max(0, i - 3) : i])):
            return i
    return None


def _verb_groups(tokens: list) -> list[list] | None:
    """The groups between ',' / 'en' / ';' up to a subordinate clause; None for alternatives ('of')."""
    groups: list[list] = [[]]
    for tok in tokens:
        if tok.lower_ in (",", "en") or tok.text == ";":
            groups.append([])
            continue
        if tok.lower_ in dutch.SUBORDINATORS and tok.lower_ not in ("om", "of"):
            break  # a subordinate clause: its verbs are not separate demands
        if tok.lower_ == "of":
            return None
        if tok.lower_ == "te" and not groups[-1] and len(groups) > 1:
            groups.pop()  # "op te zetten en te beheren database": one attributive group
        groups[-1].append(tok)
    return groups


_DEMANDING_DAT = re.compile(
    r"\b(?:wil\s+ik|willen\s+(?:wij|we)|zorgt\s+(?:ervoor|er\s+voor)|zorgt|garandeert|erop\s+toe)$"
)


def _verb_group(group: list) -> bool:
    """An object (noun) and, at the end, a verb: 'klachten registreren', '(dat het systeem) herinneringen verstuurt'."""
    content = [t for t in group if not t.is_punct]
    while content and content[-1].pos_ in ("ADP",) and content[-1].dep_ == "compound:prt":
        content = content[:-1]
    if len(content) < 2:
        return False
    last = content[-1]
    verb = last.pos_ == "VERB" and (last.morph.get("VerbForm") or [""])[0] in ("Inf", "Part", "Fin", "")
    return verb and any(t.pos_ in ("NOUN", "PROPN") for t in content[:-1])


_OBJECT_DEPS = ("obj", "iobj", "obl", "obl:arg", "ccomp", "xcomp")


def _parsed_cuts(analysis: Analysis, start: int, end: int) -> set[int]:
    """Coordinated verbs with an object of their own ('contactmomenten vastleggen, klachten
    registreren en terugbelverzoeken inplannen'); alternatives with 'of' are one demand."""
    cuts: set[int] = set()
    tokens = analysis.tokens(start, end)
    if not tokens or not tokens[0].doc.has_annotation("DEP"):
        return cuts
    inside = {t.i for t in tokens}
    for tok in tokens:
        coord = _coordinated_verb(tok, inside)
        if coord is None or _one_demand(analysis, tok, start):
            continue
        own = [c for c in tok.children if c.dep_ in _OBJECT_DEPS and c.i > tok.head.i and c.i in inside]
        # both verbs need an object of their own: adverbials ('jaarlijks', 'ten minste') are no object
        theirs = [c for c in tok.head.children if c.dep_ in ("obj", "iobj", "ccomp", "xcomp") and c.i < tok.i]
        if own and theirs:
            first = min([tok.i, *(w.i for c in own for w in c.subtree)])
            cut_token = coord if coord.i < first else tok.doc[first]
            cuts.add(analysis.token_offset(cut_token))
    return cuts


def _coordinated_verb(tok: Any, inside: set[int]) -> Any:
    """The 'en' of a verb coordinated after another verb of the same span, or None."""
    if tok.dep_ != "conj" or tok.pos_ != "VERB" or tok.head.pos_ not in ("VERB", "AUX"):
        return None
    if tok.head.i not in inside or tok.i < tok.head.i:
        return None
    coord = [c for c in tok.children if c.dep_ == "cc"]
    return coord[0] if coord and coord[0].lower_ in ("en", "alsook") else None


def _one_demand(analysis: Analysis, conj: Any, start: int) -> bool:
    """Coordinations that are no second demand, whatever their objects."""
    if any(_ANAPHOR.fullmatch(w.text) for c in conj.children if c.dep_ not in ("conj", "cc") for w in c.subtree):
        return True  # "... en stelt de resultaten hiervan beschikbaar": about the same thing
    return (
        _modal_head(conj)
        or _question_clause(conj.head)
        or _question_clause(conj)
        or _attributive_infinitive(conj)
        or not _demanding_clause(analysis, conj, start)
    )


_QUESTION_WORDS = frozenset({"hoe", "wat", "waarom", "welke", "wanneer", "waar", "waarmee", "of"})


def _question_clause(verb: Any) -> bool:
    """'Toon hoe de behandelaar de termijn kan opschorten en hoe de relatie wordt gelegd': the
    coordinated verbs belong to an indirect question, the aspects of one question to answer."""
    return verb.dep_ in ("ccomp", "advcl", "csubj", "conj") and any(
        c.dep_ in ("advmod", "mark", "obj", "nsubj") and c.lower_ in _QUESTION_WORDS and c.i < verb.i
        for c in verb.children
    )


_WANT_OR_MUST = frozenset({*dutch.MODALS, "wil", "willen", "wensen", "wenst"})


def _modal_head(conj: Any) -> bool:
    """'wil ik mijn trainingen en de vervaldatum van mijn certificaten zien': an infinitive attached
    as a conjunct to the modal itself, which has no other verb, is the modal's one verb; the
    coordination joins its objects."""
    head = conj.head
    if head.lower_ not in _WANT_OR_MUST or (conj.morph.get("VerbForm") or [""])[0] != "Inf":
        return False
    return not any(c.pos_ == "VERB" and c.dep_ in ("xcomp", "ccomp") and c.i < conj.i for c in head.children)


def _attributive_infinitive(verb: Any) -> bool:
    """'een eigen op te zetten en te beheren database': te-infinitives between an article and
    their noun describe the noun; they are no second demand."""
    doc = verb.doc
    if verb.i == 0 or doc[verb.i - 1].lower_ != "te":
        return False
    nxt = verb.i + 1
    while nxt < len(doc) and doc[nxt].pos_ == "ADJ":
        nxt += 1
    if nxt >= len(doc) or doc[nxt].pos_ != "NOUN":
        return False
    # walk left over "en", the first infinitive, its "te" and particle, adjectives and adverbs
    # ("een zelf op te zetten") to an article
    i = verb.i - 2
    if i < 2 or doc[i].lower_ not in ("en", ",") or doc[i - 1].pos_ != "VERB" or doc[i - 2].lower_ != "te":
        return False
    i -= 3
    while i >= 0 and (
        doc[i].pos_ in ("ADJ", "ADV") or doc[i].dep_ == "compound:prt" or doc[i].lower_ in ("op", "in", "uit", "aan")
    ):
        i -= 1
    return i >= 0 and doc[i].pos_ == "DET"


def _demanding_clause(analysis: Analysis, conj: Any, start: int) -> bool:
    """Finite verbs without a modal state a demand only when the supplier or the solution does
    them ('Opdrachtnemer logt ... en bewaart ...'); 'Het klachtenmeldpunt stelt een dossier samen
    en registreert de klachten' describes how an organisation works."""
    head = conj.head
    finite = all((v.morph.get("VerbForm") or [""])[0] == "Fin" for v in (head, conj))
    if not finite or any(c.dep_ in ("aux", "aux:pass") for c in head.children):
        return True
    before = analysis.document.clean(start, analysis.token_offset(head))
    if dutch.ANY_MODAL.search(before):
        return True
    return bool(dutch.SUPPLIER_SUBJECT.match(analysis.document.clean(start, analysis.token_offset(conj))))
