// The newsevents dashboard. Every view reads the same filters from the form, so
// a filter applies everywhere. Article text only ever enters the page through
// textContent, never as HTML, so stored text cannot run script.
import * as d3 from "d3";
import { feature } from "topojson-client";
import world from "world-atlas/countries-110m.json";

const STATUS_COLORS = {
  asserted: "#1f5fa8",
  planned: "#e08a00",
  hypothetical: "#9b59b6",
  possible: "#8aa1b1",
  negated: "#c0392b",
  requested: "#16a085",
};

const form = document.getElementById("filters");

function params(extra = {}) {
  const p = new URLSearchParams();
  for (const [k, v] of new FormData(form).entries()) if (v) p.set(k, v);
  for (const [k, v] of Object.entries(extra)) p.set(k, v);
  return p;
}

async function get(path, extra) {
  const r = await fetch(`${path}?${params(extra)}`);
  if (!r.ok) throw new Error(`${path}: ${r.status}`);
  return r.json();
}

function el(tag, attrs = {}, text) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined && text !== null) node.textContent = String(text);
  return node;
}

function party(p) {
  if (!p || !p.name) return "?";
  const tags = [p.country, p.sector].filter(Boolean).join(" ");
  return tags ? `${p.name} (${tags})` : p.name;
}

// --- timeline --------------------------------------------------------------
async function drawTimeline() {
  const { items } = await get("/api/timeline");
  const box = document.getElementById("timeline");
  box.replaceChildren();
  const days = [...new Set(items.map((d) => d.date))].sort();
  if (!days.length) return box.append(el("p", { class: "empty" }, "No events."));
  // stacked by status (asserted vs planned vs hypothetical ...) or by event type
  const by = document.getElementById("timeline-by").value;
  const types = [...new Set(items.map((d) => d.type))].sort();
  const typeColor = d3.scaleOrdinal(types, d3.quantize(d3.interpolateRainbow, types.length + 1));
  const colorOf = (k) => (by === "type" ? typeColor(k) : STATUS_COLORS[k]);
  const statuses = by === "type" ? types : Object.keys(STATUS_COLORS);
  const rows = days.map((day) => {
    const row = { date: day };
    for (const s of statuses) row[s] = 0;
    for (const d of items.filter((i) => i.date === day)) row[by === "type" ? d.type : d.status] += d.count;
    return row;
  });
  const width = 900, height = 180, m = { t: 10, r: 10, b: 40, l: 30 };
  const x = d3.scaleBand().domain(days).range([m.l, width - m.r]).padding(0.15);
  const stack = d3.stack().keys(statuses)(rows);
  const y = d3.scaleLinear()
    .domain([0, d3.max(rows, (r) => statuses.reduce((a, s) => a + r[s], 0)) || 1])
    .nice().range([height - m.b, m.t]);
  const svg = d3.select(box).append("svg").attr("viewBox", `0 0 ${width} ${height}`);
  svg.append("g").selectAll("g").data(stack).join("g")
    .attr("fill", (s) => colorOf(s.key)).attr("class", (s) => `${by}-${s.key}`)
    .selectAll("rect").data((s) => s).join("rect")
    .attr("x", (d) => x(d.data.date)).attr("width", x.bandwidth())
    .attr("y", (d) => y(d[1])).attr("height", (d) => y(d[0]) - y(d[1]))
    .append("title").text(function (d) { return `${d.data.date} ${this.parentNode.parentNode.__data__.key}: ${d[1] - d[0]}`; });
  svg.append("g").attr("transform", `translate(0,${height - m.b})`).call(d3.axisBottom(x))
    .selectAll("text").attr("transform", "rotate(-30)").attr("text-anchor", "end");
  svg.append("g").attr("transform", `translate(${m.l},0)`).call(d3.axisLeft(y).ticks(4));
  const legend = el("p", { class: "legend" });
  for (const s of statuses) {
    const key = el("span", { class: "key" }, s);
    key.style.borderLeftColor = colorOf(s);
    legend.append(key);
  }
  box.append(legend);
}

// --- map (bundled country shapes, no tiles) --------------------------------
const countries = feature(world, world.objects.countries);
async function drawMap() {
  const { items } = await get("/api/countries");
  const counts = new Map(items.map((d) => [String(d.numeric).padStart(3, "0"), d]));
  const box = document.getElementById("map");
  box.replaceChildren();
  const width = 900, height = 420;
  const projection = d3.geoNaturalEarth1().fitSize([width, height], countries);
  const path = d3.geoPath(projection);
  const color = d3.scaleSequential(d3.interpolateOranges)
    .domain([0, d3.max(items, (d) => d.count) || 1]);
  const svg = d3.select(box).append("svg").attr("viewBox", `0 0 ${width} ${height}`);
  svg.selectAll("path").data(countries.features).join("path")
    .attr("d", path)
    .attr("class", "country")
    .attr("fill", (f) => (counts.has(f.id) ? color(counts.get(f.id).count) : "#eee"))
    .append("title")
    .text((f) => `${f.properties.name}: ${counts.has(f.id) ? counts.get(f.id).count : 0} events`);
}

// --- actor network -----------------------------------------------------------
async function drawGraph() {
  const { nodes, edges } = await get("/api/graph");
  const box = document.getElementById("graph");
  box.replaceChildren();
  if (!nodes.length) return box.append(el("p", { class: "empty" }, "No actor pairs."));
  const width = 900, height = 420;
  const svg = d3.select(box).append("svg").attr("viewBox", `0 0 ${width} ${height}`);
  const links = edges.map((e) => ({ ...e }));
  const sim = d3.forceSimulation(nodes)
    .force("link", d3.forceLink(links).id((d) => d.id).distance(110))
    .force("charge", d3.forceManyBody().strength(-260))
    .force("center", d3.forceCenter(width / 2, height / 2))
    .stop();
  for (let i = 0; i < 200; i++) sim.tick();
  const clamp = (v, lo, hi) => Math.max(lo, Math.min(hi, v));
  for (const n of nodes) { n.x = clamp(n.x, 40, width - 40); n.y = clamp(n.y, 20, height - 20); }
  svg.append("g").selectAll("line").data(links).join("line")
    .attr("class", "edge")
    .attr("stroke-width", (d) => 1 + Math.sqrt(d.weight) * 1.5)
    .attr("x1", (d) => d.source.x).attr("y1", (d) => d.source.y)
    .attr("x2", (d) => d.target.x).attr("y2", (d) => d.target.y)
    .append("title").text((d) => `${d.source.name} -> ${d.target.name}: ${d.weight}`);
  const g = svg.append("g").selectAll("g").data(nodes).join("g")
    .attr("class", "node").attr("transform", (d) => `translate(${d.x},${d.y})`);
  g.append("circle").attr("r", 6);
  g.append("text").attr("x", 8).attr("y", 4).text((d) => d.name);
}

// --- events list -------------------------------------------------------------
const PAGE = 100;
async function drawEvents(offset = 0) {
  const { items, total } = await get("/api/events", { limit: PAGE, offset });
  document.getElementById("events-count").textContent = `(${total})`;
  const list = document.getElementById("events");
  if (offset === 0) list.replaceChildren();
  list.querySelector("li.more")?.remove();
  for (const ev of items) {
    const li = el("li", { class: `event status-${ev.status}`, tabindex: "0" });
    li.dataset.article = ev.article_id;
    li.dataset.event = ev.event_id;
    const kind = ev.mode ? `${ev.type}/${ev.mode}` : ev.type;
    const who = ev.actors.map(party).join(", ") || "?";
    const whom = ev.recipients.map(party).join(", ");
    li.append(
      el("span", { class: "date" }, ev.date || "----------"),
      el("span", { class: "type" }, kind),
      el("span", { class: "parties" }, whom ? `${who} -> ${whom}` : who),
      el("span", { class: "place" }, ev.place ? `@${ev.place.name}` : ""),
      el("span", { class: "status" }, `[${ev.status}]`),
      el("span", { class: "source" }, ev.source ? `per ${ev.source.name}` : ""),
    );
    li.addEventListener("click", () => openArticle(ev.article_id, ev.event_id));
    li.addEventListener("keydown", (e) => { if (e.key === "Enter") openArticle(ev.article_id, ev.event_id); });
    list.append(li);
  }
  if (offset + items.length < total) {
    const more = el("li", { class: "more", tabindex: "0" }, `Show more (${total - offset - items.length} left)`);
    more.addEventListener("click", () => drawEvents(offset + PAGE));
    list.append(more);
  }
}

// --- stories: the reports of one development across outlets -------------------
// Stories are not filtered by the form (a story is many events); the most
// widely reported come first, and opening one lists its articles by day.
async function drawStories() {
  const r = await fetch("/api/stories?limit=50");
  if (!r.ok) throw new Error(`/api/stories: ${r.status}`);
  const { items } = await r.json();
  const list = document.getElementById("stories");
  list.replaceChildren();
  document.getElementById("stories-count").textContent = `(${items.length}${items.length === 50 ? "+" : ""})`;
  for (const story of items) {
    const li = el("li", { class: "story", tabindex: "0" });
    li.dataset.story = story.id;
    const days = story.first_day === story.last_day ? story.first_day : `${story.first_day} – ${story.last_day}`;
    const head = el("div", { class: "story-head" });
    head.append(
      el("span", { class: "story-title" }, story.title),
      el("span", { class: "story-days" }, days || ""),
      el("span", { class: "story-count" }, `${story.num_articles} articles, ${story.num_reports} reports, ${story.num_outlets} outlets`),
      el("span", { class: "story-outlets" }, story.outlets.join(", ")),
    );
    li.append(head);
    const open = () => toggleStory(li, story.id);
    head.addEventListener("click", open);
    li.addEventListener("keydown", (e) => { if (e.key === "Enter" && e.target === li) open(); });
    list.append(li);
  }
}

async function toggleStory(li, storyId) {
  const shown = li.querySelector("ol.story-articles");
  if (shown) return shown.remove();
  const r = await fetch(`/api/stories/${encodeURIComponent(storyId)}`);
  if (!r.ok) return;
  const story = await r.json();
  const ol = el("ol", { class: "story-articles" });
  for (const a of story.articles) {
    const item = el("li", { class: "story-article", tabindex: "0" },
      [a.published, a.source, a.title || "(untitled)"].filter(Boolean).join(" · "));
    item.addEventListener("click", () => openArticle(a.id));
    item.addEventListener("keydown", (e) => { if (e.key === "Enter") openArticle(a.id); });
    ol.append(item);
  }
  if (story.clusters.length) {
    ol.append(el("li", { class: "story-clusters" },
      `events: ${story.clusters.map((c) => `${c.type}${c.date ? " " + c.date : ""} (${c.num_articles})`).join(", ")}`));
  }
  li.append(ol);
}

// --- claims comparison -------------------------------------------------------
async function drawClaims() {
  const { items } = await get("/api/claims/compare", {});
  const body = document.querySelector("#claims tbody");
  body.replaceChildren();
  for (const group of items) {
    group.values.forEach((v, i) => {
      const tr = el("tr", { class: i === 0 ? "group-start" : "" });
      tr.append(
        el("td", {}, i === 0 ? `${group.label} (${group.unit})` : ""),
        el("td", {}, `${v.approx ? v.approx + " " : ""}${v.value} ${group.unit}`),
        el("td", {}, v.claimant || "(the outlet)"),
        el("td", {}, v.status),
        el("td", {}, v.disputed_by.join(", ") || "-"),
        el("td", {}, v.source || v.published || ""),
      );
      tr.addEventListener("click", () => openArticle(v.article_id, null, v.span));
      body.append(tr);
    });
  }
}

// --- article view: every span highlighted by kind ------------------------------
function spansOf(doc) {
  const spans = [];
  const add = (start, end, kind, label, record) => spans.push({ start, end, kind, label, record });
  for (const e of doc.entities) for (const [s, t] of e.mentions) add(s, t, "entity", `${e.name} (${e.kind})`, e);
  for (const p of doc.places) for (const [s, t] of p.mentions) add(s, t, "place", `${p.name} (${p.kind})`, p);
  for (const t of doc.times) add(t.span[0], t.span[1], "time", `${t.text} = ${t.value}`, t);
  for (const q of doc.quotes) add(q.span[0], q.span[1], "quote", `quote by ${q.speaker_text || "?"}`, q);
  for (const c of doc.claims) add(c.span[0], c.span[1], "claim", `claim: ${c.value} ${c.unit}`, c);
  for (const ev of doc.events) add(ev.trigger[0], ev.trigger[1], "event", `${ev.type} [${ev.status}]`, ev);
  return spans;
}

// Offsets from the API count code points (Python's str); JavaScript strings
// index UTF-16 units, where an emoji or other astral character takes two. Every
// offset is moved to the units it means before the text is sliced.
function codeUnitIndex(text) {
  const at = [0];
  let unit = 0;
  for (const ch of text) { unit += ch.length; at.push(unit); }
  return (i) => at[Math.max(0, Math.min(i, at.length - 1))];
}

function renderText(text, rawSpans, rawFocus) {
  const unit = codeUnitIndex(text);
  const spans = rawSpans.map((s) => ({ ...s, start: unit(s.start), end: unit(s.end) }));
  const focus = rawFocus ? [unit(rawFocus[0]), unit(rawFocus[1])] : null;
  // boundaries from every span; each piece of text carries the kinds covering it
  const cuts = new Set([0, text.length]);
  for (const s of spans) { cuts.add(s.start); cuts.add(s.end); }
  if (focus) { cuts.add(focus[0]); cuts.add(focus[1]); }
  const points = [...cuts].filter((c) => c >= 0 && c <= text.length).sort((a, b) => a - b);
  const box = document.getElementById("article-text");
  box.replaceChildren();
  let focusNode = null;
  for (let i = 0; i < points.length - 1; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const covering = spans.filter((s) => s.start <= a && b <= s.end);
    const inFocus = focus && focus[0] <= a && b <= focus[1];
    const piece = text.slice(a, b);
    if (!covering.length && !inFocus) { box.append(document.createTextNode(piece)); continue; }
    const span = el("span", {}, piece);
    const kinds = [...new Set(covering.map((s) => s.kind))];
    span.className = kinds.map((k) => `hl-${k}`).join(" ") + (inFocus ? " hl-sentence" : "");
    span.title = covering.map((s) => s.label).join("\n");
    span.addEventListener("click", () => showDetails(covering.map((s) => s.record)));
    if (inFocus && !focusNode) focusNode = span;
    box.append(span);
  }
  return focusNode;
}

function showDetails(records) {
  const aside = document.getElementById("details");
  aside.replaceChildren();
  for (const r of records) aside.append(el("pre", {}, JSON.stringify(r, null, 2)));
}

async function openArticle(articleId, eventId, span) {
  const r = await fetch(`/api/articles/${encodeURIComponent(articleId)}`);
  if (!r.ok) return;
  const doc = await r.json();
  const view = document.getElementById("article-view");
  view.hidden = false;
  document.getElementById("article-title").textContent = doc.article.title || "(untitled)";
  document.getElementById("article-meta").textContent =
    [doc.article.source, doc.article.published, doc.article.url].filter(Boolean).join(" · ");
  const legend = document.getElementById("legend");
  legend.replaceChildren(...["entity", "place", "time", "event", "quote", "claim"].map(
    (k) => el("span", { class: `key hl-${k}` }, k)));
  const ev = eventId ? doc.events.find((e) => e.id === eventId) : null;
  const focus = ev ? ev.sentence : span || null;
  const node = renderText(doc.article.text, spansOf(doc), focus);
  if (ev) showDetails([ev]);
  view.scrollIntoView();
  if (node) node.scrollIntoView({ block: "center" });
}

async function refresh() {
  await Promise.all([drawTimeline(), drawMap(), drawGraph(), drawStories(), drawEvents(), drawClaims()]);
  document.body.dataset.ready = "1";
}

document.getElementById("timeline-by").addEventListener("change", () => drawTimeline());
form.addEventListener("submit", (e) => { e.preventDefault(); document.body.dataset.ready = "0"; refresh(); });
form.addEventListener("reset", () => setTimeout(() => { document.body.dataset.ready = "0"; refresh(); }, 0));
refresh();
