"""Attendance entries by grammar and gazetteer, whatever separates them.

An attendance run (the text under a heading, up to the next heading) is read as a
sequence of tokens: capitalised words, lower-case words, parenthesised notes,
numbers and separators. An entry is::

    [party] NAME [(party)] [, municipality | organisation] [, role | title]
            [(tjänstgörande) | tjg för NAME] [§§ N-M | N, M] [x]

A person's name is a run of capitalised words (initials "Bernt A Rundberg",
hyphens "Rose-Marie", particles "Da"). Where PDF columns ran together, only the
gazetteers tell where one entry ends: municipalities and parties come from the
reference data, organisations from their shape ("GR", "FoU i Väst/GR",
"Göteborgs Stad"), and given names (``data/given_names.txt``) split a run of
capitalised words that holds two names. So "Gunilla Rivle, Kungsbacka Erik
Malmgren, Lerum" is two persons, and "M Bengt Ferm C Ragnar Nilsson" two persons
with their parties written first. Five lower-case words in a row are prose: the
run ends there.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from grmodel.model import Role
from grmodel.refdata import ReferenceData
from grmodel_gr_documents.bodies import BODY_WORD
from grmodel_gr_documents.entry_marks import (
    ABSENT_MARK,
    CAPITAL_ROLE,
    CAPITAL_SERVING,
    EXCLUDED,
    EXCLUDING,
    NOTE,
    PROSE_WORDS,
    REMOTE,
    REPLACING,
    SERVING_WORDS,
    counts_as_prose,
    marked_rows,
    paragraph_numbers,
)
from grmodel_gr_documents.entry_places import Places
from grmodel_gr_documents.entry_shapes import (
    PRESENCE_MARKS,
    ROWS_NUMBERED,
    ParsedEntry,
    occupation_cut,
    row_numbers,
)
from grmodel_gr_documents.entry_tokens import NUMBER, ORG_WORD, Token, read_tokens
from grmodel_gr_documents.name_runs import non_names, plausible, split_names
from grmodel_gr_documents.names import OCCUPATION, PARTICLES, is_given_name, parse_role

__all__ = ["ParsedEntry", "parse_run"]


class _Reader:
    """The state of reading one run."""

    def __init__(self, text: str, refdata: ReferenceData):
        self.text = text
        self.refdata = refdata
        self.tokens = read_tokens(text)
        self.entries: list[ParsedEntry] = []
        self.current: ParsedEntry | None = None
        self.after_comma = False
        self.replacing = False
        self.replaced_paren = False
        self.excluding = False  # the numbers next are paragraphs the entry took no part in
        self.stop: int | None = None
        self.places = Places(refdata, self.tokens)
        first = next((token for token in self.tokens if token.kind == "word"), None)
        self.roles_first = first is not None and parse_role(first.text) is not None
        """Whether the run writes each role before its name ("Ordförande Anna Berg …")."""
        self.row_numbers = row_numbers(self.tokens) >= ROWS_NUMBERED
        """Whether the run is a table's rows, each numbered before its name ("1 Anna Ek
        (S) X X 2 Per Holm (M)"): a number before a name is then no paragraph."""

    # -- entries ----------------------------------------------------------------------

    def open_entry(self, start: int) -> ParsedEntry:
        entry = ParsedEntry(start=start, end=start)
        self.entries.append(entry)
        self.current = entry
        self.after_comma = False
        self.replacing = False
        return entry

    def assign_place(self, phrase: str) -> None:
        entry = self.current
        if entry is None:
            return
        if self.refdata.municipality(phrase) is not None and entry.municipality is None:
            entry.municipality = phrase
        elif entry.organisation is None:
            entry.organisation = phrase
        else:
            entry.organisation += f", {phrase}"

    def name_run(self, index: int) -> int:
        """Read a run of capitalised words from ``tokens[index]``; the index after it."""
        stop = index
        never = non_names()
        while stop < len(self.tokens) and (self.tokens[stop].cap or self.joins_run(index, stop)):
            word = self.tokens[stop].text.casefold().strip(".:")
            if (
                stop > index
                and (word in never or BODY_WORD.search(word))
                and not self.surname_before_party(stop)
            ):
                break  # a word never a name's ends the run ("… Ek Nielsen | Måndag den …")
            stop += 1
        run = self.tokens[index:stop]
        words = [t.text for t in run]
        self.place_words(run, words)
        return stop

    def surname_before_party(self, at: int) -> bool:
        """Whether ``tokens[at]``, after a given name and before a party in
        parentheses, is a surname whatever the word ("Bertil Bilaga (MP)")."""
        if at + 1 >= len(self.tokens) or self.tokens[at + 1].kind != "paren":
            return False
        return is_given_name(self.tokens[at - 1].text) and self.places.is_party(
            self.tokens[at + 1].text
        )

    def joins_run(self, index: int, at: int) -> bool:
        """A lower-case word inside a run of capitalised words: a particle before a
        family name ("Rebelo da Silva"), "i" inside an organisation ("FoU i Väst")."""
        if at == index or at + 1 >= len(self.tokens) or not self.tokens[at + 1].cap:
            return False
        word = self.tokens[at].text.casefold()
        if word in PARTICLES:
            return True
        return word == "i" and bool(ORG_WORD.match(self.tokens[at - 1].text))

    def place_words(self, run: list[Token], words: list[str]) -> None:
        """Distribute a run of capitalised words over the current and new entries."""
        while words:
            taken = self.take_prefix(run, words)
            if taken:
                run, words = run[taken:], words[taken:]
                continue
            names = split_names(self.party_cut(occupation_cut(words)))
            if self.replacing and len(names[0]) >= 4:
                # the ledamot replaced, then the next entry ("… för Marie Berg Irhan Kasic (s)")
                names[0] = names[0][:2]
            names[0] = self.places.without_place(names[0])
            size = len(names[0])
            head = run[:size]
            self.place_name(head, names[0])
            run, words = run[size:], words[size:]

    def party_cut(self, words: list[str]) -> list[str]:
        """``words`` up to a party written before the next name, between two names
        ("Bengt Ferm C Ragnar Nilsson" → "Bengt Ferm")."""
        for cut in range(2, len(words) - 2):
            if words[cut].isupper() and self.places.is_party(words[cut], bare=True):
                return words[:cut]
        return words

    def take_prefix(self, run: list[Token], words: list[str]) -> int:
        """Municipality, organisation, party or title words at the start of a run
        that belong to the current entry: how many."""
        if self.places.is_party(words[0], bare=True) and words[0].isupper() and len(words) >= 3:
            # a party written before the next name ("M Bengt Ferm", "… S Berndt Ekholm")
            self.open_entry(run[0].start).party = words[0]
            return 1
        entry = self.current
        if OCCUPATION.match(words[0]):
            return self.occupation(run, words)
        role = parse_role(words[0])
        if role is not None:  # "…, M, Ordförande Astrid Lönn Jern, C, …"
            return self.capital_role(run, words, role)
        if (
            len(words) == 1
            and self.after_comma
            and entry is not None
            and entry.name
            and entry.party is None
            and self.places.is_party(words[0], bare=True)
            and words[0].isupper()
        ):  # "Jannike Hillding, M, …": a party between commas
            entry.party = words[0]
            entry.end = run[0].end
            return 1
        if entry is None or not entry.name:
            return 0
        size = self.places.municipality_prefix(words)
        placeless = entry.municipality is None and entry.organisation is None
        if size and (self.after_comma or placeless):
            self.assign_place(" ".join(words[:size]).strip(" ,."))
            entry.end = run[size - 1].end
            return size
        if len(words) == 1 and entry.title is not None and not self.replacing:
            entry.title += f" {words[0]}"
            entry.end = run[0].end
            return 1
        return 0

    def occupation(self, run: list[Token], words: list[str]) -> int:
        """An occupation word: the title of the name after it where it starts a line or
        the entry before it is complete, with a party or a title of its own
        ("Förbundsdirektör Helena Sörby", "Olle Nord (s) Kommundirektör Karin Ek"),
        else of the entry before it ("Mats Ek Utbildningschef", "Mats Ek, Controller")."""
        entry = self.current
        backward = entry is not None and bool(entry.name) and not (entry.title or entry.party)
        if len(words) >= 3 and (run[0].first or not backward):
            self.open_entry(run[0].start).title = words[0]
        elif backward and entry is not None:
            entry.title = words[0]
            entry.end = run[0].end
        return 1

    def capital_role(self, run: list[Token], words: list[str], role: Role) -> int:
        """A role written with a capital inside a run: the entry's before it after a
        comma, or where the run does not write roles first ("Per Holm, KD, Ordförande");
        else the next name's ("Ordförande Anna Berg (S) Ledamot Per Lind (M)")."""
        entry = self.current
        if (
            entry is not None
            and entry.name
            and entry.role is None
            and (self.after_comma or not self.roles_first)
        ):
            entry.role = role
            entry.end = run[0].end
        elif len(words) >= 3:
            self.open_entry(run[0].start).role = role
        return 1

    def place_name(self, run: list[Token], words: list[str]) -> None:
        name = " ".join(words).strip(" ,.")
        if len(words) < 2 or not plausible(words):
            self.after_comma = False
            if self.replacing:  # "ersättare för Vakant (M)": no one replaced by name
                self.replacing, self.replaced_paren = False, True
            return
        entry = self.current
        if self.replacing and entry is not None:
            entry.replaces = name
            entry.serving = True
            entry.end = run[-1].end
            self.replacing = False
            self.replaced_paren = True
            return
        if entry is None or entry.name:
            entry = self.open_entry(run[0].start)
        entry.name = name
        entry.end = run[-1].end
        self.after_comma = False
        self.replaced_paren = False

    def paren(self, token: Token) -> None:
        entry = self.current
        content = token.text.strip()
        if entry is None or not entry.name:
            if entry is not None and self.places.is_party(content):
                entry.party = content
            return
        if self.replaced_paren and self.places.is_party(content):
            self.replaced_paren = False  # the replaced ledamot's party
            return
        entry.end = token.end
        role = parse_role(content)
        excluded = EXCLUDED.match(content)
        known = self.refdata.party(content.strip(" .")) is not None
        if (known or role is None) and self.places.is_party(content) and entry.party is None:
            entry.party = content  # "(v)" is a party, "(ordf.)" of a party's shape a role
        elif role is not None:
            entry.role = role
        elif SERVING_WORDS.match(content):
            entry.serving = True
        elif excluded:
            entry.excluded.extend(paragraph_numbers(excluded["n"]))
        elif re.match(r"^(?:§§?|p\.?|punkt)\s*\d", content):
            entry.paragraphs.extend(paragraph_numbers(content))
        elif not NOTE.match(content) and content:
            entry.organisation = content if entry.organisation is None else entry.organisation

    def lower_run(self, index: int) -> int:
        """Read lower-case words: role, serving, title, a bare party, a presence mark,
        or prose (which ends the run). The index after them."""
        stop = index
        while stop < len(self.tokens) and self.tokens[stop].lower:
            stop += 1
        words = [t.text for t in self.tokens[index:stop]]
        remote = REMOTE.search(" ".join(words))
        if remote:  # "… (M) 1:e vice ordförande närvarar på distans": a note, no prose
            words = remote.string[: remote.start()].split()
        if sum(counts_as_prose(w) for w in words) >= PROSE_WORDS:
            self.stop = self.tokens[index].start
            return len(self.tokens)
        if self.before_name(index, stop, words):
            return stop
        entry = self.current
        if entry is None or not entry.name:
            return stop
        entry.end = self.tokens[stop - 1].end
        if words:
            self.read_lower(" ".join(words), entry)
        return stop

    def before_name(self, index: int, stop: int, words: list[str]) -> bool:
        """Whether words that start a line before a name on that line are its role or
        serving mark ("1:e vice ordförande Per Lind (M)", "tjänstgörande ersättare Karl
        Ny (L)"): then they open its entry."""
        tokens = self.tokens
        if not tokens[index].first or stop >= len(tokens) or tokens[stop].first:
            return False
        if not tokens[stop].cap:
            return False
        phrase = " ".join(words).replace(".", "")
        role = parse_role(phrase)
        # a serving mark, not one naming whom it replaces ("tjg för Per Lind")
        serving = (
            role is None and bool(SERVING_WORDS.match(phrase)) and not REPLACING.search(phrase)
        )
        if role is None and not serving:
            return False
        entry = self.open_entry(tokens[index].start)
        entry.role, entry.serving = role, serving
        return True

    def read_lower(self, phrase: str, entry: ParsedEntry) -> None:
        rest = phrase
        for word in phrase.split():
            folded = word.casefold().strip(".")
            if folded == "x" and rest.strip() == word:
                entry.marked = True
                return
        if re.match(r"(?i)^tjänstgörande\s+ordf", phrase):
            entry.role = parse_role(phrase.split(None, 1)[1])
            return
        if ABSENT_MARK.match(phrase):
            entry.absent = True
            return
        if EXCLUDING.match(phrase):
            self.excluding = True
            return
        if phrase == "för" and entry.party and not entry.serving:
            # "Glenn Ek (s) för Marie Berg": an ersättare, and the ledamot replaced
            entry.serving, self.replacing = True, True
            return
        plain = phrase.replace(".", "")  # "tj.g. ers. för"
        if SERVING_WORDS.match(plain) or re.match(r"(?i)^(?:tjg|tjänstgör|tjänstgörande)\b", plain):
            entry.serving = True
            # "tjg för Per Lind", "tjg Per Lind": the name after is the one replaced;
            # after "tjg ers" a new entry starts
            self.replacing = bool(REPLACING.search(plain))
            return
        words = phrase.split()
        if words[0] in ("stad", "kommun") and (entry.municipality or entry.organisation):
            entry.organisation = f"{entry.organisation or entry.municipality} {words.pop(0)}"
            if not words:
                return
        marks = [w for w in words if w.casefold() == "x"]
        words = [w for w in words if w.casefold() != "x"]
        entry.marked = entry.marked or bool(marks)
        if (
            words
            and self.places.is_party(words[-1], bare=True)
            and entry.party is None
            and len(words[-1]) <= 2
        ):
            entry.party = words.pop()
        if not words:
            return
        phrase = " ".join(words)
        role = parse_role(phrase)
        if role is not None:
            entry.role = role
        elif phrase in ("och", "samt"):
            self.after_comma = True
        elif entry.title is None:
            entry.title = phrase
        else:
            entry.title += f" {phrase}"

    def row_number(self, index: int) -> bool:
        """Whether ``tokens[index]`` numbers a table's row before its name."""
        tokens = self.tokens
        return (
            self.row_numbers
            and tokens[index].kind == "word"
            and tokens[index].text.isdigit()
            and index + 1 < len(tokens)
            and tokens[index + 1].cap
        )

    def numbers(self, index: int) -> int:
        """Paragraph numbers after an entry ("§ 133", "§§ 130-133", "36, 37, 38", "1 6")."""
        entry = self.current
        stop = index
        collected: list[str] = []
        while stop < len(self.tokens):
            token = self.tokens[stop]
            if token.kind == "sect" or (token.kind == "word" and NUMBER.match(token.text)):
                collected.append(token.text)
            elif (
                token.kind == "comma"
                and stop + 1 < len(self.tokens)
                and NUMBER.match(self.tokens[stop + 1].text)
            ) or (token.kind == "word" and token.text.casefold() == "och" and collected):
                collected.append(",")
            else:
                break
            stop += 1
        if entry is not None and entry.name:
            spec = " ".join(collected).replace("§", " ")
            bare = re.findall(r"\d+", spec)
            if (
                "," not in spec
                and "-" not in spec
                and len(bare) == 2
                and int(bare[0]) < int(bare[1])
            ):
                spec = f"{bare[0]}-{bare[1]}"  # "1 6": a range whose dash was lost
            (entry.excluded if self.excluding else entry.paragraphs).extend(paragraph_numbers(spec))
            entry.end = self.tokens[stop - 1].end
        self.excluding = False
        return max(stop, index + 1)

    def read(self) -> None:
        index = 0
        while index < len(self.tokens) and self.stop is None:
            token = self.tokens[index]
            if token.kind == "word" and token.text in PRESENCE_MARKS:
                # a presence mark ("Anna Ek (C)X", "Per Lind (m) Ja"), never a name's
                # first word; "Nej" in the column marks no presence
                if self.current is not None and self.current.name:
                    self.current.marked = self.current.marked or PRESENCE_MARKS[token.text]
                index += 1
            elif token.cap:
                index = self.name_run(index)
            elif token.kind == "paren":
                self.paren(token)
                index += 1
            elif token.kind == "comma":
                self.after_comma = True
                index += 1
            elif self.row_number(index):
                index += 1
            elif token.kind == "sect" or (token.kind == "word" and NUMBER.match(token.text)):
                index = self.numbers(index)
            elif token.lower:
                index = self.lower_run(index)
            else:
                index += 1


def parse_run(text: str, refdata: ReferenceData) -> tuple[list[ParsedEntry], int | None]:
    """The entries of an attendance run, and the offset where prose begins (the run's
    end), or ``None`` when it is entries to the end."""
    text = CAPITAL_SERVING.sub(lambda m: m[0].lower(), text)
    text = CAPITAL_ROLE.sub(lambda m: m[0].lower(), text)
    text = marked_rows(text, refdata)
    reader = _Reader(text, refdata)
    reader.read()
    entries = [e for e in reader.entries if e.name]
    return entries, reader.stop


def iter_names(text: str, refdata: ReferenceData) -> Iterator[str]:
    """The persons' names in a text of entries (justerare, signatories)."""
    entries, _ = parse_run(text, refdata)
    for entry in entries:
        yield entry.name
