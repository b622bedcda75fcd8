// The source timeline in plain SVG: signal plots, the chosen segments (numbered in reel order) with draggable edges,
// the transcript's words, the selection and the playhead. Drawn at the element's pixel width, again on resize.
const SVG = 'http://www.w3.org/2000/svg';
const PLOT = 90;
const BAND_TOP = 96;
const BAND = 34;
const WORDS_TOP = BAND_TOP + BAND + 6;
const HEIGHT = WORDS_TOP + 18;

function el(name, attributes, parent) {
  const node = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
  if (parent) parent.appendChild(node);
  return node;
}

export class Timeline {
  /** `handlers`: seek(seconds), select(a, b), drag(index, edge, seconds, done), play(index). */
  constructor(host, handlers) {
    this.host = host;
    this.handlers = handlers;
    this.model = null;
    new ResizeObserver(() => this.draw()).observe(host);
  }

  /** `model`: duration, signals (ReviewSignals or null), segments, words, selection {start, end} or null, playhead. */
  update(model) {
    this.model = model;
    this.draw();
  }

  x(seconds) { return (seconds / this.model.duration) * this.width; }

  seconds(clientX) {
    const box = this.svg.getBoundingClientRect();
    return Math.min(this.model.duration, Math.max(0, ((clientX - box.left) / box.width) * this.model.duration));
  }

  draw() {
    if (!this.model || !this.model.duration) return;
    this.width = Math.max(200, this.host.clientWidth);
    this.host.replaceChildren();
    const svg = el('svg', { width: this.width, height: HEIGHT, viewBox: `0 0 ${this.width} ${HEIGHT}`, role: 'img', 'aria-label': 'Source timeline with signals, segments and words' }, this.host);
    this.svg = svg;
    el('rect', { x: 0, y: 0, width: this.width, height: HEIGHT, class: 'tl-bg' }, svg);
    this.plots(svg);
    el('rect', { x: 0, y: BAND_TOP, width: this.width, height: BAND, class: 'tl-band' }, svg);
    this.selection(svg);
    this.segments(svg);
    this.words(svg);
    el('line', { x1: this.x(this.model.playhead), x2: this.x(this.model.playhead), y1: 0, y2: HEIGHT, class: 'tl-playhead' }, svg);
    svg.addEventListener('pointerdown', (e) => this.pointerDown(e));
  }

  plots(svg) {
    const signals = this.model.signals;
    if (!signals) return;
    const series = [['audio', signals.audioExcitement], ['visual', signals.visualReaction], ['llm', signals.llmScore]];
    for (const [name, values] of series) {
      if (!values || values.length === 0) continue;
      const points = values.map((v, i) => `${this.x((i + 0.5) * signals.step).toFixed(1)},${(PLOT - v * (PLOT - 4)).toFixed(1)}`);
      el('polyline', { points: points.join(' '), class: `tl-plot ${name}` }, svg);
    }
  }

  selection(svg) {
    const s = this.model.selection;
    if (!s) return;
    const a = Math.min(s.start, s.end);
    const b = Math.max(s.start, s.end);
    el('rect', { x: this.x(a), y: 0, width: Math.max(1, this.x(b) - this.x(a)), height: HEIGHT, class: 'tl-selection' }, svg);
  }

  segments(svg) {
    this.model.segments.forEach((segment, index) => {
      const left = this.x(segment.start);
      const width = Math.max(2, this.x(segment.end) - left);
      const group = el('g', { class: `tl-segment${segment.added ? ' added' : ''}`, 'data-index': index }, svg);
      const body = el('rect', { x: left, y: BAND_TOP, width, height: BAND, rx: 3, class: 'tl-body' }, group);
      el('title', {}, body).textContent = `Segment ${index + 1}: ${segment.reasons?.join('; ') || 'no reason given'}`;
      const label = el('text', { x: left + 4, y: BAND_TOP + 22, class: 'tl-label' }, group);
      label.textContent = String(index + 1);
      body.addEventListener('pointerdown', (e) => { e.stopPropagation(); this.handlers.play(index); });
      for (const edge of ['start', 'end']) {
        const at = edge === 'start' ? left : left + width;
        const handle = el('rect', { x: at - 4, y: BAND_TOP - 4, width: 8, height: BAND + 8, class: 'tl-handle' }, group);
        handle.addEventListener('pointerdown', (e) => this.dragEdge(e, index, edge));
      }
    });
  }

  words(svg) {
    for (const word of this.model.words) {
      el('rect', { x: this.x(word.start), y: WORDS_TOP, width: Math.max(1, this.x(word.end) - this.x(word.start)), height: 12, class: 'tl-word' }, svg);
    }
    for (const cue of this.model.cues) {
      el('line', { x1: this.x(cue.start), x2: this.x(cue.start), y1: WORDS_TOP - 2, y2: HEIGHT, class: 'tl-cue' }, svg);
    }
  }

  dragEdge(event, index, edge) {
    event.stopPropagation();
    event.preventDefault();
    const move = (e) => this.handlers.drag(index, edge, this.seconds(e.clientX), false);
    const up = (e) => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
      this.handlers.drag(index, edge, this.seconds(e.clientX), true);
    };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
  }

  pointerDown(event) {
    const start = this.seconds(event.clientX);
    const startX = event.clientX;
    const move = (e) => this.handlers.select(start, this.seconds(e.clientX));
    const up = (e) => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
      if (Math.abs(e.clientX - startX) < 4) this.handlers.seek(start);
      else this.handlers.select(start, this.seconds(e.clientX));
    };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
  }
}
