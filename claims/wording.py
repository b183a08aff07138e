"""How a verdict and a speaker read, the same on every workbench page and in every export.
Pure: plain values in, text out; no Django."""

# A symbol and a word for each verdict, so that nothing relies on colour alone, and what the verdict
# means (the reader page's legend). "none" stands for a claim without a label.
VERDICTS = {
    "confirmed": ("✓", "Confirmed", "supported by the evidence we found"),
    "denied": ("✗", "Denied", "contradicted by the evidence we found"),
    "unverified": ("?", "Unverified", "not yet shown to be true or false"),
    "none": ("–", "Not labelled", "no verdict proposed yet"),
}


def verdict_key(verdict):
    """The VERDICTS key for a verdict value: "none" for no verdict or one this table does not know."""
    return verdict if verdict in VERDICTS else "none"


def speaker_line(source, *, with_name=True):
    """ "Dmitry Peskov, Kremlin spokesperson, Russian presidency": the source's name, role and affiliation,
    those that are filled in. Without the name, the description alone, for lists that show the name apart.
    `source` is anything with name, role and affiliation: a Source or an export snapshot's SourceData."""
    parts = (source.name if with_name else "", source.role, source.affiliation)
    return ", ".join(part for part in parts if part)
