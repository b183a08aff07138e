"""What the conversion tests share: refusal and timing helpers, Word and zip builders, sample files."""

import io
import time
import zipfile
from pathlib import Path

import docx
import pytest

from claims.importing.conversion import ConversionError, extract

SEED = Path(__file__).resolve().parent.parent.parent / "seeds" / "000_3ebd80acff131b37.txt"


def refusal(data: bytes, **options) -> str:
    with pytest.raises(ConversionError) as raised:
        extract(data, **options)
    message = str(raised.value)
    assert "\n" not in message and message.endswith(".")
    return message


def timed(data: bytes, **options):
    start = time.perf_counter()
    try:
        outcome = extract(data, **options)
    except ConversionError as error:
        outcome = error
    return outcome, time.perf_counter() - start


def docx_bytes(build) -> bytes:
    document = docx.Document()
    build(document)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def zip_bytes(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        for name, content in members.items():
            package.writestr(name, content)
    return buffer.getvalue()


SAVED_PAGE = b"""<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Guerrillas cross the border | The Daily Planet</title>
<meta property="og:site_name" content="The Daily Planet">
<meta property="article:published_time" content="2023-05-22T14:03:00+03:00">
<style>body { color: red } p::after { content: "STYLE-TEXT" }</style>
<script>var leak = "SCRIPT-TEXT"; if (a < b && c) { document.write("<p>x</p>") }</script>
</head><body>
<!-- COMMENT-TEXT -->
<header><a href="/">The Daily Planet</a><nav><ul><li><a href="/world">World</a></li></ul></nav></header>
<aside>Most read: ASIDE-TEXT</aside>
<main>
<article>
<header><h1>Guerrillas cross the border</h1><p class="byline">By A. Writer</p>
<time datetime="2020-01-01">a wrong date</time></header>
<p>First paragraph with <b>bold</b>, an <a href="https://example.com">inline link</a> and &amp; entities&nbsp;here.</p>
<figure><img src="x.jpg" alt="ALT-TEXT"><figcaption>CAPTION-TEXT</figcaption></figure>
<p>Second
   paragraph,    spread over
   lines.<br>After a line break.</p>
<ul><li>Item one</li><li>Item two</li></ul>
<blockquote>A quotation.</blockquote>
<noscript>NOSCRIPT-TEXT</noscript>
<form><button>BUTTON-TEXT</button><select><option>OPTION-TEXT</option></select></form>
<footer>Tags: FOOTER-TEXT</footer>
</article>
<section><h2>Related</h2><article><p>A teaser for another story.</p></article></section>
</main>
<footer>Copyright FOOTER-TEXT</footer>
<iframe src="https://ads.example">IFRAME-TEXT</iframe>
</body></html>
"""


MARKDOWN = b"""---
title: "From the front matter"
date: 2023-05-22
---
# The headline

A paragraph with a [link](https://example.com "title"), *emphasis*, __strong__ and `code`.

- first item
- second item with **bold**

1. numbered

> A quotation.

<script>alert(1)</script> stays as typed, as does <b>this</b>.
"""
