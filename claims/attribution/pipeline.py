"""suggest_attributions: the stages run over a whole text, sentence by sentence, then across sentences."""

from claims.segmentation import split_sentences

from .candidates import candidates_for
from .cues import find_attributions
from .memory import Memory
from .narration import note_names, note_people_met
from .quotes import fill_following_quotes, fill_quote_blocks
from .tokens import tokenized_sentences


def suggest_attributions(text, language="en", progress=None):
    """Suggested claims with their sources, cues and channels, sorted by content_start. progress, if
    given, is called with (sentences done, sentences in all) as the work goes (a background job's bar)."""
    if not text or text.isspace():
        return []
    memory = Memory(text)
    blocks = []  # runs of sentences joined by a quotation left open
    sentences = split_sentences(text, language)
    per_sentence = []
    for index, (toks, opened_before, in_quote) in enumerate(tokenized_sentences(text, sentences)):
        s_start, s_end = sentences[index]
        clock = memory.sentence_clock = memory.clock
        note_names(text, toks, memory)
        per_sentence.append(
            [
                found
                for attr in find_attributions(toks)
                for found in candidates_for(text, toks, s_start, s_end, attr, memory)
            ]
        )
        if toks:
            note_people_met(text, toks, memory, since=clock)
        if opened_before and blocks and blocks[-1][-1] == index - 1:
            blocks[-1].append(index)
        elif in_quote:
            blocks.append([index])
        if progress:
            progress(index + 1, len(sentences))
    fill_quote_blocks(text, sentences, per_sentence, blocks)
    fill_following_quotes(text, sentences, per_sentence)
    results = [found for sentence in per_sentence for found in sentence]
    results.sort(key=lambda s: (s.content_start, s.content_end))
    return results
