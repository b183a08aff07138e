"""claims.attribution.narration: names met in narration are remembered for later back-references."""

import pytest

from claims.attribution import suggest_attributions


def test_names_introduced_in_apposition_are_remembered():
    text = (
        "The supplier, Halvorsen Kitchens, cancelled the festival order. "
        '"Our ovens failed the safety check," the firm said on Friday. '
        "Ines Duarte, the festival director, blamed the heatwave. The director said tickets would be refunded."
    )
    firm, director = suggest_attributions(text)
    assert firm.mention_text == "the firm" and firm.source_text == "Halvorsen Kitchens"
    assert firm.source_kind == "organisation"
    assert text[firm.source_start : firm.source_end] == "Halvorsen Kitchens"
    assert text.index("Halvorsen Kitchens") == firm.source_start
    assert director.mention_text == "The director" and director.source_text == "Ines Duarte"
    assert director.source_kind == "person"


def test_an_apposition_past_a_participle_or_after_a_country_names_the_company():
    text = (
        "Work on the seawall stopped after the contractor building it, Huanan Marine Construction, ran out of rock. "
        "Output fell after a fire at El Teniente, Codelco, Chile's state copper company, reported on Monday. "
        "The company said output would recover by June."
    )
    (later,) = [s for s in suggest_attributions(text) if s.mention_text == "The company"]
    assert later.source_text == "Codelco"
    first = suggest_attributions(text.replace("a fire at El Teniente, Codelco, Chile's state copper company,", "it"))
    assert [s.source_text for s in first if s.mention_text == "The company"] == ["Huanan Marine Construction"]


def test_a_place_before_a_possessive_apposition_is_no_speaker():
    text = (
        "Speaking at a summit in Lima, Ecuador's production minister, Andrés Villacís, said the catch had fallen. "
        '"The ocean is changing," he said.'
    )
    assert [s.source_text for s in suggest_attributions(text)] == ["Andrés Villacís", "Andrés Villacís"]


def test_a_list_of_places_is_no_body_with_commas_in_its_name():
    from claims.attribution.noun_phrases import comma_in_a_name
    from claims.attribution.tokens import tokenized_sentences
    from claims.segmentation import split_sentences

    def commas(text):
        ((toks, *_),) = tokenized_sentences(text, split_sentences(text))
        return [comma_in_a_name(toks, j) for j, t in enumerate(toks) if t.text == ","]

    assert commas("Kenya, Uganda and Tanzania said the border would reopen.") == [False]
    assert commas("The Ministry of Health, Labour and Welfare said so.") == [True]


@pytest.mark.parametrize(
    "first",
    [
        "Électricité du Liban said on Wednesday that it would cut power to four hours a day.",
        "Trout Bay Gold said in a statement that its auditors had found the losses in June.",
    ],
)
def test_the_company_is_the_name_its_sentence_called_it(first):
    text = first + " The company said fuel reserves would last less than a week."
    opening, later = suggest_attributions(text)
    assert later.mention_text == "The company"
    assert later.source_text == opening.source_text
    assert later.source_kind == "organisation"


def test_the_company_is_no_person_who_said_it_was_so():
    text = "Juan Pérez Rivas said it was a mistake to close the mine. The company said fuel reserves would last a week."
    later = suggest_attributions(text)[-1]
    assert later.source_text == "The company"


def test_the_force_is_the_police_named_before():
    text = (
        "A refinery supervisor has been charged with stealing gold, the Ontario Provincial Police said on Thursday. "
        "The force said its investigation was continuing."
    )
    assert [s.source_text for s in suggest_attributions(text)] == ["Ontario Provincial Police"] * 2


@pytest.mark.parametrize(
    ("first", "noun", "body"),
    [
        ("Dutch housing association Eemland Wonen will turn offices into flats.", "association", "Eemland Wonen"),
        ("Peruvian mining group Minera Yanaurqu has suspended work at its mine.", "group", "Minera Yanaurqu"),
        ("Minor league hockey team the Akron Ironhawks won their first title.", "team", "Akron Ironhawks"),
        ("A fund will buy 70% of football club Esporte Clube Vale dos Vinhedos.", "club",
         "Esporte Clube Vale dos Vinhedos"),
        # no rule noted it: the text names it with the noun
        ("Spokane International Airport will close one of its runways.", "airport", "Spokane International Airport"),
        ("Paraguay's central bank cut its benchmark rate on Thursday.", "bank", "Paraguay's central bank"),
    ],
)  # fmt: skip
def test_the_body_narration_named_with_its_noun(first, noun, body):
    text = f"{first} Analyst Jane Moreau said it was a bold move. The {noun} said the work would start in May."
    assert suggest_attributions(text)[-1].source_text == body


@pytest.mark.parametrize(
    ("first", "noun", "body"),
    [
        # an apposition after "its", a particle inside the name
        ("The ward will close, its operator, Westmecklenburg Kliniken, said.", "operator", "Westmecklenburg Kliniken"),
        ("According to court filings, the company, Cobre del Bacanuchi, let acid escape.", "company",
         "Cobre del Bacanuchi"),
        # the noun written in its language, opening the name
        ("Hugo Acuña, the secretary general of the Unión Tranviarios Automotor, said pay was late.", "union",
         "Unión Tranviarios Automotor"),
    ],
)  # fmt: skip
def test_the_body_named_in_apposition_or_in_its_language(first, noun, body):
    text = f"{first} The {noun} said the work would start in May."
    assert suggest_attributions(text)[-1].source_text == body
