// The newsprobe page: read the input, call POST /v1/check, render the JSON it returns; or,
// in a saved report (newsprobe check --html), render the JSON the page carries.
// No framework and no build step. Every value from the server is written with textContent
// (never innerHTML), so an article cannot inject markup into the page.
"use strict";

(function () {
  const $ = (id) => document.getElementById(id);
  const SVG = "http://www.w3.org/2000/svg";
  const URL_RE = /^https?:\/\/\S+$/i;
  const LABELS = {
    machine: "Likely MACHINE-WRITTEN",
    human: "Not flagged (likely human-written)",
    too_short: "Too short to judge",
    unsupported_language: "Language not covered",
  };
  // A human verdict on the start with a turn after it: mixed, said first.
  const turnOf = (r) =>
    r.label === "human" && r.boundary && Number.isInteger(r.boundary.sentence)
      ? r.boundary.sentence : -1;
  // A verdict below the threshold with a probability of 50% or more is not "likely
  // human": the threshold is strict (set on human news), so say what is uncertain.
  // Above a threshold set low on a user's own human news, under 50% is not "likely
  // machine-written" either.
  const labelText = (r) =>
    turnOf(r) >= 0
      ? `Mixed: machine-written from sentence ${turnOf(r) + 1} on`
      : r.label === "human" && r.machine_probability >= 0.5
        ? "Not flagged (uncertain, leaning machine)"
        : r.label === "machine" && r.machine_probability < 0.5
          ? "Flagged (leaning human)"
          : LABELS[r.label] || r.label;
  const CLAIM_WORDS = {
    supported: "supported",
    contradicted: "contradicted",
    not_enough_evidence: "not enough evidence",
  };
  let pendingFile = null; // {kind: "file"|"pdf", content (base64), name}
  let shown = null; // the result on screen, for "Save as a report page"
  let verdictFeatures = [];
  let meanings = {}; // scorer -> what its value says (from /v1/models or the saved report)
  let modelInfo = false; // /v1/models read (a keyed server refuses it without the key)
  // What the page reads as one article; other files are refused, as docs/service.md says.
  const ARTICLE_FILE = /\.(txt|text|md|markdown|html?|pdf)$/i;
  const ARTICLE_TYPES = ["text/plain", "text/html", "text/markdown", "application/pdf"];
  const RECORD_FILE = /\.(csv|tsv|jsonl|ndjson|json|parquet|warc)(\.gz)?$/i;

  const pct = (p) => (p === null || p === undefined ? "n/a" : (100 * p).toFixed(1) + "%");

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === "class") node.className = v;
      else node.setAttribute(k, v);
    }
    for (const c of children) {
      if (c === null || c === undefined) continue;
      node.append(c instanceof Node ? c : String(c));
    }
    return node;
  }

  function svg(tag, attrs) {
    const node = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
    return node;
  }

  // Point on the gauge's half circle for a probability p in [0, 1] (0 left, 1 right).
  function polar(p, r) {
    const a = Math.PI * (1 - p);
    return [100 + r * Math.cos(a), 100 - r * Math.sin(a)];
  }

  function arc(p0, p1, r) {
    const [x0, y0] = polar(p0, r);
    const [x1, y1] = polar(p1, r);
    return `M ${x0.toFixed(2)} ${y0.toFixed(2)} A ${r} ${r} 0 0 1 ${x1.toFixed(2)} ${y1.toFixed(2)}`;
  }

  function renderGauge(result) {
    const box = $("gauge");
    box.replaceChildren();
    const p = result.machine_probability;
    const t = result.threshold;
    const s = svg("svg", { viewBox: "0 0 200 142", role: "img", "aria-labelledby": "gauge-title" });
    const title = svg("title", { id: "gauge-title" });
    title.textContent = p === null || p === undefined
      ? "No machine probability: text too short"
      : `Machine probability ${pct(p)}; flagged above ${pct(t)}`;
    s.append(title);
    s.append(svg("path", { d: arc(0, 1, 80), class: "track", "stroke-width": 18, fill: "none" }));
    if (t !== null && t !== undefined) {
      s.append(svg("path", { d: arc(t, 1, 80), class: "flagged", "stroke-width": 18, fill: "none" }));
    }
    if (p !== null && p !== undefined && p > 0) {
      s.append(svg("path", { d: arc(0, Math.min(p, 0.9999), 80), class: "value",
        "stroke-width": 8, fill: "none" }));
      const [nx, ny] = polar(p, 64);
      s.append(svg("line", { x1: 100, y1: 100, x2: nx, y2: ny, class: "needle", "stroke-width": 3 }));
      s.append(svg("circle", { cx: 100, cy: 100, r: 5, class: "hub" }));
    }
    if (t !== null && t !== undefined) {
      const [ax, ay] = polar(t, 68);
      const [bx, by] = polar(t, 94);
      s.append(svg("line", { x1: ax, y1: ay, x2: bx, y2: by, class: "tick", "stroke-width": 3 }));
    }
    const big = svg("text", { x: 100, y: 138, "text-anchor": "middle", class: "big" });
    big.textContent = pct(p);
    const lo = svg("text", { x: 20, y: 116, "text-anchor": "middle" });
    lo.textContent = "0%";
    const hi = svg("text", { x: 180, y: 116, "text-anchor": "middle" });
    hi.textContent = "100%";
    s.append(big, lo, hi);
    box.append(s);
    $("gauge-caption").textContent = t === null || t === undefined
      ? "machine probability"
      : `machine probability; red zone: above the ${pct(t)} threshold`;
  }

  // As the terminal shades them: red above the cut-off that few human news sentences
  // pass, yellow above the lower one, plain below (cuts: {red, yellow}). The backgrounds
  // stay light, so dark text keeps its contrast, and each sentence also says its number in
  // words.
  function sentenceColour(p, cuts) {
    if (p > cuts.red) return "hsl(0, 80%, 82%)";
    if (p > cuts.yellow) return "hsl(50, 95%, 75%)";
    return "";
  }

  function sentenceCuts(result) {
    const red = result.sentence_threshold ?? result.threshold ?? 0.5;
    const yellow = result.sentence_shade ?? red / 2;
    const calibrated = result.sentence_threshold !== undefined &&
      result.sentence_threshold !== null && result.sentence_shade !== undefined &&
      result.sentence_shade !== null;
    const key = calibrated
      ? `red: above ${pct(red)} (at most ${pct(result.sentence_fpr_target)} of human news ` +
        `sentences); yellow: above ${pct(yellow)} (at most ` +
        `${pct(result.sentence_shade_fpr_target)}); plain below; grey text: beyond the ` +
        "scored token window"
      : `red: above the threshold (${pct(red)}); yellow: above half of it; plain below; ` +
        "grey text: beyond the scored token window";
    return { red, yellow, key };
  }

  // boundary: where a mixed article turns machine-written (index into sentences), or null.
  function renderSentences(sentences, cuts, boundary) {
    const box = $("sentences");
    box.replaceChildren();
    $("sentences-legend").textContent = cuts.key;
    const list = Array.isArray(sentences) ? sentences : [];
    $("sentences-section").hidden = list.length === 0;
    const turn = boundary && Number.isInteger(boundary.sentence) ? boundary.sentence : -1;
    $("boundary-note").hidden = turn < 0;
    const likely = turn >= 0 && Array.isArray(boundary.likely_range) &&
      boundary.likely_range.length === 2 && boundary.likely_range.every(Number.isInteger)
      ? boundary.likely_range : null;
    if (turn >= 0) {
      const [low, high] = likely ? likely.map((i) => i + 1) : [0, 0];
      const where = low === high ? `sentence ${low}` : `sentences ${low}-${high}`;
      $("boundary-note").textContent = `Mixed: machine-written from sentence ${turn + 1} on ` +
        (likely ? `(the turn is in ${where}, underlined, with ` +
          `${pct(boundary.likely_level)} probability; ` : "(") +
        (boundary.test === "ending"
          ? "its ending, read alone, reads machine-written more strongly"
          : "the evidence of a turn is stronger") + " than in all but " +
        `${pct(boundary.fpr_target)} of human news articles).`;
    }
    let para = el("p", {});
    list.forEach((s, i) => {
      if (i === turn) {
        para.append(el("mark", { class: "boundary", title: "machine-written from here" }, "▶ "));
      }
      const p = s.machine_probability;
      const scored = p !== null && p !== undefined;
      const inRange = likely && i >= likely[0] && i <= likely[1];
      const span = el("span", { class: (scored ? "sentence" : "sentence unscored") +
          (inRange ? " likely-turn" : ""),
        title: scored ? `machine probability ${pct(p)}` : "not scored (beyond the token window)",
        "data-p": scored ? String(p) : "" });
      if (scored) span.style.backgroundColor = sentenceColour(p, cuts);
      span.append(s.text || "");
      span.append(el("span", { class: "visually-hidden" },
        scored ? ` (machine ${pct(p)})` : " (not scored)"));
      para.append(span);
      const next = list[i + 1];
      // Sentences are one space apart; a wider gap in the offsets is a paragraph break.
      if (next && Number.isInteger(next.start) && Number.isInteger(s.end) && next.start - s.end > 1) {
        box.append(para);
        para = el("p", {});
      } else if (next) {
        para.append(" ");
      }
    });
    box.append(para);
  }

  function renderList(sectionId, listId, items, toNode) {
    const list = $(listId);
    list.replaceChildren(...items.map(toNode));
    $(sectionId).hidden = items.length === 0;
  }

  function renderEvasion(evasion) {
    const items = Object.entries(evasion || {});
    const words = {
      invisible_characters: "invisible characters",
      homoglyphs: "look-alike letters",
      spaced_hyphens: "compounds spaced by machine translation",
    };
    renderList("evasion-section", "evasion", items, ([k, n]) =>
      el("li", { class: n > 0 ? "found" : "" }, `${words[k] || k.replaceAll("_", " ")}: ${n}`,
        n > 0 ? " (a warning sign in news text)" : ""));
  }

  function renderRemoved(removed) {
    const items = Array.isArray(removed) ? removed : [];
    renderList("removed-section", "removed", items, (r) => {
      if (typeof r === "string") return el("li", {}, r);
      const why = (r.reason || r.label || "").replaceAll("_", " ");
      return el("li", {}, why ? el("span", { class: "reason" }, `${why}: `) : null,
        r.text || "");
    });
  }

  // A source's address becomes a link only if it is http(s): a store row with a
  // javascript: URL must not turn into something a click runs.
  function evidenceNode(e) {
    const line = el("li", { class: "evidence-line" });
    const name = e.title || e.source || e.url || "source";
    const source = /^https?:\/\//i.test(e.url || "")
      ? el("a", { href: e.url, rel: "noopener noreferrer", class: "source" }, name)
      : el("span", { class: "source" }, name);
    line.append("Source ", source, ": ", el("q", {}, e.sentence || e.text || ""));
    return line;
  }

  // Claims appear only when the claims stage ran ("claims" present, even if empty).
  function renderClaims(result) {
    const ran = Array.isArray(result.claims);
    const claims = ran ? result.claims : [];
    const counts = { supported: 0, contradicted: 0, not_enough_evidence: 0 };
    for (const c of claims) counts[c.verdict || "not_enough_evidence"] += 1;
    $("claims-summary").textContent = `${claims.length} ${claims.length === 1 ? "claim" : "claims"}: ${counts.contradicted} ` +
      `contradicted, ${counts.supported} supported, ${counts.not_enough_evidence} ` +
      "without enough evidence";
    renderList("claims-section", "claims", claims, (c) => {
      const verdict = c.verdict || "not_enough_evidence";
      const li = el("li", {},
        el("span", { class: `badge ${verdict}` }, CLAIM_WORDS[verdict] || verdict), c.text || "");
      const evidence = el("ul", { class: "evidence" });
      // A verdict no conflict explains says what it rests on.
      if (c.reason) evidence.append(el("li", { class: "conflict" }, `why: ${c.reason}`));
      for (const k of c.conflicts || []) {
        evidence.append(el("li", { class: "conflict" },
          `${k.kind}: the article says “${k.claim}”, ${k.title || k.source} says “${k.source_says}”`));
      }
      for (const e of (c.evidence || []).filter((x) => x.relevant !== false).slice(0, 3)) {
        evidence.append(evidenceNode(e));
      }
      if (evidence.childElementCount) li.append(evidence);
      return li;
    });
    if (result.claims_note) {
      $("claims-summary").textContent += `. Note: ${result.claims_note}.`;
    }
    if (result.claims_not_checked) {
      $("claims-summary").textContent = `Not checked: ${result.claims_not_checked}.`;
    }
    if (result.claims_error) {
      $("claims-summary").textContent = `Not checked: ${result.claims_error}.`;
    }
    $("claims-section").hidden = !ran && !result.claims_not_checked && !result.claims_error;
  }

  function renderScores(scores) {
    const rows = Object.entries(scores || {}).map(([k, v]) => el("tr", {},
      el("th", { scope: "row" }, k),
      el("td", {}, v === null ? "n/a" : Number(v).toFixed(4)),
      el("td", {}, verdictFeatures.includes(k) ? "yes" : ""),
      el("td", { class: "detail" }, meanings[k.split("@")[0]] || "")));
    $("scores").replaceChildren(...rows);
  }

  function renderMeta(result) {
    const fields = [["title", "Title"], ["site", "Site"], ["author", "Author"], ["date", "Date"],
      ["url", "Address"], ["language", "Language"], ["model", "Model"],
      ["tokens", "Tokens the verdict reads"]];
    const nodes = [];
    for (const [k, name] of fields) {
      if (result[k] === undefined || result[k] === null || result[k] === "") continue;
      nodes.push(el("dt", {}, name), el("dd", {}, String(result[k])));
    }
    // A text mixing languages: said beside the language (its caveat is under the verdict).
    if (result.languages && typeof result.languages === "object") {
      const shares = Object.entries(result.languages).map(([lang, s]) => `${lang} ${pct(s)}`);
      nodes.push(el("dt", {}, "Languages"), el("dd", {}, `${shares.join(", ")} of its paragraphs`));
    }
    $("meta").replaceChildren(...nodes);
  }

  function render(result) {
    shown = result;
    renderGauge(result);
    const v = $("verdict");
    v.className = `verdict ${turnOf(result) >= 0 ? "mixed" : result.label}`;
    v.textContent = labelText(result);
    // Too short, or in a language the detector does not cover: no number, so the reason
    // stands in for it, and the scores and evasion counts of a text not judged are not shown.
    const judged = result.machine_probability !== null && result.machine_probability !== undefined;
    // A verdict read on the start of a mixed article: its number is the start's.
    $("verdict-detail").textContent = !judged
      ? (result.reason || "too few tokens to judge")
      : `Machine probability ${pct(result.machine_probability)}` +
        (turnOf(result) >= 0 ? " (of its start)" : "") + "; articles above " +
        `${pct(result.threshold)} are flagged, which flags at most ` +
        `${pct(result.fpr_target)} of human news` +
        (result.threshold_texts ? ` (measured on ${result.threshold_texts} texts).` : ".");
    // What limits the number (a short text, several stories, another language).
    const caveats = Array.isArray(result.caveats) ? result.caveats : [];
    $("caveats").replaceChildren(...caveats.map((c) => el("li", {}, c)));
    $("caveats").hidden = caveats.length === 0;
    const flags = Array.isArray(result.flags) ? result.flags : [];
    $("flags").replaceChildren(...flags.map((f) => el("li", {}, f)));
    $("flags-box").hidden = flags.length === 0;
    renderMeta(result);
    renderSentences(result.sentences, sentenceCuts(result), result.boundary);
    renderEvasion(result.evasion);
    renderRemoved(result.removed);
    renderClaims(result);
    renderScores(result.scores);
    if (!judged) $("evasion-section").hidden = true;
    document.querySelector("#result details.scores").hidden = !judged;
    $("result").hidden = false;
  }

  function showError(message) {
    const box = $("error");
    box.textContent = message;
    box.hidden = !message;
  }

  // The last article's verdict, taken away once another is asked for: left under an
  // error, it read as the answer for the new one.
  function clearResult() {
    shown = null;
    $("result").hidden = true;
    $("status").textContent = "";
  }

  function headers() {
    const h = { "Content-Type": "application/json", Accept: "application/json" };
    const key = $("api-key").value.trim();
    if (key) h["X-API-Key"] = key;
    return h;
  }

  function requestBody() {
    const fpr = $("fpr").value;
    let body;
    if (pendingFile) {
      body = { [pendingFile.kind]: pendingFile.content };
      if (pendingFile.kind === "file") body.filename = pendingFile.name;
    } else {
      const value = $("input").value.trim();
      if (!value) return null;
      body = URL_RE.test(value) ? { url: value } : { text: value };
    }
    if (fpr) body.fpr = Number(fpr);
    const date = $("date").value;
    if (date) body.date = date;
    return body;
  }

  async function submit(event) {
    event.preventDefault();
    showError("");
    clearResult();
    const body = requestBody();
    if (!body) {
      showError("Paste an article, give its URL, or drop a file first.");
      $("input").focus();
      return;
    }
    const button = $("submit");
    button.disabled = true;
    $("status").textContent = "Checking… (about a second per article)";
    try {
      const response = await fetch("/v1/check", { method: "POST", headers: headers(),
        body: JSON.stringify(body) });
      let data = null;
      try { data = await response.json(); } catch (_) { data = null; }
      if (!response.ok) {
        const retry = response.headers.get("Retry-After");
        const why = (data && data.error) || `the server answered ${response.status}`;
        showError(`Could not check this article: ${why}` +
          (retry ? ` (try again in ${retry} s)` : ""));
        $("status").textContent = "";
        return;
      }
      if (!modelInfo) await loadModelInfo(); // refused before an API key was typed
      render(data);
      $("status").textContent = `Done: ${labelText(data)}.`;
    } catch (err) {
      showError(`Could not reach the server: ${err.message}`);
      $("status").textContent = "";
    } finally {
      button.disabled = false;
    }
  }

  function usePdf(file) {
    // Sent as base64; the server reads its text layer (the same as newsprobe check file.pdf).
    const reader = new FileReader();
    reader.onload = () => {
      const content = String(reader.result || "").replace(/^data:[^,]*,/, "");
      pendingFile = { kind: "pdf", content, name: file.name };
      $("file-name").textContent = `File: ${file.name} (PDF; its text will be checked)`;
      $("file-note").hidden = false;
      $("status").textContent = `Loaded ${file.name}.`;
    };
    reader.onerror = () => showError(`Could not read ${file.name}.`);
    reader.readAsDataURL(file);
  }

  function base64Of(bytes) {
    let binary = "";
    for (let i = 0; i < bytes.length; i += 0x8000) {
      binary += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
    }
    return btoa(binary);
  }

  function useFile(file) {
    if (!file) return;
    showError("");
    if (/\.pdf$/i.test(file.name) || file.type === "application/pdf") {
      usePdf(file);
      return;
    }
    if (!ARTICLE_FILE.test(file.name) && !ARTICLE_TYPES.includes(file.type)) {
      // A CSV or JSONL file holds many articles, and its rows read as one text were
      // judged as one: `newsprobe check` and /v1/check/batch read them row by row.
      showError(RECORD_FILE.test(file.name)
        ? `${file.name} holds many articles: check it with newsprobe check, or send its ` +
          "rows as items to /v1/check/batch."
        : `${file.name} is not a text, HTML or PDF file.`);
      return;
    }
    const isHtml = /\.html?$/i.test(file.name) || file.type === "text/html";
    // Markdown goes as Markdown: the server takes its markup off, as `check story.md` does.
    const isMarkdown = /\.(md|markdown)$/i.test(file.name) || file.type === "text/markdown";
    const reader = new FileReader();
    reader.onload = () => {
      const bytes = new Uint8Array(reader.result);
      const utf16 = bytes.length >= 2 &&
        ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
      if (!utf16 && bytes.includes(0)) {
        // An image or a Word file dropped here: its bytes are no article.
        showError(`${file.name} is not a text, HTML or PDF file.`);
        return;
      }
      let text = null;
      if (!isHtml && !isMarkdown && !utf16) {
        try {
          text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
        } catch (e) {
          text = null; // another encoding: the server tells which, as `check` does
        }
      }
      if (text !== null) {
        pendingFile = null;
        $("file-note").hidden = true;
        $("input").value = text.replace(/^\uFEFF/, "");
      } else {
        // The bytes go as they are: a page's declared charset, a Markdown file's markup and
        // a text in another encoding are read on the server as `newsprobe check` reads them.
        pendingFile = { kind: "file", content: base64Of(bytes), name: file.name };
        const what = isHtml ? "HTML; its main text will be checked"
          : isMarkdown ? "Markdown; its text will be checked"
          : "text in its own encoding; it will be checked";
        $("file-name").textContent = `File: ${file.name} (${what})`;
        $("file-note").hidden = false;
      }
      $("status").textContent = `Loaded ${file.name}.`;
    };
    reader.onerror = () => showError(`Could not read ${file.name}.`);
    reader.readAsArrayBuffer(file);
  }

  // The server builds the page (the same one `newsprobe check --html` writes) and sends
  // it as a download; the page saves it under the name the server gives.
  async function saveReport() {
    if (!shown) return;
    showError("");
    try {
      const response = await fetch("/v1/report", { method: "POST", headers: headers(),
        body: JSON.stringify({ results: [shown] }) });
      if (!response.ok) {
        let why = `the server answered ${response.status}`;
        try { why = (await response.json()).error || why; } catch (_) { /* not JSON */ }
        showError(`Could not save the report: ${why}`);
        return;
      }
      const url = URL.createObjectURL(await response.blob());
      const link = el("a", { href: url, download: "newsprobe-report.html" });
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (err) {
      showError(`Could not reach the server: ${err.message}`);
    }
  }

  function clearFile() {
    pendingFile = null;
    $("file").value = "";
    $("file-note").hidden = true;
    $("input").focus();
  }

  async function loadModelInfo() {
    try {
      const response = await fetch("/v1/models", { headers: headers() });
      if (response.status === 401) {
        $("sources-note").textContent = "This server asks for an API key (under the " +
          "form): with it, the page says whether claims are checked.";
        return;
      }
      if (!response.ok) return;
      const info = await response.json();
      modelInfo = true;
      verdictFeatures = info.features || [];
      meanings = info.meanings || {};
      const s = info.sources || {};
      $("sources-note").textContent = s.configured
        ? `Claims are checked against ${s.passages} passages from ${s.documents} trusted ` +
          `${s.documents === 1 ? "document" : "documents"} (newsprobe serve --sources).`
        : "No trusted sources on this server, so claims are not checked " +
          "(start it with newsprobe serve --sources).";
    } catch (_) { /* the page works without it */ }
  }

  function init() {
    $("check-form").addEventListener("submit", submit);
    $("save-report").addEventListener("click", saveReport);
    $("file").addEventListener("change", (e) => useFile(e.target.files[0]));
    $("file-clear").addEventListener("click", clearFile);
    $("api-key").addEventListener("change", () => { if (!modelInfo) loadModelInfo(); });
    $("input").addEventListener("keydown", (e) => {
      if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) $("check-form").requestSubmit();
    });
    const zone = $("drop-zone");
    zone.addEventListener("dragover", (e) => { e.preventDefault(); zone.classList.add("dragging"); });
    zone.addEventListener("dragleave", () => zone.classList.remove("dragging"));
    zone.addEventListener("drop", (e) => {
      e.preventDefault();
      zone.classList.remove("dragging");
      useFile(e.dataTransfer.files[0]);
    });
    loadModelInfo();
  }

  // A saved report (newsprobe check --html): the results are in the page, not fetched.
  // Several articles get a list; choosing one shows it in the same result view.
  function articleName(r, i) {
    // Its title and where it came from (two files with one headline are two articles),
    // else its number (as report/html.py's _name).
    let where = r.path || r.url;
    if (where && r.record_id) where = `${where}, row ${r.record_id}`;
    if (r.title && where) return `${r.title} (${where})`;
    return r.title || where || `article ${i + 1}`;
  }

  let current = 0; // the report's article on screen

  function showReport(results, i) {
    const r = results[i];
    current = i;
    $("result-heading").textContent = articleName(r, i);
    if (r.error) {
      $("result").hidden = true;
      showError(r.error);
    } else {
      showError("");
      render(r);
    }
    document.querySelectorAll("#report-articles button").forEach((b, j) => {
      if (j === i) b.setAttribute("aria-current", "true");
      else b.removeAttribute("aria-current");
    });
  }

  // Printing (or saving as PDF) a report of several articles prints every one of them,
  // each on a page of its own, not only the one on screen: copies of the result view,
  // made when printing starts and dropped after it (ids removed, so they stay copies).
  function printCopies(results, current) {
    const copies = results.map((r, i) => {
      showReport(results, i);
      let copy;
      if (r.error) {
        copy = el("section", { class: "result" },
          el("h2", {}, articleName(r, i)), el("p", { class: "error" }, r.error));
      } else {
        copy = $("result").cloneNode(true);
        copy.querySelectorAll("[id]").forEach((n) => n.removeAttribute("id"));
        copy.removeAttribute("id");
        copy.removeAttribute("aria-live");
      }
      copy.hidden = false;
      return el("div", { class: "print-article" }, copy);
    });
    showReport(results, current);
    $("report-print").replaceChildren(...copies);
  }

  function initReport(data) {
    $("save-report").parentElement.hidden = true; // this page is the saved report
    verdictFeatures = Array.isArray(data.features) ? data.features : [];
    meanings = data.meanings || {};
    const results = Array.isArray(data.results) ? data.results : [];
    if (results.length === 0) return showError("This report holds no articles.");
    if (results.length > 1) {
      const items = results.map((r, i) => {
        const button = el("button", { type: "button", class: "link-button" }, articleName(r, i));
        button.addEventListener("click", () => showReport(results, i));
        let what = r.error ? "could not be read"
          : `${labelText(r)}, machine probability ${pct(r.machine_probability)}`;
        if (Array.isArray(r.claims)) {
          const against = r.claims.filter((c) => c.verdict === "contradicted").length;
          what += `; ${against} of ${r.claims.length} claims contradicted`;
        }
        return el("li", {}, button, el("span", { class: "detail" }, ` ${what}`));
      });
      $("report-articles").replaceChildren(
        el("h2", {}, `${results.length} articles`), el("ol", {}, ...items));
      $("report-articles").hidden = false;
      const printed = el("div", { id: "report-print", class: "report-print" });
      $("result").after(printed);
      window.addEventListener("beforeprint", () => {
        printCopies(results, current);
        document.body.classList.add("printing-all");
      });
      window.addEventListener("afterprint", () => {
        document.body.classList.remove("printing-all");
        printed.replaceChildren();
      });
    }
    showReport(results, Math.max(0, results.findIndex((r) => !r.error)));
  }

  window.newsprobe = { render };
  document.addEventListener("DOMContentLoaded", () => {
    const saved = $("report-data");
    if (saved) initReport(JSON.parse(saved.textContent));
    else init();
  });
})();
