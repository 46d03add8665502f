"""The run-wide id index the set rules key their state by, and packed refs."""

from __future__ import annotations

import pytest

from grmodel.pipeline.validation import RunContext
from grmodel.refdata import load_reference_data
from grmodel.rules import idindex
from grmodel.rules.base import RecordRef
from grmodel.rules.idindex import IdArray, IdIndex, PackedRefs, RefArray, id_index
from grmodel.testing import validate_yaml

# Texts that test equality by text, not by object or hash alone: equal texts built
# apart, non-ASCII, a lone surrogate (from a file that was not UTF-8), the empty id.
TEXTS = ["m1", "".join(["m", "1"]), "möte-å", "x\udcff", "", "m10", "m1 "]


def test_numbers_are_dense_and_equal_texts_share_one() -> None:
    ids = IdIndex()
    numbers = [ids.number(text) for text in TEXTS]
    assert numbers == [0, 0, 1, 2, 3, 4, 5]
    assert len(ids) == 6
    assert [ids.text(n) for n in range(6)] == ["m1", "möte-å", "x\udcff", "", "m10", "m1 "]
    assert ids.find("".join(["m1", "0"])) == 4
    assert ids.find("m2") is None
    assert len(ids) == 6  # find numbers nothing


def test_the_table_grows_and_every_id_keeps_its_number() -> None:
    ids = IdIndex()
    texts = [f"p{i}" for i in range(20_000)]
    assert [ids.number(t) for t in texts] == list(range(20_000))
    assert [ids.find(f"p{i}") for i in range(0, 20_000, 7)] == list(range(0, 20_000, 7))
    assert ids.find("p20000") is None


def test_texts_past_32_bit_offsets_and_narrow_hashes_keep_every_id(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The index keeps 32 bits of each hash and 32-bit text offsets until the text is
    # past 4 GiB; with the limit at 63 both narrowings are met after a few ids.
    monkeypatch.setattr(idindex, "_LOW", (1 << 6) - 1)
    ids = IdIndex()
    texts = [f"person-{i}-å" for i in range(3000)]
    assert [ids.number(t) for t in texts] == list(range(3000))
    assert ids._ends.typecode == "q"
    assert [ids.text(n) for n in range(3000)] == texts
    ids._recent.clear()
    assert [ids.find(t) for t in texts[::13]] == list(range(0, 3000, 13))
    assert ids.find("person-3000-å") is None


def test_an_id_array_reads_missing_until_set() -> None:
    values = IdArray("i", -1)
    assert values.get(5) == -1
    values.set(5, 7)
    values.set(1, 2)
    assert [values.get(n) for n in range(8)] == [-1, 2, -1, -1, -1, 7, -1, -1]


@pytest.mark.parametrize(
    "ref",
    [
        RecordRef("m1", "meeting", "a/records.yaml", 12),
        RecordRef("x\udcff", "person", None, None),
        RecordRef("d", "document", "b.jsonl", 0),
        RecordRef("m1", "meeting", "c.jsonl", 3_000_000_000),
    ],
)
def test_a_packed_ref_is_the_ref(ref: RecordRef) -> None:
    refs = PackedRefs(IdIndex())
    refs.pack(RecordRef("other", "body", "z.yaml", 1))
    assert refs.ref(refs.pack(ref)) == ref


def test_a_ref_array_gives_back_each_ref_by_its_index() -> None:
    refs = [
        RecordRef("m1", "meeting", "a/records.yaml", 12),
        RecordRef("x\udcff", "person", None, None),
        RecordRef("m1", "meeting", "c.jsonl", 3_000_000_000),
        RecordRef("d", "document", "b.jsonl", 0),
    ]
    packer = PackedRefs(IdIndex())
    one, other = RefArray(packer), RefArray(packer)
    assert [one.append(ref) for ref in refs] == [0, 1, 2, 3]
    assert other.append(refs[3]) == 0
    assert [one[i] for i in range(len(one))] == refs
    assert other[0] == refs[3]


def test_the_engine_context_shares_one_index_and_others_get_their_own() -> None:
    ctx = RunContext(load_reference_data())
    assert id_index(ctx) is ctx.ids is id_index(ctx)

    class Other:
        refdata = ctx.refdata

    assert id_index(Other()) is not id_index(Other())


def test_paragraph_numbers_beyond_the_packed_bits_are_told_as_they_are() -> None:
    # NUM004 packs (day, first §, last §) into one integer; numbers past its bits (and
    # below zero) are kept as they are and reported the same way.
    body = "type: body\nid: b\nname: B\nkind: board\n---\n"

    def meeting(mid: str, date: str, paragraph: int) -> str:
        return (
            f'---\ntype: meeting\nid: {mid}\nbody: b\ndate: "{date}"\nitems:\n'
            f"  - {{id: i, ordinal: 1, paragraph: {paragraph}, title: Ärende}}\n"
        )

    big, huge = 1 << 25, 1 << 70  # past 24 bits; past a 64-bit column
    text = body + meeting("m1", "2019-01-10", big) + meeting("m2", "2019-02-10", big + 5)
    text += meeting("m3", "2019-03-10", -4) + meeting("m4", "2019-04-10", huge)
    text += meeting("m5", "2019-05-10", -huge)
    found = [f.message for f in validate_yaml(text, select=["NUM004"])]
    assert found == [
        f"b 2019-02-10 starts at § {big + 5}, which leaves §§ {big + 1}–{big + 4} "
        f"unaccounted for after 2019-01-10 (§ {big})",
        f"b 2019-03-10 starts at § -4, which overlaps the previous meeting (2019-02-10, "
        f"up to § {big + 5})",
        f"b 2019-04-10 starts at § {huge}, which leaves §§ -3–{huge - 1} unaccounted for "
        "after 2019-03-10 (§ -4)",
        f"b 2019-05-10 starts at § {-huge}, which overlaps the previous meeting (2019-04-10, "
        f"up to § {huge})",
    ]
