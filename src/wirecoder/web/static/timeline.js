// Timelines that draw each event over its date range at its precision: a day is a solid
// bar, a week lighter, a month, a year or a longer range a pale bar with an outline across
// the whole range; overlapping events go to separate lanes. Shared by the map and the dossier.
const PRECISION_FILL = {day: 0.95, week: 0.6, month: 0.3, year: 0.3, range: 0.3};
const isoDay = t => new Date(t).toISOString().slice(0, 10);

// Rows [{id, type, start, end, precision}] in the svg across [t0, t1) (ms); bars link to
// their event pages. Returns {lanes, drawn}. opts: height cap, top margin, axis labels.
function drawSpans(svg, rows, t0, t1, opts = {}) {
  const width = svg.clientWidth || 800, pad = 18, axis = 16, top = opts.top || 4;
  const maxHeight = opts.maxHeight || 220;
  const x = t => pad + ((t - t0) / (t1 - t0)) * (width - 2 * pad);
  const minWidth = 3, pxPerMs = (width - 2 * pad) / (t1 - t0);
  const items = rows.map(r => { const [a, b] = spanOf(r.start, r.end); return {...r, a, b}; })
    .filter(it => it.b > t0 && it.a < t1)
    .sort((p, q) => p.a - q.a || q.b - p.b || (p.id < q.id ? -1 : 1));
  // a bar narrower than minWidth px still takes minWidth px in its lane
  for (const it of items) it.b = Math.max(it.b, it.a + minWidth / pxPerMs);
  const n = lanes(items, 1 / pxPerMs);
  const laneHeight = n ? Math.max(3, Math.min(12, (maxHeight - axis - top) / n)) : 12;
  const shown = Math.max(1, Math.floor((maxHeight - axis - top) / laneHeight));
  const height = Math.max(48, Math.min(n, shown) * laneHeight + axis + top);
  svg.setAttribute("height", height);
  svg.style.height = height + "px";
  let bars = "", drawn = 0;
  for (const it of items) {
    if (it.lane >= shown) continue;
    drawn++;
    const left = Math.max(x(it.a), pad - 2), right = Math.min(x(it.b), width - pad + 2);
    const colour = TYPE_COLOURS[it.type] || "#333";
    const label = `${it.type}: ${it.start}${it.end && it.end !== it.start ? " .. " + it.end : ""} (${it.precision})`;
    bars += `<a href="/events/${encodeURIComponent(it.id)}"><rect class="span-bar precision-${it.precision}" data-id="${esc(it.id)}" data-start="${it.start}" `
      + `x="${left.toFixed(1)}" y="${(top + it.lane * laneHeight).toFixed(1)}" width="${Math.max(minWidth, right - left).toFixed(1)}" height="${Math.max(2, laneHeight - 1).toFixed(1)}" `
      + `fill="${colour}" fill-opacity="${PRECISION_FILL[it.precision] ?? 0.3}" stroke="${colour}" stroke-width="${it.precision === "day" ? 0 : 1}"><title>${esc(label)}</title></rect></a>`;
  }
  svg.innerHTML = bars + ticks(t0, t1, x, height, width);
  return {lanes: n, drawn, total: items.length};
}

// Date labels under an axis: about one per 110 px, at day, month or year steps.
function ticks(t0, t1, x, height, width) {
  const count = Math.max(2, Math.floor(width / 110));
  const step = (t1 - t0) / count;
  const fmt = step > 300 * DAY ? d => d.slice(0, 4) : step > 25 * DAY ? d => d.slice(0, 7) : d => d;
  let out = "";
  for (let i = 0; i <= count; i++) {
    const t = t0 + i * step, px = x(t);
    const anchor = i === 0 ? "start" : i === count ? "end" : "middle";
    out += `<line x1="${px}" x2="${px}" y1="${height - 14}" y2="${height - 10}" stroke="#999"/>`
      + `<text class="tick" x="${px}" y="${height - 1}" font-size="10" text-anchor="${anchor}">${fmt(isoDay(t))}</text>`;
  }
  return out;
}

// Events per bucket, each event spread evenly over the buckets its range covers, stacked by
// type: the overview keeps a year-precision event as a low band across the year, not a spike.
function drawDensity(svg, rows, t0, t1) {
  const width = svg.clientWidth || 800, height = 56, pad = 18, axis = 16;
  const buckets = Math.max(10, Math.min(200, Math.floor((width - 2 * pad) / 4)));
  const size = (t1 - t0) / buckets;
  const types = Object.keys(TYPE_COLOURS);
  const stacks = Array.from({length: buckets}, () => Object.fromEntries(types.map(t => [t, 0])));
  for (const r of rows) {
    const [a, b] = spanOf(r.start, r.end);
    const i0 = Math.max(0, Math.floor((a - t0) / size)), i1 = Math.min(buckets - 1, Math.floor((b - 1 - t0) / size));
    if (i1 < i0) continue;
    for (let i = i0; i <= i1; i++) stacks[i][r.type] = (stacks[i][r.type] || 0) + 1 / (i1 - i0 + 1);
  }
  const peak = Math.max(1e-9, ...stacks.map(s => Object.values(s).reduce((p, q) => p + q, 0)));
  const x = t => pad + ((t - t0) / (t1 - t0)) * (width - 2 * pad);
  const barWidth = (width - 2 * pad) / buckets;
  let out = "";
  stacks.forEach((stack, i) => {
    let y = height - axis;
    for (const t of types) {
      if (!stack[t]) continue;
      const h = (stack[t] / peak) * (height - axis - 4);
      y -= h;
      out += `<rect class="density" x="${(pad + i * barWidth).toFixed(1)}" y="${y.toFixed(1)}" width="${Math.max(1, barWidth - 0.5).toFixed(1)}" height="${h.toFixed(1)}" fill="${TYPE_COLOURS[t]}"/>`;
    }
  });
  svg.setAttribute("height", height);
  svg.style.height = height + "px";
  svg.innerHTML = out + ticks(t0, t1, x, height, width);
  return x;
}

// Drag across an svg (mouse, pen or touch: pointer events) to choose a time range;
// onRange(fromMs, toMs). A plain click (under 4 px) calls onClick(target) instead.
function brushable(svg, toTime, onRange, onClick) {
  let start = null;
  const ns = "http://www.w3.org/2000/svg";
  const px = ev => ev.clientX - svg.getBoundingClientRect().left;
  svg.onpointerdown = ev => {
    start = px(ev);
    svg.setPointerCapture(ev.pointerId);
    let b = svg.querySelector("rect.brush-drag");
    if (!b) { b = document.createElementNS(ns, "rect"); b.setAttribute("class", "brush-drag"); svg.appendChild(b); }
    b.setAttribute("y", 0); b.setAttribute("height", svg.getAttribute("height") || 60);
    b.setAttribute("x", start); b.setAttribute("width", 0);
  };
  svg.onpointermove = ev => {
    if (start === null) return;
    const b = svg.querySelector("rect.brush-drag");
    b.setAttribute("x", Math.min(start, px(ev))); b.setAttribute("width", Math.abs(px(ev) - start));
  };
  svg.onpointerup = ev => {
    if (start === null) return;
    const end = px(ev), was = start;
    start = null;
    if (Math.abs(end - was) < 4) {
      const b = svg.querySelector("rect.brush-drag"); if (b) b.remove();
      if (onClick) onClick(document.elementFromPoint(ev.clientX, ev.clientY));
      return;
    }
    onRange(toTime(Math.min(was, end)), toTime(Math.max(was, end)));
  };
  svg.onpointercancel = () => { start = null; };
}
