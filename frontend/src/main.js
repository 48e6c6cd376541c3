// The newsevents dashboard. Every panel reads the same filters, which live in the
// page's URL (a view can be shared, and survives a reload). Article text only
// ever enters the page through textContent, never as HTML, so stored text
// cannot run script.
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

// PLOVER types by the CAMEO quad class of their root code; one fixed colour per
// family and per type, so a colour means the same thing under every filter.
const FAMILIES = {
  "verbal cooperation": ["AGREE", "CONSULT", "SUPPORT"],
  "material cooperation": ["COOPERATE", "AID", "CONCEDE", "RETREAT"],
  "verbal conflict": ["REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST"],
  "material conflict": ["MOBILIZE", "SANCTION", "COERCE", "ASSAULT"],
};
const FAMILY_COLORS = {
  "verbal cooperation": "#74add1",
  "material cooperation": "#1a9850",
  "verbal conflict": "#f39c12",
  "material conflict": "#c0392b",
};
const FAMILY_OF = {};
const TYPE_COLORS = {};
for (const [family, types] of Object.entries(FAMILIES)) {
  const base = d3.hsl(FAMILY_COLORS[family]);
  types.forEach((t, i) => {
    FAMILY_OF[t] = family;
    TYPE_COLORS[t] = d3.hsl(base.h, base.s, Math.min(0.8, 0.32 + i * 0.11)).formatHex();
  });
}
const slug = (s) => s.replace(/\s+/g, "-");

const form = document.getElementById("filters");
const FIELDS = ["actor", "recipient", "country", "place", "outlet", "type", "status", "since", "until", "q", "bbox"];

// --- filters <-> URL -----------------------------------------------------------
function params(extra = {}) {
  const p = new URLSearchParams();
  for (const [k, v] of new FormData(form).entries()) if (v) p.set(k, v);
  for (const [k, v] of Object.entries(extra)) if (v !== undefined && v !== null) p.set(k, v);
  return p;
}

function fromURL() {
  const url = new URLSearchParams(location.search);
  for (const name of FIELDS) form.elements[name].value = url.get(name) || "";
  document.getElementById("map-area").checked = Boolean(url.get("bbox"));
}

function toURL() {
  const query = params().toString();
  const target = query ? `?${query}` : location.pathname;
  if (`?${query}` !== location.search && !(query === "" && location.search === "")) {
    history.pushState(null, "", target);
  }
}

async function get(path, extra) {
  const r = await fetch(`${path}?${params(extra)}`);
  if (!r.ok) throw new Error(`${path}: ${r.status}`);
  return r.json();
}

async function getAll(path, extra = {}, most = 5000) {
  let page = await get(path, { ...extra, limit: 500 });
  const items = [...page.items];
  while (page.next && items.length < most) {
    const r = await fetch(page.next);
    if (!r.ok) throw new Error(`${path}: ${r.status}`);
    page = await r.json();
    items.push(...page.items);
  }
  return items;
}

function el(tag, attrs = {}, text) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined && text !== null) node.textContent = String(text);
  return node;
}

function link(url, text) {
  // only web addresses become links; anything else stays text
  if (!url || !/^https?:\/\//i.test(url)) return el("span", {}, text);
  return el("a", { href: url, target: "_blank", rel: "noopener noreferrer" }, text);
}

function party(p) {
  if (!p || !p.name) return "?";
  const tags = [p.country, p.sector].filter(Boolean).join(" ");
  return tags ? `${p.name} (${tags})` : p.name;
}

function apply() {
  toURL();
  return refresh();
}

// --- timeline: a real time axis, bucketed by day, week or month -------------------
const parseDay = d3.timeParse("%Y-%m-%d");
const parseMonth = d3.timeParse("%Y-%m");
const parseYear = d3.timeParse("%Y");
const dayText = d3.timeFormat("%Y-%m-%d");

async function drawTimeline() {
  const items = await getAll("/api/timeline");
  const box = document.getElementById("timeline");
  box.replaceChildren();
  const dated = items
    .map((d) => ({ ...d, when: parseDay(d.date) || parseMonth(d.date) || parseYear(d.date) }))
    .filter((d) => d.when);
  if (!dated.length) return box.append(el("p", { class: "empty" }, "No events."));
  const [lo, hi] = d3.extent(dated, (d) => d.when);
  const days = (hi - lo) / 864e5;
  const [interval, unit] = days <= 62 ? [d3.timeDay, "days"] : days <= 400 ? [d3.timeMonday, "weeks"] : [d3.timeMonth, "months"];
  document.getElementById("timeline-unit").textContent = `(by ${unit})`;
  const by = document.getElementById("timeline-by").value;
  const keyOf = (d) => (by === "type" ? d.type : by === "family" ? FAMILY_OF[d.type] || "other" : d.status);
  const keys = by === "type" ? Object.keys(TYPE_COLORS) : by === "family" ? Object.keys(FAMILIES) : Object.keys(STATUS_COLORS);
  const colorOf = (k) => (by === "type" ? TYPE_COLORS[k] : by === "family" ? FAMILY_COLORS[k] : STATUS_COLORS[k]) || "#999";
  const bins = new Map();
  for (const d of dated) {
    const at = +interval.floor(d.when);
    if (!bins.has(at)) bins.set(at, Object.fromEntries([["at", new Date(at)], ...keys.map((k) => [k, 0])]));
    const k = keyOf(d);
    if (k in bins.get(at)) bins.get(at)[k] += d.count;
  }
  const rows = [...bins.values()].sort((a, b) => a.at - b.at);
  const width = 900, height = 190, m = { t: 10, r: 10, b: 30, l: 30 };
  const x = d3.scaleTime()
    .domain([interval.floor(lo), interval.offset(interval.floor(hi), 1)])
    .range([m.l, width - m.r]);
  const y = d3.scaleLinear()
    .domain([0, d3.max(rows, (r) => keys.reduce((a, k) => a + r[k], 0)) || 1])
    .nice().range([height - m.b, m.t]);
  const svg = d3.select(box).append("svg").attr("viewBox", `0 0 ${width} ${height}`);
  const barWidth = (r) => Math.max(1, x(interval.offset(r.at, 1)) - x(r.at) - 1);
  svg.append("g").selectAll("g").data(d3.stack().keys(keys)(rows)).join("g")
    .attr("fill", (s) => colorOf(s.key)).attr("class", (s) => `${by}-${slug(s.key)}`)
    .selectAll("rect").data((s) => s.map((d) => ({ d, key: s.key }))).join("rect")
    .attr("x", ({ d }) => x(d.data.at)).attr("width", ({ d }) => barWidth(d.data))
    .attr("y", ({ d }) => y(d[1])).attr("height", ({ d }) => y(d[0]) - y(d[1]))
    .append("title").text(({ d, key }) => `${dayText(d.data.at)} ${key}: ${d[1] - d[0]}`);
  svg.append("g").attr("transform", `translate(0,${height - m.b})`).call(d3.axisBottom(x).ticks(8));
  svg.append("g").attr("transform", `translate(${m.l},0)`).call(d3.axisLeft(y).ticks(4));
  // brushing a stretch of the axis sets the date filter
  const brush = d3.brushX().extent([[m.l, m.t], [width - m.r, height - m.b]]).on("end", ({ selection }) => {
    if (!selection) return;
    const [a, b] = selection.map((px) => x.invert(px));
    form.elements.since.value = dayText(d3.timeDay.floor(a));
    form.elements.until.value = dayText(d3.timeDay.floor(b));
    apply();
  });
  svg.append("g").attr("class", "brush").call(brush);
  const legend = el("p", { class: "legend" });
  for (const k of keys) {
    const key = el("span", { class: "key" }, k);
    key.style.borderLeftColor = colorOf(k);
    legend.append(key);
  }
  box.append(legend);
}

// --- map: points at event places, zoom, click and visible-area filters -------------
const countries = feature(world, world.objects.countries);
const MAP = { width: 900, height: 440, transform: d3.zoomIdentity };
const projection = d3.geoNaturalEarth1().fitSize([MAP.width, MAP.height], countries);

function visibleArea() {
  const t = MAP.transform;
  const [x0, y0] = t.invert([0, 0]);
  const [x1, y1] = t.invert([MAP.width, MAP.height]);
  const clamp = (v, lo, hi) => (Number.isFinite(v) ? Math.max(lo, Math.min(hi, v)) : v < 0 ? lo : hi);
  const nw = projection.invert([x0, y0]) || [-180, 90];
  const se = projection.invert([x1, y1]) || [180, -90];
  const west = clamp(nw[0], -180, 180), north = clamp(nw[1], -90, 90);
  const east = clamp(se[0], -180, 180), south = clamp(se[1], -90, 90);
  return [west, Math.min(south, north), east, Math.max(south, north)].map((v) => v.toFixed(2)).join(",");
}

function dominantFamily(types) {
  const byFamily = {};
  for (const [t, n] of Object.entries(types)) byFamily[FAMILY_OF[t]] = (byFamily[FAMILY_OF[t]] || 0) + n;
  return Object.entries(byFamily).sort((a, b) => b[1] - a[1])[0]?.[0];
}

async function drawMap() {
  const [shaded, points] = await Promise.all([getAll("/api/countries"), getAll("/api/places")]);
  const counts = new Map(shaded.map((d) => [String(d.numeric).padStart(3, "0"), d]));
  const box = document.getElementById("map");
  box.replaceChildren();
  const path = d3.geoPath(projection);
  const shade = d3.scaleSequential((t) => d3.interpolateGreys(0.08 + t * 0.35))
    .domain([0, d3.max(shaded, (d) => d.count) || 1]);
  const svg = d3.select(box).append("svg").attr("viewBox", `0 0 ${MAP.width} ${MAP.height}`);
  const g = svg.append("g");
  g.selectAll("path").data(countries.features).join("path")
    .attr("d", path).attr("class", "country")
    .attr("fill", (f) => (counts.has(f.id) ? shade(counts.get(f.id).count) : "#f2f2f2"))
    .append("title").text((f) => `${f.properties.name}: ${counts.has(f.id) ? counts.get(f.id).count : 0} events`);
  const radius = (d) => 3 + Math.sqrt(d.count) * 2.2;
  const marks = g.selectAll("g.mark").data(points).join("g")
    .attr("class", (d) => (d.kind === "country" ? "mark country-point" : "mark event-point"))
    .attr("transform", (d) => `translate(${projection([d.lon, d.lat])})`);
  // a place inside a country is a dot; an event known only to its country is a
  // diamond at the country's point, so the two are never confused
  marks.filter((d) => d.kind !== "country").append("circle").attr("r", radius);
  marks.filter((d) => d.kind === "country").append("rect")
    .attr("x", (d) => -radius(d) * 0.8).attr("y", (d) => -radius(d) * 0.8)
    .attr("width", (d) => radius(d) * 1.6).attr("height", (d) => radius(d) * 1.6)
    .attr("transform", "rotate(45)");
  marks.attr("fill", (d) => FAMILY_COLORS[dominantFamily(d.types)] || "#666")
    .on("click", (_, d) => { form.elements.place.value = d.name; apply(); });
  marks.append("title").text((d) => `${d.name}${d.country ? ` (${d.country})` : ""}: ${d.count} reports\n` +
    Object.entries(d.types).map(([t, n]) => `${t} ${n}`).join(", "));
  const scaled = (k) => marks.attr("transform", (d) => `translate(${projection([d.lon, d.lat])}) scale(${1 / Math.sqrt(k)})`);
  const zoom = d3.zoom().scaleExtent([1, 16])
    .on("zoom", (e) => { g.attr("transform", e.transform); scaled(e.transform.k); })
    .on("end", (e) => {
      const moved = e.transform !== MAP.transform;
      MAP.transform = e.transform;
      if (moved && e.sourceEvent && document.getElementById("map-area").checked) {
        form.elements.bbox.value = visibleArea();
        apply();
      }
    });
  svg.call(zoom).call(zoom.transform, MAP.transform);
  const legend = document.getElementById("map-legend");
  legend.replaceChildren(...Object.entries(FAMILY_COLORS).map(([f, c]) => {
    const key = el("span", { class: "key" }, f);
    key.style.borderLeftColor = c;
    return key;
  }), el("span", { class: "note" }, "● a place   ◆ only its country   size: reports"));
}

// --- actor network -----------------------------------------------------------
async function drawGraph() {
  const { nodes, edges } = await get("/api/graph");
  const box = document.getElementById("graph");
  box.replaceChildren();
  if (!nodes.length) return box.append(el("p", { class: "empty" }, "No actor pairs."));
  const width = 900, height = 440;
  const svg = d3.select(box).append("svg").attr("viewBox", `0 0 ${width} ${height}`);
  const links = edges.map((e) => ({ ...e }));
  const sim = d3.forceSimulation(nodes)
    .force("link", d3.forceLink(links).id((d) => d.id).distance(120))
    .force("charge", d3.forceManyBody().strength(-320))
    .force("collide", d3.forceCollide(34))
    .force("center", d3.forceCenter(width / 2, height / 2))
    .stop();
  for (let i = 0; i < 300; i++) sim.tick();
  const clamp = (v, lo, hi) => Math.max(lo, Math.min(hi, v));
  for (const n of nodes) { n.x = clamp(n.x, 20, width - 170); n.y = clamp(n.y, 20, height - 20); }
  svg.append("g").selectAll("line").data(links).join("line")
    .attr("class", "edge")
    .attr("stroke-width", (d) => 1 + Math.sqrt(d.weight) * 1.5)
    .attr("x1", (d) => d.source.x).attr("y1", (d) => d.source.y)
    .attr("x2", (d) => d.target.x).attr("y2", (d) => d.target.y)
    .append("title").text((d) => `${d.source.name} → ${d.target.name}: ${d.weight} events`);
  const g = svg.append("g").selectAll("g").data(nodes).join("g")
    .attr("class", "node").attr("transform", (d) => `translate(${d.x},${d.y})`)
    .on("click", (_, d) => { form.elements.actor.value = d.name; apply(); });
  g.append("circle").attr("r", 6);
  g.append("text").attr("x", 9).attr("y", 4).text((d) => d.name);
  g.append("title").text((d) => [d.name, d.country].filter(Boolean).join(", "));
}

// --- events: one row per real-world event (cluster), its reports under it ----------
const CLUSTER_PAGE = 25;
let clusterOffset = 0;

function span(a, b) {
  if (!a) return "—";
  return b && b !== a ? `${a} – ${b}` : a;
}

async function drawClusters(offset = 0) {
  const { items, total, next } = await get("/api/clusters", { limit: CLUSTER_PAGE, offset });
  clusterOffset = offset;
  document.getElementById("clusters-count").textContent = `(${total})`;
  const body = document.querySelector("#clusters tbody");
  if (offset === 0) body.replaceChildren();
  for (const c of items) {
    const tr = el("tr", { class: "cluster", tabindex: "0" });
    tr.dataset.cluster = c.id;
    const who = c.actors.map((p) => p.name).filter(Boolean).join(", ") || "?";
    const whom = c.recipients.map((p) => p.name).filter(Boolean).join(", ");
    const type = el("td", { class: "type" }, c.type);
    type.style.borderLeftColor = TYPE_COLORS[c.type] || "#999";
    tr.append(
      el("td", { class: "date" }, span(c.date, c.date_end)),
      type,
      el("td", {}, whom ? `${who} → ${whom}` : who),
      el("td", {}, c.place ? c.place.name || c.place.key : "—"),
      el("td", {}, c.statuses.join(", ")),
      el("td", { class: "num-articles" }, c.num_articles),
      el("td", { class: "num-sources", title: c.sources.join(", ") }, `${c.num_sources}: ${c.sources.join(", ")}`),
    );
    const open = () => toggleCluster(tr, c.id);
    tr.addEventListener("click", open);
    tr.addEventListener("keydown", (e) => { if (e.key === "Enter") open(); });
    body.append(tr);
  }
  const more = document.getElementById("clusters-more");
  more.hidden = !next;
}

async function toggleCluster(tr, id) {
  const after = tr.nextElementSibling;
  if (after && after.classList.contains("reports")) return after.remove();
  const r = await fetch(`/api/clusters/${encodeURIComponent(id)}`);
  if (!r.ok) return;
  const cluster = await r.json();
  const row = el("tr", { class: "reports" });
  const cell = el("td", { colspan: "7" });
  const list = el("ul", { class: "report-list" });
  for (const ev of cluster.reports) {
    const li = el("li", { class: "report" });
    const sentence = el("span", { class: "sentence", tabindex: "0" }, ev.sentence_text);
    sentence.addEventListener("click", () => openArticle(ev.article_id, ev.event_id));
    li.append(
      el("span", { class: "outlet" }, ev.article.source || "?"),
      el("span", { class: "day" }, ev.article.published || ""),
      link(ev.article.url, ev.article.title || "(untitled)"),
      el("span", { class: "status" }, ev.status),
      sentence,
    );
    list.append(li);
  }
  cell.append(list);
  row.append(cell);
  tr.after(row);
}

// --- reports: each event as one article reports it ---------------------------------
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
      el("span", { class: "date" }, ev.date || ev.article.published || "----------"),
      el("span", { class: "type" }, kind),
      el("span", { class: "parties" }, whom ? `${who} -> ${whom}` : who),
      el("span", { class: "place" }, ev.place ? `@${ev.place.name}` : ""),
      el("span", { class: "status" }, `[${ev.status}]`),
      el("span", { class: "source" }, ev.source ? `per ${ev.source.name}` : ""),
      el("span", { class: "headline" }, ev.from_title ? "(headline only)" : ev.in_title ? "(also in the headline)" : ""),
      link(ev.article.url, ev.article.source || "source"),
    );
    li.addEventListener("click", (e) => { if (e.target.tagName !== "A") openArticle(ev.article_id, ev.event_id); });
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
async function drawStories() {
  const { items, total } = await get("/api/stories", { limit: 50 });
  const list = document.getElementById("stories");
  list.replaceChildren();
  document.getElementById("stories-count").textContent = `(${total})`;
  // every story on one time axis: when each development began and how long it ran
  const days = items.flatMap((s) => [parseDay(s.first_day || ""), parseDay(s.last_day || "")]).filter(Boolean);
  const [lo, hi] = days.length ? d3.extent(days) : [null, null];
  const axis = lo ? d3.scaleTime().domain([lo, d3.timeDay.offset(hi, 1)]).range([2, 238]) : null;
  for (const story of items) {
    const li = el("li", { class: "story", tabindex: "0" });
    li.dataset.story = story.id;
    const range = story.first_day === story.last_day ? story.first_day : `${story.first_day} – ${story.last_day}`;
    const head = el("div", { class: "story-head" });
    const strip = d3.create("svg").attr("class", "story-span").attr("viewBox", "0 0 240 12");
    const first = parseDay(story.first_day || ""), last = parseDay(story.last_day || "");
    if (axis && first && last) {
      strip.append("line").attr("x1", 2).attr("x2", 238).attr("y1", 6).attr("y2", 6).attr("class", "story-axis");
      strip.append("rect").attr("x", axis(first)).attr("y", 2).attr("height", 8)
        .attr("width", Math.max(3, axis(d3.timeDay.offset(last, 1)) - axis(first)))
        .append("title").text(range);
    }
    head.append(
      el("span", { class: "story-title" }, story.title),
      el("span", { class: "story-days" }, range || ""),
      el("span", { class: "story-count" }, `${story.num_articles} articles, ${story.num_reports} reports, ${story.num_outlets} outlets`),
      strip.node(),
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

// --- claims compared: each counted thing in a story, its range and claimants -------
const CLAIM_PAGE = 10;
async function drawClaims(offset = 0) {
  const disputed = document.getElementById("claims-disputed").checked ? "true" : undefined;
  const { items, total, next } = await get("/api/claims/compare", { limit: CLAIM_PAGE, offset, disputed });
  document.getElementById("claims-count").textContent = `(${total})`;
  const box = document.getElementById("claims");
  if (offset === 0) box.replaceChildren();
  for (const group of items) {
    const card = el("div", { class: `claim-group${group.disputed ? " is-disputed" : ""}` });
    const range = group.low === group.high ? `${group.low}` : `${group.low}–${group.high}`;
    const head = el("div", { class: "claim-head" });
    head.append(
      el("span", { class: "claim-label" }, `${group.label} (${group.unit})`),
      el("span", { class: "claim-range" }, range),
    );
    if (group.disputed) head.append(el("span", { class: "disputed" }, "disputed"));
    if (group.story_title) head.append(el("span", { class: "claim-story" }, group.story_title));
    const ul = el("ul", { class: "claim-values" });
    for (const v of group.values) {
      const li = el("li", { class: "claim-value", tabindex: "0" });
      li.append(
        el("span", { class: "figure" }, `${v.approx ? v.approx + " " : ""}${v.value}${v.value_max ? "–" + v.value_max : ""}`),
        el("span", { class: "claimant" }, v.claimant || "(the outlet)"),
        el("span", { class: "status" }, v.status),
        el("span", { class: "against" }, v.disputed_by.length ? `disputed by ${v.disputed_by.join(", ")}` : ""),
        el("span", { class: "outlet" }, [v.source, v.published].filter(Boolean).join(", ")),
      );
      li.addEventListener("click", () => openArticle(v.article_id, null, v.span, v.claim_id));
      ul.append(li);
    }
    card.append(head, ul);
    box.append(card);
  }
  const more = document.getElementById("claims-more");
  more.hidden = !next;
  more.onclick = () => drawClaims(offset + CLAIM_PAGE);
}

// --- article view: every span highlighted by kind ------------------------------
function spansOf(doc) {
  const spans = [];
  const add = (start, end, kind, label, record) => spans.push({ start, end, kind, label, record });
  for (const e of doc.entities) for (const [s, t] of e.mentions) add(s, t, "entity", `${e.name} (${e.kind})`, { ...e, kind: "entity" });
  for (const p of doc.places) for (const [s, t] of p.mentions) add(s, t, "place", `${p.name} (${p.kind})`, { ...p, kind: "place" });
  for (const t of doc.times) add(t.span[0], t.span[1], "time", `${t.text} = ${t.value}`, { ...t, kind: "time" });
  for (const q of doc.quotes) add(q.span[0], q.span[1], "quote", `quote by ${q.speaker_text || "?"}`, { ...q, kind: "quote" });
  for (const c of doc.claims) add(c.span[0], c.span[1], "claim", `claim: ${c.value} ${c.unit}`, { ...c, kind: "claim" });
  for (const ev of doc.events) add(ev.trigger[0], ev.trigger[1], "event", `${ev.type} [${ev.status}]`, { ...ev, kind: "event" });
  return spans;
}

// The title's own spans: names it alone gives, and the events only it reports
// (their offsets are into the title).
function titleSpansOf(doc) {
  const spans = [];
  const add = (start, end, kind, label, record) => spans.push({ start, end, kind, label, record });
  for (const e of doc.entities) for (const [s, t] of e.title_mentions || []) add(s, t, "entity", `${e.name} (${e.kind})`, { ...e, kind: "entity" });
  for (const p of doc.places) for (const [s, t] of p.title_mentions || []) add(s, t, "place", `${p.name} (${p.kind})`, { ...p, kind: "place" });
  for (const ev of doc.title_events || []) add(ev.trigger[0], ev.trigger[1], "event", `${ev.type} [${ev.status}] (headline)`, { ...ev, kind: "event", from_title: true });
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

let current = null; // the article shown: its document and a name for every id

function renderText(text, rawSpans, rawFocus, boxId = "article-text") {
  const unit = codeUnitIndex(text);
  const spans = rawSpans.map((s) => ({ ...s, start: unit(s.start), end: unit(s.end) }));
  const focus = rawFocus ? [unit(rawFocus[0]), unit(rawFocus[1])] : null;
  // boundaries from every span; each piece of text carries the kinds covering it
  const cuts = new Set([0, text.length]);
  for (const s of spans) { cuts.add(s.start); cuts.add(s.end); }
  if (focus) { cuts.add(focus[0]); cuts.add(focus[1]); }
  const points = [...cuts].filter((c) => c >= 0 && c <= text.length).sort((a, b) => a - b);
  const box = document.getElementById(boxId);
  box.replaceChildren();
  let focusNode = null;
  for (let i = 0; i < points.length - 1; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const covering = spans.filter((s) => s.start <= a && b <= s.end);
    const inFocus = focus && focus[0] <= a && b <= focus[1];
    const piece = text.slice(a, b);
    if (!covering.length && !inFocus) { box.append(document.createTextNode(piece)); continue; }
    const node = el("span", {}, piece);
    const kinds = [...new Set(covering.map((s) => s.kind))];
    node.className = kinds.map((k) => `hl-${k}`).join(" ") + (inFocus ? " hl-sentence" : "");
    node.title = covering.map((s) => s.label).join("\n");
    node.addEventListener("click", () => showDetails(covering.map((s) => s.record)));
    if (inFocus && !focusNode) focusNode = node;
    box.append(node);
  }
  return focusNode;
}

function nameOf(id) {
  if (!id || !current) return id || "";
  return current.names.get(id) || id;
}

function sentenceOf(span, fromTitle = false) {
  if (!span || !current) return "";
  const chars = [...((fromTitle ? current.doc.article.title : current.doc.article.text) || "")];
  return chars.slice(span[0], span[1]).join("");
}

// What a record says, in words: names instead of ids, the sentence it comes from.
function describe(r) {
  const rows = [];
  const add = (k, v) => { if (v !== null && v !== undefined && v !== "" && !(Array.isArray(v) && !v.length)) rows.push([k, v]); };
  if (r.kind === "event") {
    add("event", r.mode ? `${r.type} (${r.mode})` : r.type);
    add("status", r.status);
    add("who", r.actors.map(nameOf).join(", "));
    add("to whom", r.recipients.map(nameOf).join(", "));
    add("where", nameOf(r.place));
    add("when", r.time_value ? `${r.time_value}${r.time_from ? ` (from the ${r.time_from})` : ""}` : "");
    add("according to", nameOf(r.source));
    add("confidence", r.confidence);
    add("reported in", r.from_title ? "the headline only" : r.in_title ? "the text and the headline" : "");
    add("sentence", sentenceOf(r.sentence, r.from_title));
  } else if (r.kind === "entity") {
    add("actor", r.name);
    add("kind", r.kind_);
    add("country", r.country);
    add("sector", r.sector);
    add("role", r.role);
    add("mentions", r.mentions.length);
  } else if (r.kind === "place") {
    add("place", `${r.name} (${r.kind_})`);
    add("country", r.country);
    add("region", r.iso3166_2);
    add("coordinates", r.lat !== null && r.lat !== undefined ? `${r.lat.toFixed(3)}, ${r.lon.toFixed(3)}` : "");
    add("GeoNames", r.geonameid);
    add("chosen because", r.resolved_by);
  } else if (r.kind === "time") {
    add("time", `${r.text} (${r.kind_})`);
    add("value", r.value);
    add("relative to", r.anchor);
  } else if (r.kind === "quote") {
    add("speaker", nameOf(r.speaker) || r.speaker_text);
    add("kind of quote", r.kind_ || "");
    add("cue", r.cue);
    add("words", r.text);
  } else if (r.kind === "claim") {
    add("figure", `${r.approx ? r.approx + " " : ""}${r.value}${r.value_max ? "–" + r.value_max : ""} ${r.unit}`);
    add("of", r.measure);
    add("claimed by", nameOf(r.claimant) || r.claimant_text);
    add("status", r.status);
    add("disputed by", r.disputed_by.map(nameOf).join(", "));
    add("sentence", sentenceOf(r.sentence));
  }
  return rows;
}

function showDetails(records) {
  const aside = document.getElementById("details");
  aside.replaceChildren();
  for (const r of records) {
    const dl = el("dl", { class: `record record-${r.kind}` });
    for (const [k, v] of describe(r)) dl.append(el("dt", {}, k), el("dd", {}, v));
    aside.append(dl);
  }
}

async function openArticle(articleId, eventId, span, claimId) {
  showDetails([]); // never the previous article's details under this one
  const r = await fetch(`/api/articles/${encodeURIComponent(articleId)}`);
  if (!r.ok) return;
  const doc = await r.json();
  // a record's own "kind" (person, city, date, direct quote) is kept as kind_;
  // "kind" says which list it is in
  for (const list of [doc.entities, doc.places, doc.times, doc.quotes]) for (const x of list) x.kind_ = x.kind;
  const names = new Map([...doc.entities, ...doc.places].map((x) => [x.id, x.name]));
  current = { doc, names };
  const view = document.getElementById("article-view");
  view.hidden = false;
  for (const t of doc.title_events || []) t.from_title = true;
  const meta = document.getElementById("article-meta");
  meta.replaceChildren(
    document.createTextNode([doc.article.source, doc.article.published].filter(Boolean).join(" · ") + " · "),
    link(doc.article.url, doc.article.url || "no source link"),
  );
  const legend = document.getElementById("legend");
  legend.replaceChildren(...["entity", "place", "time", "event", "quote", "claim"].map(
    (k) => el("span", { class: `key hl-${k}` }, k)));
  const ev = eventId ? [...doc.events, ...(doc.title_events || [])].find((e) => e.id === eventId) : null;
  const claim = claimId ? doc.claims.find((c) => c.id === claimId) : null;
  const inTitle = Boolean(ev && ev.from_title);
  const focus = ev ? ev.sentence : claim ? claim.sentence : span || null;
  renderText(doc.article.title || "(untitled)", doc.article.title ? titleSpansOf(doc) : [], inTitle ? focus : null, "article-title");
  const node = renderText(doc.article.text, spansOf(doc), inTitle ? null : focus);
  if (ev) showDetails([{ ...ev, kind: "event" }]);
  else if (claim) showDetails([{ ...claim, kind: "claim" }]);
  view.scrollIntoView();
  if (node) node.scrollIntoView({ block: "center" });
}

// --- downloads: the event rows the current filters select ------------------------
async function download(format) {
  const items = await getAll("/api/clusters");
  let blob;
  if (format === "json") {
    blob = new Blob([JSON.stringify(items, null, 1)], { type: "application/json" });
  } else {
    const cols = ["id", "date", "date_end", "type", "actors", "recipients", "place", "statuses", "num_articles", "num_sources", "sources"];
    const cell = (v) => `"${String(v ?? "").replace(/"/g, '""')}"`;
    const rows = items.map((c) => [
      c.id, c.date, c.date_end, c.type,
      c.actors.map((p) => p.name).join("; "), c.recipients.map((p) => p.name).join("; "),
      c.place ? c.place.name || c.place.key : "", c.statuses.join("; "),
      c.num_articles, c.num_sources, c.sources.join("; "),
    ].map(cell).join(","));
    blob = new Blob([[cols.join(","), ...rows].join("\n") + "\n"], { type: "text/csv" });
  }
  const a = el("a", { href: URL.createObjectURL(blob), download: `newsevents-events.${format}` });
  document.body.append(a);
  a.click();
  a.remove();
}

async function refresh() {
  document.body.dataset.ready = "0";
  await Promise.all([drawTimeline(), drawMap(), drawGraph(), drawClusters(), drawStories(), drawEvents(), drawClaims()]);
  document.body.dataset.ready = "1";
}

document.getElementById("timeline-by").addEventListener("change", () => drawTimeline());
document.getElementById("clusters-more").addEventListener("click", () => drawClusters(clusterOffset + CLUSTER_PAGE));
document.getElementById("claims-disputed").addEventListener("change", () => drawClaims());
document.getElementById("map-area").addEventListener("change", (e) => {
  form.elements.bbox.value = e.target.checked ? visibleArea() : "";
  apply();
});
document.getElementById("dl-csv").addEventListener("click", () => download("csv"));
document.getElementById("dl-json").addEventListener("click", () => download("json"));
form.addEventListener("submit", (e) => { e.preventDefault(); apply(); });
form.addEventListener("reset", () => setTimeout(() => {
  document.getElementById("map-area").checked = false;
  MAP.transform = d3.zoomIdentity;
  apply();
}, 0));
window.addEventListener("popstate", () => { fromURL(); refresh(); });
fromURL();
refresh();
