// claimcheck reviewer: submits an article to the public API, follows the job, shows every claim with its verdict.
// Every string from the article or the result reaches the page through textContent or a DOM attribute, never as HTML.
"use strict";

(() => {
  const KEY_STORAGE = "claimcheck.apiKey";
  const LABELS = [
    ["refuted", "Refuted"],
    ["outdated", "Outdated"],
    ["partially_supported", "Partially supported"],
    ["unverifiable", "Unverifiable"],
    ["supported", "Supported"],
  ];
  const LABEL_NAMES = new Map(LABELS);
  const PENDING = new Set(["queued", "running"]);
  const WAIT_SECONDS = 10;
  const MAX_NETWORK_FAILURES = 5;
  const JOB_PATH = /^\/review\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\/?$/i;

  const $ = (id) => document.getElementById(id);
  let generation = 0; // bumped by every navigation, so a poll of an older job stops
  let view = null; // {job, claims (in text order), marks, items, selected}
  let ticker = null;

  class UiError extends Error {
    constructor(message, focusId) {
      super(message);
      this.focusId = focusId;
    }
  }

  /** An element with a class, text and attributes; children are nodes or strings (as text). */
  function el(tag, options = {}, ...children) {
    const node = document.createElement(tag);
    if (options.className) node.className = options.className;
    if (options.text !== undefined) node.textContent = String(options.text);
    for (const [name, value] of Object.entries(options.attrs || {})) node.setAttribute(name, String(value));
    for (const child of children) node.append(child);
    return node;
  }

  const labelName = (label) => LABEL_NAMES.get(label) || String(label);
  const labelClass = (label) => (LABEL_NAMES.has(label) ? `v-${label}` : "v-unverifiable");
  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  const humanize = (name) => String(name).replace(/_/g, " ");

  function showMessage(text, focusId) {
    const box = $("message");
    box.textContent = text;
    box.hidden = !text;
    if (focusId && $(focusId)) $(focusId).focus();
  }

  // ---- the API ---------------------------------------------------------------------------------------------

  function apiKey() {
    return sessionStorage.getItem(KEY_STORAGE) || "";
  }

  async function api(path, options = {}) {
    const key = apiKey();
    if (!key) throw new UiError("Enter your API key first.", "api-key");
    const headers = new Headers(options.headers || {});
    headers.set("Authorization", `Bearer ${key}`);
    return fetch(path, { ...options, headers, cache: "no-store", credentials: "omit" });
  }

  /** A sentence for a failed response: the problem's detail, and the invalid fields if any. */
  async function describe(response) {
    if (response.status === 401) return new UiError("The API key was refused. Check it and try again.", "api-key");
    let body = null;
    try {
      body = await response.json();
    } catch {
      body = null;
    }
    let text = (body && (body.detail || body.title)) || `The server answered ${response.status}.`;
    if (body && body.errors && typeof body.errors === "object") {
      const fields = Object.entries(body.errors).map(
        ([field, messages]) => `${humanize(field)}: ${[].concat(messages).join(" ")}`,
      );
      text += ` (${fields.join("; ")})`;
    }
    return new UiError(text);
  }

  // ---- submitting and following a job ----------------------------------------------------------------------

  async function submit(event) {
    event.preventDefault();
    showMessage("");
    const content = $("article").value;
    if (!content.trim()) return showMessage("Paste an article first.", "article");
    const body = { [$("format-html").checked ? "html" : "text"]: content };
    if ($("published-at").value) body.published_at = $("published-at").value;
    if ($("title").value.trim()) body.title = $("title").value.trim();
    if ($("url").value.trim()) body.url = $("url").value.trim();
    $("submit").disabled = true;
    try {
      const response = await api("/v1/checks", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(body),
      });
      if (response.status !== 202 && response.status !== 200) throw await describe(response);
      const job = await response.json();
      history.pushState({ jobId: job.id }, "", `/review/${encodeURIComponent(job.id)}`);
      await follow(job.id, job);
    } catch (error) {
      fail(error);
    } finally {
      $("submit").disabled = false;
    }
  }

  function fail(error) {
    stopProgress();
    if (!view) $("new-check").open = true;
    if (error instanceof UiError) showMessage(error.message, error.focusId);
    else showMessage(`Could not reach the server (${error.message}).`);
  }

  function startProgress(status) {
    const started = Date.now();
    $("new-check").open = false;
    $("progress").hidden = false;
    setProgressStatus(status);
    clearInterval(ticker);
    ticker = setInterval(() => {
      $("progress-elapsed").textContent = `${Math.round((Date.now() - started) / 1000)} s`;
    }, 1000);
  }

  function setProgressStatus(status) {
    const words = { queued: "Queued: waiting for a worker…", running: "Running: finding and checking claims…" };
    $("progress-status").textContent = words[status] || "Loading the check…";
  }

  function stopProgress() {
    clearInterval(ticker);
    ticker = null;
    $("progress").hidden = true;
    $("progress-elapsed").textContent = "";
  }

  /** Poll the job (long polls with Prefer: wait) until it is finished, then show it. */
  async function follow(jobId, job = null) {
    const mine = ++generation;
    clearResults();
    startProgress(job ? job.status : "loading");
    let failures = 0;
    while (!job || PENDING.has(job.status)) {
      let response;
      try {
        const path = `/v1/checks/${encodeURIComponent(jobId)}`;
        response = await api(path, { headers: { Prefer: `wait=${WAIT_SECONDS}` } });
      } catch (error) {
        if (error instanceof UiError || ++failures > MAX_NETWORK_FAILURES) throw error;
        await sleep(1000 * failures);
        continue;
      }
      if (mine !== generation) return;
      if (response.status === 429 || response.status === 503) {
        await sleep(1000 * Math.min(30, Number(response.headers.get("Retry-After")) || 2));
        continue;
      }
      if (response.status === 404) throw new UiError(`There is no check ${jobId} for this API key.`);
      if (!response.ok) throw await describe(response);
      failures = 0;
      job = await response.json();
      if (mine !== generation) return;
      setProgressStatus(job.status);
    }
    if (mine !== generation) return;
    stopProgress();
    showJob(job);
  }

  // ---- rendering a finished job ----------------------------------------------------------------------------

  function clearResults() {
    view = null;
    $("results").hidden = true;
    for (const id of ["summary", "article-text", "claim-list", "job-meta", "action-status"]) $(id).replaceChildren();
    $("failure").hidden = true;
    $("failure").replaceChildren();
    resetDetail();
  }

  function resetDetail() {
    const hint = "Select a highlighted claim to see its evidence.";
    $("detail-body").replaceChildren(el("p", { className: "note", text: hint }));
  }

  function showJob(job) {
    $("new-check").open = false;
    $("results").hidden = false;
    const permalink = new URL(`/review/${encodeURIComponent(job.id)}`, location.origin).href;
    $("permalink").href = permalink;
    $("permalink").setAttribute("aria-label", `Permalink to this check: ${permalink}`);
    const meta = [`Check ${job.id}`, job.status];
    const result = job.result;
    if (result) {
      const article = result.article || {};
      if (article.title) meta.unshift(article.title);
      if (article.published_at) meta.push(`published ${article.published_at}`);
      meta.push(`reference ${result.reference_version}`);
    }
    $("job-meta").textContent = meta.join(" · ");
    $("download-claimreview").disabled = $("download-json").disabled = job.status !== "succeeded";
    if (job.status !== "succeeded" || !result) {
      $("results-title").textContent = job.status === "canceled" ? "Check canceled" : "Check failed";
      const problem = job.error || {};
      $("failure").append(
        el("p", { text: problem.title || "This check has no result." }),
        el("p", { text: problem.detail || (job.status === "canceled" ? "It was canceled before it ran." : "") }),
      );
      $("failure").hidden = false;
      $("article-view").hidden = true;
      view = { job, claims: [], marks: [], items: [], selected: -1 };
      $("results-title").focus();
      return;
    }
    $("article-view").hidden = false;
    const claims = [...result.claims].sort((a, b) => a.span[0] - b.span[0] || b.span[1] - a.span[1]);
    $("results-title").textContent = `${claims.length} claim${claims.length === 1 ? "" : "s"}`;
    view = { job, claims, marks: [], items: [], selected: -1 };
    renderSummary(result.summary || {}, claims);
    renderArticle(result.article.text, claims);
    renderList(claims);
    $("results-title").focus();
  }

  function renderSummary(summary, claims) {
    const list = $("summary");
    for (const [label, name] of LABELS) {
      const count = Number(summary[label] ?? claims.filter((c) => c.verdict.label === label).length);
      const item = el("li", { className: count ? labelClass(label) : "zero", attrs: { "data-label": label } });
      item.append(name, el("strong", { text: count }));
      list.append(item);
    }
  }

  /** Code-point offsets (what the engine's spans count) to UTF-16 offsets (what JavaScript strings count). */
  function utf16Offsets(text) {
    const offsets = [0];
    let unit = 0;
    for (const char of text) {
      unit += char.length;
      offsets.push(unit);
    }
    return offsets;
  }

  function renderArticle(text, claims) {
    const container = $("article-text");
    const offsets = utf16Offsets(text);
    const at = (index) => offsets[Math.max(0, Math.min(index, offsets.length - 1))];
    let cursor = 0;
    claims.forEach((claim, index) => {
      const start = Math.max(at(claim.span[0]), cursor);
      const end = at(claim.span[1]);
      if (end <= start) {
        view.marks.push(null); // nested in an earlier claim's highlight: reachable from the list only
        return;
      }
      if (start > cursor) container.append(text.slice(cursor, start));
      const mark = el("mark", {
        className: `claim ${labelClass(claim.verdict.label)}`,
        text: text.slice(start, end),
        attrs: {
          role: "button",
          tabindex: view.marks.some(Boolean) ? "-1" : "0",
          "aria-pressed": "false",
          "data-index": index,
          "data-claim-id": claim.id,
          "data-label": claim.verdict.label,
          "data-verdict": labelName(claim.verdict.label),
        },
      });
      mark.addEventListener("click", () => select(index, "mark"));
      container.append(mark);
      view.marks.push(mark);
      cursor = end;
    });
    if (cursor < text.length) container.append(text.slice(cursor));
  }

  function renderList(claims) {
    const nav = $("claim-list");
    view.items = new Array(claims.length);
    for (const [label, name] of LABELS) {
      const members = claims.map((claim, index) => [claim, index]).filter(([claim]) => claim.verdict.label === label);
      if (!members.length) continue;
      const headingId = `group-${label}`;
      const list = el("ul", { attrs: { "aria-labelledby": headingId } });
      for (const [claim, index] of members) {
        const kind = [humanize(claim.type), claim.subject && claim.subject.name].filter(Boolean).join(" · ");
        const button = el(
          "button",
          {
            className: `claim-item ${labelClass(label)}`,
            attrs: { type: "button", "data-index": index, "data-claim-id": claim.id },
          },
          el("span", { className: "what", text: claim.text }),
          el("span", { className: "kind", text: kind }),
        );
        button.addEventListener("click", () => select(index, "item"));
        view.items[index] = button;
        list.append(el("li", {}, button));
      }
      const swatch = el("span", { className: `swatch ${labelClass(label)}`, attrs: { "aria-hidden": "true" } });
      const title = `${name} (${members.length})`;
      const heading = el("h3", { attrs: { id: headingId, "data-label": label } }, swatch, title);
      nav.append(heading, list);
    }
    if (!claims.length) {
      nav.append(el("p", { className: "note", text: "The engine found no checkable claim in this article." }));
    }
  }

  // ---- selecting a claim -----------------------------------------------------------------------------------

  /** Select claim `index`; `focus` says which element takes the focus: "mark", "item" or none. */
  function select(index, focus) {
    if (!view || !view.claims.length) return;
    index = (index + view.claims.length) % view.claims.length;
    view.selected = index;
    view.marks.forEach((mark, i) => {
      if (!mark) return;
      mark.setAttribute("aria-pressed", String(i === index));
      mark.tabIndex = i === index ? 0 : -1;
    });
    view.items.forEach((item, i) => item.setAttribute("aria-current", String(i === index)));
    renderDetail(view.claims[index], index);
    const mark = view.marks[index];
    const target = focus === "item" || !mark ? view.items[index] : mark;
    if (focus) target.focus({ preventScroll: true });
    if (mark) mark.scrollIntoView({ block: "nearest" });
    view.items[index].scrollIntoView({ block: "nearest" });
  }

  function safeHttpUrl(value) {
    try {
      const url = new URL(value);
      return url.protocol === "https:" || url.protocol === "http:" ? url.href : null;
    } catch {
      return null;
    }
  }

  /** A claim's claimed values as readable text: names of objects, lists joined, nulls and empties left out. */
  function valueText(value) {
    if (value === null || value === undefined || value === "") return "";
    if (Array.isArray(value)) return value.map(valueText).filter(Boolean).join(", ");
    if (typeof value === "object") {
      if ("name" in value) return valueText(value.name);
      return Object.entries(value)
        .map(([key, inner]) => (valueText(inner) ? `${humanize(key)} ${valueText(inner)}` : ""))
        .filter(Boolean)
        .join(", ");
    }
    if (typeof value === "boolean") return value ? "yes" : "no";
    return String(value);
  }

  function definitions(pairs) {
    const list = el("dl");
    for (const [term, value] of pairs) {
      if (!value) continue;
      list.append(el("dt", { text: term }), el("dd", { text: value }));
    }
    return list;
  }

  function renderDetail(claim, index) {
    const verdict = claim.verdict;
    const evidence = el("ul", { className: "evidence" });
    for (const fact of verdict.evidence || []) {
      const sources = el("ul", { className: "sources" });
      for (const source of fact.sources || []) {
        const href = safeHttpUrl(source);
        const link = href
          ? el("a", { text: source, attrs: { href, target: "_blank", rel: "noopener noreferrer" } })
          : el("span", { text: source });
        sources.append(el("li", {}, link));
      }
      const factId = el("p", { className: "note" }, "Fact ", el("code", { text: fact.fact_id }));
      evidence.append(el("li", {}, el("p", { className: "statement", text: fact.statement || "" }), sources, factId));
    }
    if (!evidence.childElementCount) evidence.append(el("li", { text: "No reference fact bears on this claim." }));
    const badge = el("span", { className: `badge ${labelClass(verdict.label)}`, text: labelName(verdict.label) });
    const version = view.job.result.reference_version;
    const values = Object.entries(claim.value || {}).map(([key, value]) => [humanize(key), valueText(value)]);
    $("detail-body").replaceChildren(
      el("p", { className: "detail-claim", text: `“${claim.text}”` }),
      el("p", {}, badge, ` claim ${index + 1} of ${view.claims.length}`),
      el("h4", { text: "Explanation" }),
      el("p", { className: "explanation", text: verdict.explanation }),
      el("h4", { text: "Reference" }),
      evidence,
      el("p", { className: "note version" }, "Reference version ", el("code", { text: version })),
      el("h4", { text: "Claimed value" }),
      definitions(values),
      el("h4", { text: "In the article" }),
      definitions([
        ["Type", humanize(claim.type)],
        ["Subject", claim.subject && claim.subject.name],
        ["Sentence", claim.sentence],
      ]),
    );
  }

  // ---- keyboard --------------------------------------------------------------------------------------------

  function onKey(event) {
    if (!view || !view.claims.length || event.altKey || event.ctrlKey || event.metaKey) return;
    const target = event.target;
    if (target.closest("input, textarea, select, [contenteditable]")) return;
    const onClaim = target.matches("mark.claim, .claim-item");
    const inList = target.matches(".claim-item");
    const current = view.selected < 0 && onClaim ? Number(target.dataset.index) : view.selected;
    const focus = inList ? "item" : "mark";
    let next = null;
    const key = event.key;
    if (key === "n" || key === "j" || (onClaim && (key === "ArrowRight" || key === "ArrowDown"))) next = current + 1;
    else if (key === "p" || key === "k" || (onClaim && (key === "ArrowLeft" || key === "ArrowUp"))) {
      next = current < 0 ? -1 : current - 1;
    } else if (onClaim && key === "Home") next = 0;
    else if (onClaim && key === "End") next = view.claims.length - 1;
    else if (target.matches("mark.claim") && (key === "Enter" || key === " ")) next = Number(target.dataset.index);
    if (next === null) return;
    event.preventDefault();
    select(next, focus);
  }

  // ---- downloads -------------------------------------------------------------------------------------------

  function download(filename, text, type) {
    const url = URL.createObjectURL(new Blob([text], { type }));
    const link = el("a", { attrs: { href: url, download: filename } });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }

  function downloadJson() {
    if (!view) return;
    download(`claimcheck-${view.job.id}.json`, `${JSON.stringify(view.job, null, 2)}\n`, "application/json");
    $("action-status").textContent = "JSON downloaded.";
  }

  async function downloadClaimReview() {
    if (!view) return;
    const status = $("action-status");
    status.textContent = "Fetching ClaimReview…";
    try {
      const path = `/v1/checks/${encodeURIComponent(view.job.id)}?format=claimreview`;
      const response = await api(path, { headers: { Accept: "application/ld+json" } });
      if (!response.ok) throw await describe(response);
      if (!(response.headers.get("Content-Type") || "").includes("application/ld+json")) {
        status.textContent = "This server does not offer ClaimReview output yet.";
        return;
      }
      download(`claimcheck-${view.job.id}.claimreview.jsonld`, await response.text(), "application/ld+json");
      status.textContent = "ClaimReview JSON-LD downloaded.";
    } catch (error) {
      status.textContent = error instanceof UiError ? error.message : `Could not reach the server (${error.message}).`;
    }
  }

  // ---- the key and the address -----------------------------------------------------------------------------

  function saveKey(event) {
    event.preventDefault();
    const key = $("api-key").value.trim();
    if (!key) return showMessage("Enter an API key.", "api-key");
    sessionStorage.setItem(KEY_STORAGE, key);
    showMessage("");
    $("key-note").textContent = "Key kept for this tab (session storage).";
    if (JOB_PATH.test(location.pathname) && !view) route();
  }

  function forgetKey() {
    sessionStorage.removeItem(KEY_STORAGE);
    $("api-key").value = "";
    $("key-note").textContent = "Key forgotten.";
  }

  /** Show what the address asks for: a job (/review/<id>) or an empty form (/). */
  function route() {
    const match = JOB_PATH.exec(location.pathname);
    showMessage("");
    if (!match) {
      generation++;
      stopProgress();
      clearResults();
      $("new-check").open = true;
      return;
    }
    if (!apiKey()) {
      clearResults();
      showMessage(`Enter your API key to open check ${match[1]}.`, "api-key");
      return;
    }
    follow(match[1]).catch(fail);
  }

  document.addEventListener("DOMContentLoaded", () => {
    $("api-key").value = apiKey();
    $("key-form").addEventListener("submit", saveKey);
    $("forget-key").addEventListener("click", forgetKey);
    $("check-form").addEventListener("submit", (event) => {
      const typed = $("api-key").value.trim();
      if (typed) sessionStorage.setItem(KEY_STORAGE, typed);
      submit(event);
    });
    $("download-json").addEventListener("click", downloadJson);
    $("download-claimreview").addEventListener("click", downloadClaimReview);
    document.addEventListener("keydown", onKey);
    window.addEventListener("popstate", route);
    route();
  });
})();
