// FeedWatch story dashboard: a hash-routed page over the JSON API (/api/...). No framework, no build step.
"use strict";

const view = document.getElementById("view");
const RELATIONS = ["copy", "rewrite", "spun", "independent"];

function esc(value) {
  return String(value ?? "").replace(/[&<>"']/g, c => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]));
}

function when(value) {
  if (!value) return "—";
  const d = new Date(value);
  return d.toISOString().replace("T", " ").slice(0, 16) + " UTC";
}

async function api(path, options) {
  const response = await fetch(path, options);
  const body = response.headers.get("content-type")?.includes("json") ? await response.json() : null;
  if (!response.ok) throw new Error(body?.error ?? `${response.status} ${response.statusText}`);
  return body;
}

function sparkline(points) {
  if (!points.length) return "";
  const max = Math.max(...points, 1), w = 96, h = 22;
  const path = points.map((p, i) => `${(i * w / (points.length - 1 || 1)).toFixed(1)},${(h - p * h / max).toFixed(1)}`).join(" ");
  return `<svg class="sparkline" width="${w}" height="${h}" aria-label="outlets over time"><polyline fill="none" stroke="#2458d6" stroke-width="1.5" points="${path}"/></svg>`;
}

// ---- stories list -----------------------------------------------------------------------------------------------
async function showStories(search) {
  const stories = await api("/api/stories" + (search ? "?q=" + encodeURIComponent(search) : ""));
  view.innerHTML = `
    <div class="card">
      <h1>Track a story</h1>
      <form id="track" class="row">
        <label>Seed article URL<input type="url" name="url" placeholder="https://…"></label>
        <label>or its text<textarea name="text" placeholder="Paste the article text"></textarea></label>
        <label>Title (optional)<input type="text" name="title"></label>
        <button type="submit">Track</button>
      </form>
      <p id="track-result" class="muted"></p>
    </div>
    <div class="row"><label>Search<input type="search" id="search" value="${esc(search)}" placeholder="title, outlet or id"></label></div>
    <h2>Stories (${stories.length})</h2>
    <table id="stories">
      <thead><tr><th>Story</th><th>Outlets</th><th>Spread</th><th>First seen</th><th>Last seen</th><th>Origin</th></tr></thead>
      <tbody>${stories.map(s => `
        <tr class="story-row" data-story="${esc(s.id)}">
          <td><a href="#/story/${encodeURIComponent(s.id)}">${esc(s.title)}</a> ${s.tracked ? '<span class="badge tracked">tracked</span>' : '<span class="badge">discovered</span>'}</td>
          <td class="outlet-count">${s.outletCount}</td>
          <td>${sparkline(s.sparkline)}</td>
          <td>${when(s.firstSeen)}</td><td>${when(s.lastSeen)}</td><td>${esc(s.originOutlet ?? "")}</td>
        </tr>`).join("")}
      </tbody>
    </table>`;
  document.getElementById("search").addEventListener("change", e => { location.hash = "#/?q=" + encodeURIComponent(e.target.value); });
  document.getElementById("track").addEventListener("submit", async e => {
    e.preventDefault();
    const form = new FormData(e.target), out = document.getElementById("track-result");
    try {
      const result = await api("/api/stories", { method: "POST", headers: { "content-type": "application/json" },
        body: JSON.stringify({ url: form.get("url") || null, text: form.get("text") || null, title: form.get("title") || null }) });
      location.hash = "#/story/" + encodeURIComponent(result.storyId);
    } catch (error) { out.innerHTML = `<span class="error">${esc(error.message)}</span>`; }
  });
}

// ---- story page -------------------------------------------------------------------------------------------------
function marker(relation, x, y, title) {
  const cls = `marker relation-${relation}`, t = `<title>${esc(title)}</title>`;
  switch (relation) {
    case "copy": return `<rect class="${cls}" x="${x - 6}" y="${y - 6}" width="12" height="12">${t}</rect>`;
    case "rewrite": return `<polygon class="${cls}" points="${x},${y - 7} ${x + 7},${y} ${x},${y + 7} ${x - 7},${y}">${t}</polygon>`;
    case "spun": return `<polygon class="${cls}" points="${x},${y - 7} ${x + 7},${y + 6} ${x - 7},${y + 6}">${t}</polygon>`;
    default: return `<circle class="${cls}" cx="${x}" cy="${y}" r="6">${t}</circle>`;
  }
}

function timeline(story) {
  const outlets = story.outlets.map(o => o.outlet);
  for (const a of story.articles) if (!outlets.includes(a.outlet)) outlets.push(a.outlet);
  const times = story.articles.map(a => Date.parse(a.time));
  const min = Math.min(...times), max = Math.max(...times), span = Math.max(max - min, 1);
  const left = 190, width = 760, row = 34, height = outlets.length * row + 40;
  const x = t => left + 10 + (Date.parse(t) - min) * (width - 20) / span;
  const rows = outlets.map((o, i) => {
    const y = 20 + i * row + row / 2;
    const cls = o === story.originOutlet ? "origin-label" : "";
    return `<g class="timeline-outlet" data-outlet="${esc(o)}"><line class="axis" x1="${left}" x2="${left + width}" y1="${y}" y2="${y}"/>
      <text x="${left - 8}" y="${y + 4}" text-anchor="end" class="${cls}">${esc(o)}${o === story.originOutlet ? " (origin)" : ""}</text>
      ${story.articles.filter(a => a.outlet === o).map(a => {
        // Only articles with a source have something to compare with; the origin's marker is not a link.
        const m = marker(a.relation, x(a.time), y, `${a.title} — ${a.relation} ${a.score.toFixed(2)} — ${when(a.time)}`);
        return a.sourceArticleId ? `<a href="#/compare/${encodeURIComponent(a.id)}">${m}</a>` : m;
      }).join("")}</g>`;
  }).join("");
  const axis = `<text x="${left}" y="${height - 6}">${esc(when(new Date(min).toISOString()))}</text>
    <text x="${left + width}" y="${height - 6}" text-anchor="end">${esc(when(new Date(max).toISOString()))}</text>`;
  return `<svg class="timeline" width="${left + width + 20}" height="${height}" role="img" aria-label="spread timeline">${rows}${axis}</svg>
    <div class="legend">${RELATIONS.map(r => `<span class="relation-${r}">■ ${r}</span>`).join("")}</div>`;
}

function tree(story) {
  const byId = new Map(story.articles.map(a => [a.id, a]));
  const children = new Map();
  const roots = [];
  for (const a of story.articles) {
    if (a.sourceArticleId && byId.has(a.sourceArticleId) && a.sourceArticleId !== a.id) {
      if (!children.has(a.sourceArticleId)) children.set(a.sourceArticleId, []);
      children.get(a.sourceArticleId).push(a);
    } else roots.push(a);
  }
  const node = a => `<li data-article="${esc(a.id)}"><span class="relation-${a.relation}">●</span> <b>${esc(a.outlet)}</b> — ${esc(a.title)}
      <span class="muted">${a.relation} ${a.score.toFixed(2)}, ${when(a.time)}</span>
      ${a.sourceArticleId ? `<a href="#/compare/${encodeURIComponent(a.id)}/${encodeURIComponent(a.sourceArticleId)}">compare with source</a>` : ""}
      ${children.has(a.id) ? `<ul>${children.get(a.id).map(node).join("")}</ul>` : ""}</li>`;
  return `<div class="tree"><ul>${roots.map(node).join("")}</ul></div>`;
}

function alertingForm(story) {
  const s = story.alerting ?? {};
  return `<form id="alerting" class="row">
      <label>Sinks (comma-separated names; empty = default)<input type="text" name="sinks" value="${esc((s.sinks ?? []).join(", "))}"></label>
      <label>Rate limit: max messages<input type="text" name="max" value="${esc(s.rateLimit?.maxMessages ?? "")}"></label>
      <label>per (hh:mm:ss)<input type="text" name="per" value="${esc(s.rateLimit?.per ?? "")}"></label>
      <label>Quiet from (HH:mm)<input type="text" name="qstart" value="${esc(s.quietHours?.start?.slice(0, 5) ?? "")}"></label>
      <label>to<input type="text" name="qend" value="${esc(s.quietHours?.end?.slice(0, 5) ?? "")}"></label>
      <label>Digest period (hh:mm:ss)<input type="text" name="digest" value="${esc(s.digestPeriod ?? "")}"></label>
      <button type="submit">Save alert settings</button></form><p id="alerting-result" class="muted"></p>`;
}

async function showStory(id) {
  const story = await api("/api/stories/" + encodeURIComponent(id));
  view.innerHTML = `
    <p><a href="#/">← all stories</a></p>
    <h1>${esc(story.title)} ${story.tracked ? '<span class="badge tracked">tracked</span>' : '<span class="badge">discovered</span>'}</h1>
    <p class="muted">${story.outlets.length} outlets, ${story.articleCount} articles · origin <b id="origin">${esc(story.originOutlet ?? "?")}</b> · first seen ${when(story.firstSeen)} · last seen ${when(story.lastSeen)}${story.follows ? ` · follows <a id="follows" href="#/story/${encodeURIComponent(story.follows)}">${esc(story.follows)}</a> (an earlier development of the same saga)` : ""}</p>
    <div class="card"><h2>Spread timeline</h2>${timeline(story)}</div>
    <div class="card"><h2>Propagation tree</h2><p class="muted">Each article under its most likely source.</p>${tree(story)}</div>
    <div class="card"><h2>Alerts (${story.alerts.length})</h2>
      <table id="alerts"><thead><tr><th>Outlet</th><th>Recorded</th><th>Delivered</th><th>To</th><th>Last error</th></tr></thead><tbody>
      ${story.alerts.map(a => `<tr><td>${esc(a.outlet)}</td><td>${when(a.recordedAt)}</td><td>${when(a.deliveredAt)}</td><td>${esc(a.deliveredTo.join(", "))}</td><td class="error">${esc(a.lastError ?? "")}</td></tr>`).join("")}
      </tbody></table></div>
    <div class="card"><h2>Alert settings</h2>${alertingForm(story)}</div>`;
  document.getElementById("alerting").addEventListener("submit", async e => {
    e.preventDefault();
    const f = new FormData(e.target), out = document.getElementById("alerting-result");
    const body = {
      sinks: String(f.get("sinks")).split(",").map(s => s.trim()).filter(Boolean),
      rateLimit: f.get("max") ? { maxMessages: Number(f.get("max")), per: f.get("per") || "01:00:00" } : null,
      quietHours: f.get("qstart") && f.get("qend") ? { start: f.get("qstart") + ":00", end: f.get("qend") + ":00", timeZone: "UTC" } : null,
      digestPeriod: f.get("digest") || null,
    };
    try {
      await api(`/api/stories/${encodeURIComponent(id)}/alerting`, { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
      out.textContent = "Saved.";
    } catch (error) { out.innerHTML = `<span class="error">${esc(error.message)}</span>`; }
  });
}

// ---- comparison -------------------------------------------------------------------------------------------------
function side(article, label) {
  const text = article.sentences.map(s => s.passage
    ? `<mark class="passage" data-passage="${s.passage}" title="passage ${s.passage}, similarity ${s.similarity}">${esc(s.text)}</mark>`
    : `<span class="sentence">${esc(s.text)}</span>`).join(" ");
  return `<div class="card side" data-article="${esc(article.id)}"><h2>${label}: ${esc(article.outlet)}</h2>
    <p><a href="${esc(article.url)}" rel="noopener">${esc(article.title)}</a></p><div class="text">${text}</div></div>`;
}

async function showCompare(articleId, sourceId) {
  const c = await api(`/api/compare?article=${encodeURIComponent(articleId)}` + (sourceId ? `&source=${encodeURIComponent(sourceId)}` : ""));
  view.innerHTML = `
    <p>${c.storyId ? `<a href="#/story/${encodeURIComponent(c.storyId)}">← story</a>` : `<a href="#/">← all stories</a>`}</p>
    <h1>Why it matched</h1>
    <p id="verdict"><b class="relation-${c.relation}">${esc(c.relation ?? "unclassified")}</b>
      ${c.score != null ? `score ${c.score.toFixed(2)}` : ""} · <span id="passage-count">${c.passageCount}</span> shared passages</p>
    <div class="compare">${side(c.article, "Article")}${side(c.source, "Source")}</div>`;
  view.querySelectorAll("mark.passage").forEach(m => m.addEventListener("mouseenter", () => {
    view.querySelectorAll("mark.passage").forEach(o => o.classList.toggle("active", o.dataset.passage === m.dataset.passage));
  }));
}

// ---- router -----------------------------------------------------------------------------------------------------
async function route() {
  const hash = location.hash.replace(/^#/, "") || "/";
  const [path, query] = hash.split("?");
  const parts = path.split("/").filter(Boolean).map(decodeURIComponent);
  try {
    if (parts[0] === "story") await showStory(parts[1]);
    else if (parts[0] === "compare") await showCompare(parts[1], parts[2]);
    else await showStories(new URLSearchParams(query ?? "").get("q") ?? "");
    view.dataset.ready = "true";
  } catch (error) {
    view.innerHTML = `<p class="error">${esc(error.message)}</p>`;
    view.dataset.ready = "error";
  }
}

window.addEventListener("hashchange", () => { view.dataset.ready = "false"; route(); });
route();
