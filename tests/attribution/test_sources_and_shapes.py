"""Issue 15's kinds, on sentences of their own (not the evaluation set's): documents as sources, an
attribution set inside its claim, the inner claim of "X told officers ...", back-references to people and
bodies named in narration, organisation names, a participle call, a place or a medal after the cue."""

import pytest

from claims.attribution import suggest_attributions
from tests.attribution.helpers import claim_text


def claims_of(text):
    return [(text[s.content_start : s.content_end], s.source_text, s.channel_text) for s in suggest_attributions(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("A survey by the Pew Research Center found that most voters distrusted the polls.",
         ("most voters distrusted the polls", "Pew Research Center", "survey")),
        ("Turnout fell to a record low, an analysis by the Electoral Reform Society found.",
         ("Turnout fell to a record low", "Electoral Reform Society", "analysis")),
        ("Minutes of the European Central Bank's July meeting showed that policymakers feared a recession.",
         ("policymakers feared a recession", "European Central Bank", "Minutes")),
        ("The lawsuit, filed in Delaware on Friday, alleges that the board ignored safety warnings.",
         ("the board ignored safety warnings", "The lawsuit", None)),
        ("The claim was false, according to court records released on Monday.",
         ("The claim was false", "court records", None)),
        ("An audit by Kenya's Office of the Auditor-General found that 40 clinics had no doctor.",
         ("40 clinics had no doctor", "Kenya's Office of the Auditor-General", "audit")),
    ],
)  # fmt: skip
def test_a_document_is_a_source_its_author_named_when_it_has_one(text, expected):
    assert claims_of(text) == [expected]


def test_the_statement_said_is_whoever_issued_it():
    text = (
        "Norway's Ministry of Fisheries issued a statement on Sunday. "
        "The statement said the cod quota would be cut by a fifth."
    )
    assert claims_of(text) == [("the cod quota would be cut by a fifth", "Norway's Ministry of Fisheries", "statement")]


def test_the_statement_said_is_whoever_spoke_in_it_before():
    text = (
        "In a statement, shipbuilder Halvorsen Verft said it would cut 300 jobs. "
        "The statement said orders had fallen by half since 2023."
    )
    assert claims_of(text) == [
        ("it would cut 300 jobs", "Halvorsen Verft", "statement"),
        ("orders had fallen by half since 2023", "Halvorsen Verft", "statement"),
    ]


def test_a_body_named_with_a_nationality_or_for_people_keeps_every_word():
    text = (
        "Danish Refugee Council said the camp had no water. Canadian People's Aid said it had sent 12 nurses. "
        "The Women's Legal Centre said the law was unclear."
    )
    assert [found[1] for found in claims_of(text)] == [
        "Danish Refugee Council", "Canadian People's Aid", "Women's Legal Centre",
    ]  # fmt: skip


def test_the_report_said_is_the_author_a_report_named_before():
    text = (
        "Sales of the drug fell in the United States, according to a report by the Pellham Health Agency. "
        "The report said the tablets were made in Ostrava."
    )
    assert [(found[1], found[2]) for found in claims_of(text)] == [
        ("Pellham Health Agency", "report"),
        ("Pellham Health Agency", "report"),
    ]


def test_found_and_showed_need_a_document():
    assert claims_of("Divers found that the wreck had moved. The photos showed a broken mast.") == []


@pytest.mark.parametrize(
    "text, claim",
    [
        ("The bridge, the mayor said, would reopen in June.", "The bridge, the mayor said, would reopen in June"),
        ("The vote — officials said — was postponed.", "The vote — officials said — was postponed"),
        ("Exports rose 4% (the customs office said on Friday) in the first quarter.",
         "Exports rose 4% (the customs office said on Friday) in the first quarter"),
        # one word before it, or the attribution inside the claim's verb phrase
        ("Rents, the agency said, were rising.", "Rents, the agency said, were rising"),
        ("The plan would, Minister Ana Lenz said, save 60 million euros.",
         "The plan would, Minister Ana Lenz said, save 60 million euros"),
    ],
)  # fmt: skip
def test_an_attribution_inside_its_claim_gives_the_whole_sentence(text, claim):
    assert [found[0] for found in claims_of(text)] == [claim]


def test_a_claim_first_attribution_before_the_end_is_not_inserted():
    text = "The deal is off, the minister said."
    assert [found[0] for found in claims_of(text)] == ["The deal is off"]
    # one word and a comma before the speaker, and nothing going on after it: no claim of one word
    assert [found[0] for found in claims_of("Separately, police said, officers found a gun.")] == [
        "officers found a gun"
    ]


def test_a_contrast_after_the_claim_is_its_own_attribution():
    text = "Doctor Chou Min said asthma was rarer this year, though he cautioned that the numbers were small."
    assert [found[0] for found in claims_of(text)] == ["asthma was rarer this year", "the numbers were small"]


def test_a_bracketed_according_to_at_the_end_leaves_its_bracket_out_of_the_claim():
    text = "Farmers have lost 40,000 hectares of wheat (according to the Grain Producers Union)."
    assert claims_of(text) == [("Farmers have lost 40,000 hectares of wheat", "Grain Producers Union", None)]


@pytest.mark.parametrize(
    "text, claim",
    [
        ("The board said households that exceeded the limit would pay more.",
         "households that exceeded the limit would pay more"),
        ("The report said cattle that drank from the river had died.", "cattle that drank from the river had died"),
        ("The board said on Monday that households would pay more.", "households would pay more"),
        ("The office said in a report published on Friday that the tunnel cost more.", "the tunnel cost more"),
    ],
)  # fmt: skip
def test_a_relative_that_after_the_claim_s_first_noun_stays_in_the_claim(text, claim):
    assert [found[0] for found in claims_of(text)] == [claim]


def test_the_inner_claim_of_a_told_inside_a_claim():
    text = "Police said the owner of the shop told detectives he had seen nothing."
    assert claims_of(text) == [
        ("the owner of the shop told detectives he had seen nothing", "Police", None),
        ("he had seen nothing", "the owner of the shop", None),
    ]


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("Finance Minister Ana Duarte presented the budget. The minister said debt would fall.", "Ana Duarte"),
        ("Peru's labour minister, Rosa Quispe, visited the mine. The minister said pay would rise.", "Rosa Quispe"),
        ("Shares in Corvid Shipping fell 9%. The company said demand had slowed.", "Corvid Shipping"),
        ("The Danish Directorate of Roads closed the bridge. The directorate said it was unsafe.",
         "Danish Directorate of Roads"),
        ("Tomás Ferreira leads the inquiry. He said the files were missing.", "Tomás Ferreira"),
        ("Kansas Gov. Alan Mayo signed the bill. He said families would save $400.", "Alan Mayo"),
        ("Shares of Boston-based Verity Therapeutics jumped after the company said its drug worked.",
         "Verity Therapeutics"),
        # a company named like a person: by its statement, or named in the sentence that "the airline" ends
        ("Severn Water was fined. Severn Water said in a statement it regretted the spill. Ofwat said it would "
         "act. The company said profits fell.", "Severn Water"),
        ("Westair Link will stop flying to Donegal, the airline said.", "Westair Link"),
        ("The Bangko Sentral ng Pilipinas kept its rate at 6.25%. The central bank said inflation would ease.",
         "Bangko Sentral ng Pilipinas"),
        ("Exports rose, trade agency Enterprise Singapore said. Shipments jumped, the agency said.",
         "Enterprise Singapore"),
        # a company told by what it runs or does
        ("A Sarek Avia flight landed in Aktobe. The carrier said no one was hurt.", "Sarek Avia"),
        ("Lake Mweru Transport, which operates the ferry, sold a boat. The company said all were safe.",
         "Lake Mweru Transport"),
        ("Kafue Line Transport, which runs the service, is for sale. The company said it had no buyer.",
         "Kafue Line Transport"),
        # a bare role in apposition
        ("Neo Dube, chief economist at Kgale Capital, spoke first. The economist said prices would rise.",
         "Neo Dube"),
    ],
)  # fmt: skip
def test_a_back_reference_finds_the_name_narration_gave(text, speaker):
    assert claims_of(text)[-1][1] == speaker


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("Croatia's Constitutional Court said the law was void.", "Croatia's Constitutional Court"),
        ("The Centre for Climate Research said the ice was thinning.", "Centre for Climate Research"),
        ("Rival Nordwind Logistik said its prices would not change.", "Nordwind Logistik"),
        ("Mayor Olga Berg of Tromsø said the port would stay open.", "Olga Berg"),
        ("Fishing crews in Vigo said the catch had halved.", "Fishing crews in Vigo"),
    ],
)  # fmt: skip
def test_organisation_and_people_names(text, speaker):
    assert [found[1] for found in claims_of(text)] == [speaker]


@pytest.mark.parametrize(
    "text, claims",
    [
        ("Ferries will stop on Sunday, the operator said, urging travellers to book trains.",
         ["Ferries will stop on Sunday"]),
        ("The talks were useful, she told reporters at the harbour.", ["The talks were useful"]),
        ("Lena Brandt added a bronze in the relay.", []),
        ("Anke Maes claimed the speaker's chair with 71 votes.", []),
        ("Residents warned the council about cracks in the wall.", []),  # warning someone about something
        ("She reported the theft to the police on Monday.", []),  # a complaint made, not a statement
        ("Staff reported the empty cylinders to managers twice.", []),
        ("Ana Ruiz denied the accusation.", []),  # a plea
        ("Construction took 26 months and added a rooftop garden where patients can play.", []),
        ("The journalist had reported on fuel theft for a local website.", []),  # covered, stated nothing
        ("The ministry reported 312 new cases of measles.", ["312 new cases of measles"]),
    ],
)  # fmt: skip
def test_a_call_a_place_or_a_medal_after_the_cue_is_no_claim(text, claims):
    assert [found[0] for found in claims_of(text)] == claims


@pytest.mark.parametrize(
    "text, speaker",
    [
        # "she" skips the man named since; "he" means the sentence's subject, not its object.
        ("Coach Marta Ilves left striker Jonas Perk out of the squad. She said the 24-year-old was injured.",
         "Marta Ilves"),
        ("Minister Pavel Dorn met Erik Saar, his counterpart, in Tartu. He said the talks had gone well.",
         "Pavel Dorn"),
        ("Kadri Roos met her counterpart, Anu Vask, in Riga. Vask said the plan was sound. She told LETA "
         "the cost would be shared.", "Anu Vask"),
    ],
)  # fmt: skip
def test_a_pronoun_means_the_person_of_its_gender_the_last_sentence_named_first(text, speaker):
    assert [found[1] for found in claims_of(text)][-1] == speaker


def test_a_document_run_published_by_its_author_names_it_and_is_the_channel():
    text = (
        "Steel imports will fall, according to a draft regulation published by the European Commission. "
        "The draft says imports would face a duty. The founder moved $78 million abroad, according to the "
        "charge sheet."
    )
    found = [(s.source_text, s.channel_text) for s in suggest_attributions(text)]
    assert found == [
        ("European Commission", "draft regulation"), ("European Commission", "draft"), ("the charge sheet", None),
    ]  # fmt: skip
    # Who saw a document is still not its author.
    text = "The mayor lied, according to a court filing seen by Reuters."
    assert [s.source_text for s in suggest_attributions(text)] == ["a court filing"]


def test_numbers_citations_and_bodies_named_by_their_kind():
    text = (
        "Speaking in Auki on Tuesday, Minister Silas Maetala said at least 3,000 homes on Malaita had been "
        "damaged. Bhutan's tiger population has risen to 131, the Bhutan Wildlife Conservation Division said "
        "on Friday, citing a national camera-trap survey. The orchestra said in a statement that ticket "
        "holders would be refunded. Algerian state utility Tassili Énergie has signed three deals, it said."
    )
    found = [(claim_text(text, s), s.source_text) for s in suggest_attributions(text)]
    assert found == [
        ("at least 3,000 homes on Malaita had been damaged", "Silas Maetala"),
        ("Bhutan's tiger population has risen to 131", "Bhutan Wildlife Conservation Division"),
        ("ticket holders would be refunded", "The orchestra"),
        ("Algerian state utility Tassili Énergie has signed three deals", "Tassili Énergie"),
    ]


def test_possessives_descriptions_and_results_around_sources():
    text = (
        "Parents' association leader Edwige Akplogan urged the government to pay the cooks, saying that some "
        "had not been paid since October. A yak herder in Bumthang told the broadcaster BBS that tigers had "
        "killed 11 of his animals. A report by the migrant workers' group Hawiya Rights Monitor found that the "
        "ban was ignored. Faïza Attoumane won 54% of the vote, according to provisional results from the "
        "Comoros Electoral Authority. Guide Kuraman Pesai, from the village of Kwamalasamutu, said villagers "
        "had eaten the fish for generations."
    )
    found = [(s.source_text, s.channel_text) for s in suggest_attributions(text)]
    assert found == [
        ("Edwige Akplogan", None), ("A yak herder in Bumthang", "BBS"), ("Hawiya Rights Monitor", "report"),
        ("Comoros Electoral Authority", "results"), ("Kuraman Pesai", None),
    ]  # fmt: skip


def test_groups_from_a_body_a_name_with_a_cue_word_and_an_adjunct_after_the_cue():
    text = (
        "Observers from the Organization of American States said voting had been largely peaceful. "
        "Partial results gave Rodrigo Matamoros 43.2% of the vote, the National Electoral Council said, "
        "with 71% of ballots counted."
    )
    found = [(claim_text(text, s), s.source_text) for s in suggest_attributions(text)]
    assert found == [
        ("voting had been largely peaceful", "Observers from the Organization of American States"),
        ("Partial results gave Rodrigo Matamoros 43.2% of the vote", "National Electoral Council"),
    ]


def test_outlets_with_particles_places_after_a_body_and_a_goodbye_with_more_after_it():
    text = (
        "Caver Iratxe Goikoetxea said the divers were safe. “We heard the hammers,” she told the newspaper "
        "Diario de Gorbeia. A surgeon at a hospital in Coimbra said operations had been postponed. "
        "Volunteers at the town's shelter said the dogs were starving."
    )
    found = [(s.source_text, s.channel_text) for s in suggest_attributions(text)]
    assert found[:2] == [("Iratxe Goikoetxea", None), ("Iratxe Goikoetxea", "Diario de Gorbeia")]
    assert [source for source, _ in found[2:]] == [
        "A surgeon at a hospital in Coimbra", "Volunteers at the town's shelter",
    ]  # fmt: skip
    narration = "The singer said goodbye to the crowd in four languages and added a surprise encore."
    assert suggest_attributions(narration) == []


def test_a_place_or_an_occasion_after_the_recipient_is_no_part_of_the_claim():
    text = (
        "Talks stalled again. Envoy Maria Lind told reporters in Geneva the talks had failed. Coach Ivan Petrov "
        "told journalists after the match he was proud."
    )
    assert [claim_text(text, s) for s in suggest_attributions(text)] == ["the talks had failed", "he was proud"]


def test_according_to_in_brackets_mid_sentence_keeps_the_whole_sentence():
    text = (
        "Peru exported 128,000 tonnes of fresh asparagus last year (according to the Peruvian Asparagus "
        "Institute), 9% less than a year earlier, as wells in the Ica valley ran dry."
    )
    (found,) = suggest_attributions(text)
    assert claim_text(text, found) == text.rstrip(".")
    assert found.source_text == "Peruvian Asparagus Institute"


def test_a_document_saying_a_claim_with_an_irregular_verb_and_a_notice_standing_for_its_issuer():
    text = (
        "Oman will ban exports of raw frankincense resin from January, the Ministry of Heritage and Tourism "
        "said in a notice on Sunday. The notice said the rule would protect Boswellia trees. "
        "The indictment says they used software to buy the tickets."
    )
    found = suggest_attributions(text)
    assert [(s.source_text, s.channel_text) for s in found] == [
        ("Ministry of Heritage and Tourism", "notice"),
        ("Ministry of Heritage and Tourism", "notice"),
        ("The indictment", None),
    ]
    assert claim_text(text, found[2]) == "they used software to buy the tickets"


def test_an_ordinance_states_its_claim():
    text = "The ordinance states that the cull is needed to protect people and livestock."
    (states,) = suggest_attributions(text)
    assert (states.source_text, claim_text(text, states)) == (
        "The ordinance",
        "the cull is needed to protect people and livestock",
    )


def test_an_attribution_with_a_recipient_inside_its_claim_keeps_the_whole_sentence():
    text = "A kilogram of manuka honey, beekeeper Tāmati Pōhatu told Radio Ngāti Porou, now sold for 200 dollars."
    assert claims_of(text) == [(text.rstrip("."), "Tāmati Pōhatu", "Radio Ngāti Porou")]


def test_a_document_that_said_something_did_not_show_what_followed():
    text = "The judgment said prosecutors had failed to show that the money came from logging companies."
    assert claims_of(text) == [
        ("prosecutors had failed to show that the money came from logging companies", "The judgment", None)
    ]
    # a capitalised month inside the document's phrase is no verb
    text = "Minutes of the Czech National Bank's meeting in May showed that two members had voted for a cut."
    assert [source for _, source, _ in claims_of(text)] == ["Czech National Bank"]


def test_an_unauthored_report_is_its_own_source_and_the_report_said_means_it():
    text = (
        "Sirens failed in five villages, according to a government inspection report. The report said none "
        "had been serviced. It said alerts came late."
    )
    assert claims_of(text) == [
        ("Sirens failed in five villages", "a government inspection report", None),
        ("none had been serviced", "a government inspection report", None),
        ("alerts came late", "a government inspection report", None),
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Penguins fell by a third, a census by the Seabird Foundation found.",
         ("Penguins fell by a third", "Seabird Foundation", "census")),
        ("The figure is based on new dating, the centre said in a report published on Wednesday.",
         ("The figure is based on new dating", "the centre", "report")),
        ("Villagers along the Fly River in western Papua say dead fish have washed up.",
         ("dead fish have washed up", "Villagers along the Fly River in western Papua", None)),
    ],
)  # fmt: skip
def test_round_twenty_seven_shapes(text, expected):
    assert claims_of(text) == [expected]


def test_the_court_said_is_the_court_not_court_filings_quoted_since():
    text = (
        "Chile's Northern Court has suspended work on a plant. The pipes would kill larvae, according to court "
        "filings. In a ruling, the court said the study was flawed."
    )
    assert [found[1] for found in claims_of(text)] == ["court filings", "Chile's Northern Court"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("A banker involved in the talks told Reuters the listing could come in March.",
         [("the listing could come in March", "A banker involved in the talks", "Reuters")]),
        ("The petition alleges that officials approved the fence.",
         [("officials approved the fence", "The petition", None)]),
        ("Police said one of the suspects had told detectives that a buyer paid cash.",
         [("one of the suspects had told detectives that a buyer paid cash", "Police", None),
          ("a buyer paid cash", "one of the suspects", None)]),
        ("Her lawyer said she had always told the truth.", [("she had always told the truth", "Her lawyer", None)]),
    ],
)  # fmt: skip
def test_bankers_involved_petitions_and_one_of_the_suspects(text, expected):
    assert claims_of(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Court documents show that the men stole $3 million.",
         [("the men stole $3 million", "Court documents", None)]),
        ("The crash came at dawn, according to court filings made public on Friday. The filings said the brakes "
         "failed.", [("The crash came at dawn", "court filings", None), ("the brakes failed", "court filings", None)]),
        ("Jerome Petty said in a lawsuit filed on Tuesday that he was told to hurry.",
         [("he was told to hurry", "Jerome Petty", "lawsuit")]),
        ("The council faces a shortfall of 14 million pounds, an internal audit report found.",
         [("The council faces a shortfall of 14 million pounds", "an internal audit report", None)]),
        ("Polish retailer Moda Baltic closed 35 stores last year (according to its annual report).",
         [("Polish retailer Moda Baltic closed 35 stores last year", "Moda Baltic", "report")]),
        ("Court papers said the company, Bia Timber, had labelled 140 containers as teak.",
         [("the company, Bia Timber, had labelled 140 containers as teak", "Court papers", None)]),
        ("Consumer group Consumidores en Acción said fares would rise.",
         [("fares would rise", "Consumidores en Acción", None)]),
        ("Volunteer Battery Works said the plant would open in May.",
         [("the plant would open in May", "Volunteer Battery Works", None)]),
    ],
)  # fmt: skip
def test_round_twenty_seven_documents(text, expected):
    assert claims_of(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Transport unions, which have threatened a strike, say they are losing $5 million a day.",
         [("they are losing $5 million a day", "Transport unions", None)]),
        ("Shelters in Tijuana say they have run out of beds.",
         [("they have run out of beds", "Shelters in Tijuana", None)]),
        ("Liliana Barrio, secretary-general of the Bus Drivers' Union, said her members would strike.",
         [("her members would strike", "Liliana Barrio", None)]),
        ("Power distributor Elétrica Sul said a fault caused the blackout. The company said supply was back.",
         [("a fault caused the blackout", "Elétrica Sul", None), ("supply was back", "Elétrica Sul", None)]),
        ("Talks with the Frente del Pacífico rebel group made progress. The group said it wanted deeds.",
         [("it wanted deeds", "Frente del Pacífico", None)]),
    ],
)  # fmt: skip
def test_round_twenty_seven_latin_america_shapes(text, expected):
    assert claims_of(text) == expected
