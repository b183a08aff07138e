// Workspace keyboard shortcuts, text selection and the source type-ahead. Everything here focuses
// or clicks real controls or fills real form fields, so each action also works without JavaScript.
(function () {
  "use strict";

  function typing(target) {
    return target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName);
  }

  var ROW = ".sentences > li";

  // The items j/k move between: sentences in the workspace, proposals in the review queue.
  function rows() {
    return Array.prototype.slice.call(document.querySelectorAll(ROW + ", .review-item"));
  }

  function isSentence(row) {
    return row.parentElement.classList.contains("sentences");
  }

  // The sentence row after (step 1) or before (step -1) a row, across paragraphs, without looking at
  // the thousands of other rows a transcript has.
  function sentenceBeside(row, step) {
    var next = step > 0 ? row.nextElementSibling : row.previousElementSibling;
    if (next) return next;
    var section = row.closest(".paragraph");
    while (section && (section = step > 0 ? section.nextElementSibling : section.previousElementSibling)) {
      var candidates = section.querySelectorAll(ROW);
      if (candidates.length) return candidates[step > 0 ? 0 : candidates.length - 1];
    }
    return null;
  }

  // The current sentence is remembered here, not read back from the class: htmx's settle step can
  // restore a swapped row's server-side class a moment after the editor has moved on.
  var currentId = null;

  function currentRow() {
    return (
      document.getElementById(currentId) ||
      document.querySelector(ROW + ".is-current") ||
      document.querySelector(ROW + ", .review-item")
    );
  }

  function setCurrent(row) {
    if (!row) return;
    Array.prototype.slice.call(document.getElementsByClassName("is-current")).forEach(function (r) {
      if (r !== row) r.classList.remove("is-current");
    });
    currentId = row.id;
    row.classList.add("is-current");
    row.tabIndex = -1;
    row.focus({ preventScroll: true });
    row.scrollIntoView({ block: "nearest" });
    if (isSentence(row)) carryMarkButton(row);
  }

  // The page has one "Mark as claim" button, on the current row; it follows the editor from row to row.
  var markButtons = document.getElementsByClassName("mark-button");

  function carryMarkButton(row) {
    var button = markButtons[0];
    if (!button) return;
    // An out-of-band row swap may have brought a second one.
    while (markButtons.length > 1) markButtons[markButtons.length - 1].remove();
    if (button.parentElement === row) return;  // moving it mid-click would lose the click
    button.setAttribute("formaction", "sentences/" + row.id.replace("sentence-", "") + "/claims/");
    row.appendChild(button);
  }

  function move(step) {
    var row = currentRow();
    if (row && isSentence(row)) {
      setCurrent(sentenceBeside(row, step) || row);
      return;
    }
    var all = rows();
    var index = all.indexOf(row);
    setCurrent(all[Math.min(Math.max(index + step, 0), all.length - 1)]);
  }

  // Sentence rows carry plain links and a form button (no htmx attributes, so a transcript's page stays
  // light); with JavaScript they open the side panel and post their form through htmx instead. A
  // suggestion chip opens its sentence, where the panel has the suggestion's decisions.
  document.addEventListener("click", function (event) {
    var body = event.target.closest && event.target.closest(".article__body");
    if (!body || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey) return;
    var link = event.target.closest('a[href^="?"]');
    var chip = event.target.closest("[data-suggestion]");
    var button = event.target.closest("button[formaction]");
    var panel = { target: "#panel", swap: "outerHTML" };
    var workspace = body.closest("[data-panel-url]");
    if (link || chip) {
      event.preventDefault();
      var query = link ? link.search : "?sentence=" + chip.closest(ROW).id.replace("sentence-", "");
      htmx.ajax("GET", workspace.dataset.panelUrl + query, Object.assign({ source: link || chip }, panel));
    } else if (button && button.form) {
      event.preventDefault();
      var values = Object.fromEntries(new FormData(button.form));
      htmx.ajax("POST", button.formAction, Object.assign({ source: button, values: values }, panel));
    }
  });

  function click(selector, scope) {
    var element = (scope || document).querySelector(selector);
    if (element) element.click();
    return element;
  }

  var VERDICT_KEYS = { "1": "confirmed", "2": "denied", "3": "unverified" };

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) {
      // Ctrl+Enter saves from a text area.
      if (event.key === "Enter" && event.target.tagName === "TEXTAREA" && event.target.form) {
        event.preventDefault();
        event.target.form.requestSubmit();
      }
      return;
    }
    if (event.key === "Escape") {
      if (typing(event.target)) { event.target.blur(); return; }
      click("#panel [data-cancel]");
      return;
    }
    if (typing(event.target)) return;
    if (reviewKey(event.key)) { event.preventDefault(); return; }
    var panel = document.getElementById("panel");
    switch (event.key) {
      case "j": case "ArrowDown": move(1); break;
      case "k": case "ArrowUp": move(-1); break;
      case "o": case "Enter":
        if (!document.activeElement.matches(ROW)) return;
        click('.claim-chips a', currentRow()) || click('a[href^="?sentence="]', currentRow());
        break;
      case "c": markCurrent(); break;
      case "s":
        var speaker = panel && panel.querySelector("input[name=speaker]");
        if (speaker) speaker.focus(); else return;
        break;
      case "1": case "2": case "3":
        var verdict = panel && panel.querySelector("select[name=verdict]");
        if (!verdict) return;
        verdict.value = VERDICT_KEYS[event.key];
        verdict.focus();
        break;
      case "r": click("#panel [data-reviewed]"); break;
      case "a": if (!decideSuggestion("accept")) return; break;
      case "x": if (!decideSuggestion("dismiss")) return; break;
      case "n": click("[data-shortcut=n]"); break;
      case "?":
        var sheet = document.getElementById("shortcuts");
        if (sheet && !sheet.open) sheet.showModal();
        break;
      default: return;
    }
    event.preventDefault();
  });

  // Review queue: a approves, r moves to the reason field (Enter there rejects), x selects.
  function reviewKey(key) {
    var item = currentRow();
    if (!item || !item.classList.contains("review-item")) return false;
    if (key === "a") click("[data-approve]:not([disabled])", item);
    else if (key === "r") { var reason = item.querySelector("[data-reject-comment]"); if (reason) reason.focus(); }
    else if (key === "x") click("[data-select]", item);
    else return false;
    return true;
  }

  // Selecting words inside one sentence narrows the next "Mark as claim" to them.
  function codePoints(text) { return Array.from(text).length; }

  function selectionIn(row) {
    var selection = window.getSelection();
    var holder = row.querySelector(":scope > p");
    if (!selection || selection.isCollapsed || !holder) return null;
    var range = selection.getRangeAt(0);
    if (!holder.contains(range.startContainer) || !holder.contains(range.endContainer)) return null;
    var before = document.createRange();
    before.selectNodeContents(holder);
    before.setEnd(range.startContainer, range.startOffset);
    var lead = before.toString();
    var chosen = range.toString();
    var trimmedStart = chosen.length - chosen.replace(/^\s+/, "").length;
    chosen = chosen.trim();
    if (!chosen) return null;
    // Offsets into the sentence, in code points as the server counts them.
    var start = codePoints(lead) + trimmedStart;
    return { start: start, end: start + codePoints(chosen) };
  }

  // a and x: accept or dismiss the current row's first suggestion (the panel lists them all with buttons).
  function decideSuggestion(decision) {
    var row = currentRow();
    var chip = row && row.querySelector("[data-suggestion]");
    if (!chip) return false;
    var workspace = chip.closest("[data-panel-url]");
    var url = workspace.dataset[decision + "Url"].replace("{}", chip.dataset.suggestion);
    var values = Object.fromEntries(new FormData(document.getElementById("suggestion-form")));
    htmx.ajax("POST", url, { source: chip, values: values, target: "#panel", swap: "outerHTML" });
    return true;
  }

  function markCurrent() {
    click(".mark-button", currentRow());
  }

  // Every Mark button submits the page's one #mark-form: fill its span from the selection first.
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest(".mark-button");
    var form = document.getElementById("mark-form");
    if (!button || !form) return;
    var span = selectionIn(button.closest(ROW));
    form.elements.start.value = span ? span.start : "";
    form.elements.end.value = span ? span.end : "";
  }, true);

  document.addEventListener("mouseup", function (event) {
    var row = event.target.closest && event.target.closest(ROW);
    if (row && selectionIn(row)) setCurrent(row);
  });

  document.addEventListener("click", function (event) {
    var row = event.target.closest && event.target.closest(ROW);
    if (row && !event.target.closest("a, button")) setCurrent(row);
  });

  // Source type-ahead (the claim's Speaker, the source page's Merge into): matches from the registry by
  // name or alias. Picking one fills the hidden id field the input names in data-id-field. The Speaker
  // also offers to create a source of the typed name: that option sets and shows the "Speaker is"
  // choice the input names in data-kind-field, which Save follows.
  function searchInput(form) {
    return form && form.querySelector("input[data-search-url]");
  }

  var searchTimer;
  document.addEventListener("input", function (event) {
    var input = event.target;
    if (!input.dataset || !input.dataset.searchUrl || !input.form) return;
    input.form.elements[input.dataset.idField].value = "";
    clearTimeout(searchTimer);
    searchTimer = setTimeout(function () {
      var url = new URL(input.dataset.searchUrl, location.href);
      url.searchParams.set("q", input.value);
      htmx.ajax("GET", url.pathname + url.search, { target: "#source-options", swap: "outerHTML" });
    }, 150);
  });

  document.addEventListener("click", function (event) {
    var option = event.target.closest && event.target.closest(".source-option");
    if (!option) return;
    var form = option.closest("form");
    var input = searchInput(form);
    input.value = option.dataset.sourceName;
    form.elements[input.dataset.idField].value = option.dataset.sourceId || "";
    var list = document.getElementById("source-options");
    if (list) list.hidden = true;
    var next = input.dataset.nextField ? form.elements[input.dataset.nextField] : form.querySelector("[type=submit]");
    var kinds = input.dataset.kindField && form.elements[input.dataset.kindField];
    if (kinds) {
      var choice = kinds[0].closest("fieldset");
      kinds.value = option.dataset.newKind || "existing";
      choice.hidden = !option.dataset.newKind;
      if (option.dataset.newKind) next = choice.querySelector("input[type=text]");
    }
    next.focus();
  });

  document.addEventListener("keydown", function (event) {
    var options = Array.prototype.slice.call(document.querySelectorAll("#source-options .source-option"));
    if (!options.length || (event.key !== "ArrowDown" && event.key !== "ArrowUp")) return;
    var index = options.indexOf(document.activeElement);
    if (!(event.target.dataset && event.target.dataset.searchUrl) && index < 0) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    var next = event.key === "ArrowDown" ? index + 1 : index - 1;
    if (next < 0) { searchInput(options[0].closest("form")).focus(); return; }
    options[Math.min(next, options.length - 1)].focus();
  }, true);

  // The stylesheet's one-column layout, where the panel sits below the text.
  var STACKED = window.matchMedia("(max-width: 60rem)");

  // After htmx swaps the panel, its sentence becomes the current one. Focus goes to the first field
  // with an error, or back to the sentence row so j/k and the other shortcuts carry on. Where the panel
  // sits below the text, a claim opened from a row would load out of sight, so its form is brought into
  // view and its first field (Speaker) takes focus. This runs at swap time, not settle time, so it never
  // takes focus from a field the editor has moved to since.
  document.addEventListener("htmx:afterSwap", function (event) {
    var panel = document.getElementById("panel");
    if (!panel || !event.detail.target || event.detail.target.id !== "panel") return;
    var row = document.getElementById("sentence-" + panel.dataset.sentence);
    var invalid = panel.querySelector(".field--invalid input, .field--invalid select, .field--invalid textarea");
    var field = panel.querySelector("[data-claim-form] input:not([type=hidden])");
    var source = event.detail.requestConfig.elt;
    var focus = document.activeElement;
    if (invalid) invalid.focus();
    else if (row && (!focus || focus === document.body || panel.contains(focus) || focus.closest(ROW))) {
      setCurrent(row);
      if (field && STACKED.matches && !source.closest("#panel")) {
        panel.scrollIntoView();
        field.focus();
      }
    }
  });
})();
