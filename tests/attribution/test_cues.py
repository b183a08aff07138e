"""claims.attribution.cues: a cue word that is a noun, an event, passive or negated is no attribution."""

from claims.attribution import suggest_attributions
from tests.attribution.helpers import claim_text


def test_no_suggestion_on_unsourced_narration(seed):
    text, suggestions = seed
    # The scraped header line and the narration around the nested claim carry no claim.
    header_end = text.index("\n")
    assert all(s.content_start > header_end for s in suggestions)
    assert not any("was founded by" in claim_text(text, s) for s in suggestions)
    for narration in (
        "The Freedom of Russia Legion was founded by a unit of Russian soldiers.",
        "Russian shelling of Ukrainian border oblasts has recently increased.",
        "Heavy rain flooded parts of the old town overnight. All told, 200 homes were damaged.",
        "Liverpool claimed the title on Sunday. Substitute Oscar Bobb added a third late on.",
        "The company posted a net loss of €41 million. The reported figures were revised.",
        "The company did not say how much it would invest. Volkswagen declined to comment.",
    ):
        assert suggest_attributions(narration) == [], narration


def test_said_goodbye_told_the_story_and_adding_a_win_claim_nothing():
    for narration in (
        "Hundreds of people said goodbye to the kora player Lamine Diabaté at a funeral in Ziguinchor on Saturday.",
        "Over four decades, Aino Kivelä told the story of the fishermen of Lake Saimaa in pictures.",
        "The choir said a prayer for the victims before the match.",
        "Djeneba Fortes said thank you in Creole and in Portuguese before dedicating the award to her grandmother.",
        "She won in 2:19:40, adding a second big-city win to her victory in Hamburg last year.",
        # a compound adjective in "-ed" is no verb of a reported clause
        "Its youngest painter, a 15-year-old, added a hand-painted parrot to the tailgate before the judging.",
    ):
        assert suggest_attributions(narration) == [], narration
    # A story that is the subject of a reported clause is still one.
    text = "The minister told reporters the story was false."
    (suggestion,) = suggest_attributions(text)
    assert claim_text(text, suggestion) == "the story was false"


def test_adding_a_clause_is_still_a_claim():
    text = "Prices rose 3%, the bank said, adding it expected a slowdown."
    assert [claim_text(text, s) for s in suggest_attributions(text)] == ["Prices rose 3%", "it expected a slowdown"]
    text = "The mayor added the party had re-elected him in March."
    assert [claim_text(text, s) for s in suggest_attributions(text)] == ["the party had re-elected him in March"]


def test_a_title_or_honours_won_a_few_words_on_is_no_claim():
    for narration in (
        "Caimanes de Barinas claimed their first Venezuelan winter league title on Sunday, beating Toros de Apure.",
        "Saltire Wind claimed line honours in the Round Antigua Race on Thursday.",
        "Two of the horses claimed the first two places in a sprint at the racecourse on Friday.",
    ):
        assert suggest_attributions(narration) == [], narration


def test_saying_nothing_or_little_states_nothing():
    text = "The minister said nothing. Police said little about the raid. The mayor said nothing had changed."
    assert [claim_text(text, s) for s in suggest_attributions(text)] == ["nothing had changed"]


def test_state_is_a_noun_unless_that_follows_and_posted_a_loss_is_no_post():
    text = (
        "Indigenous leaders in Amapá state said they had learned of the project from the radio. "
        "Dongbaek posted a net loss of 42 billion won for the second quarter. Court papers state that he fled."
    )
    assert [(s.cue_text, claim_text(text, s)) for s in suggest_attributions(text)] == [
        ("said", "they had learned of the project from the radio"),
        ("state", "he fled"),
    ]


def test_that_after_a_preposition_is_inside_the_claim():
    text = "Amber collector Piotr Nowak said a lump of that size could fetch about 20,000 zlotys."
    (said,) = suggest_attributions(text)
    assert claim_text(text, said) == "a lump of that size could fetch about 20,000 zlotys"


def test_a_time_noun_inside_the_claim_s_subject_is_not_a_time_phrase():
    text = "Astronomers in Chile say the night sky has brightened. Police said the night shift had been cut."
    assert [claim_text(text, s) for s in suggest_attributions(text)] == [
        "the night sky has brightened",
        "the night shift had been cut",
    ]


def test_a_plural_noun_spelt_like_a_cue_hides_no_later_according_to():
    text = (
        "The data, including their medical notes, were left open for 11 months, "
        "according to a review by the Swedish Authority for Privacy Protection."
    )
    (claim,) = suggest_attributions(text)
    assert claim_text(text, claim) == "The data, including their medical notes, were left open for 11 months"
    assert claim.source_text == "Swedish Authority for Privacy Protection"
    # after a role, the same form is the verb
    (claim,) = suggest_attributions("The minister notes that prices rose.")
    assert claim.cue_text == "notes"


def test_about_a_number_opens_a_claim():
    text = "The agency said about 4,200 hectares of rice fields in the towns of Ubay and Talibon would go unplanted."
    (claim,) = suggest_attributions(text)
    assert claim_text(text, claim).startswith("about 4,200 hectares")


def test_a_call_s_saying_clause_is_the_body_s_claim():
    text = "The prefecture of Catania asked employers to halt outdoor work, saying that temperatures could reach 44 C."
    (claim,) = suggest_attributions(text)
    assert (claim_text(text, claim), claim.source_text) == ("temperatures could reach 44 C", "prefecture of Catania")


def test_a_medium_posted_before_that():
    text = "Ben Hmida-Triki said in a video posted online that he had shared a cell with eight other men."
    (claim,) = suggest_attributions(text)
    assert (claim_text(text, claim), claim.channel_text) == ("he had shared a cell with eight other men", "video")


def test_speaking_on_condition_of_anonymity_after_the_cue_leaves_the_claim_on_the_left():
    text = (
        "The tax on sugary drinks will rise next year, three officials said on Monday, speaking on condition of "
        "anonymity because the plan had not been made public."
    )
    (claim,) = suggest_attributions(text)
    assert claim_text(text, claim) == "The tax on sugary drinks will rise next year"
