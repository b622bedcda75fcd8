// The review page: reel and source players, the timeline, the editable segment list, approve, versions and exports.
import { ApiError, get, request } from './api.js';
import * as edit from './edit.js';
import { Timeline } from './timeline.js';
import { $, button, clear, showError, text } from './dom.js';

const EXPORTS = [['otio', 'OTIO'], ['fcpxml', 'FCPXML'], ['cmx3600', 'CMX 3600'], ['srt', 'SRT']];
const POLL_MS = 1500;

let state = null;
let timeline = null;
let versionsTimer = null;

export async function openReview(id) {
  stop();
  state = { id, segments: [], machine: [], words: [], cues: [], selection: null, playhead: 0, version: null, versions: [] };
  $('review-title').textContent = `Review ${id}`;
  clear($('segments'));
  clear($('edit-errors'));
  $('approve-status').textContent = '';
  const video = await get(`/v1/videos/${id}`);
  $('review-status').textContent = `${video.status}${video.stage ? ` · ${video.stage}` : ''}`;
  // Edits apply to a completed video's EDL only; the silo would refuse them (409) before.
  $('approve').disabled = video.status !== 'completed';
  if (video.status !== 'completed') {
    $('review-status').textContent += ' · edits open when the video has completed';
  }

  const source = $('source-player');
  source.src = `/v1/videos/${id}/source`;
  source.ontimeupdate = () => {
    state.playhead = source.currentTime;
    $('source-time').textContent = edit.clock(source.currentTime);
    if (state.stopAt !== null && state.stopAt !== undefined && source.currentTime >= state.stopAt) {
      source.pause();
      state.stopAt = null;
    }
    draw();
  };
  timeline ??= new Timeline($('timeline'), { seek, select, drag, play: playSegment });

  const [signals, transcript] = await Promise.all([
    get(`/v1/videos/${id}/signals`).catch(() => null),
    get(`/v1/videos/${id}/transcript`).catch(() => null),
  ]);
  state.signals = signals;
  $('legend-llm').hidden = !signals?.llmScore;
  state.cues = transcript?.cues ?? [];
  state.words = state.cues.flatMap((c) => c.words ?? []).sort((a, b) => a.start - b.start);
  renderTranscript();
  if (video.status === 'completed') {
    await loadVersions();
    await loadEdl(state.versions.at(-1)?.version ?? 1);
  }
}

export function stop() {
  clearTimeout(versionsTimer);
  versionsTimer = null;
  $('source-player').pause();
  $('reel-player').pause();
}

async function loadEdl(version) {
  const { body, headers } = await request('GET', `/v1/videos/${state.id}/edl?version=${version}`);
  state.edl = body;
  state.version = Number(headers.get('Highlights-Edl-Version') ?? version);
  state.fps = body.source.fps;
  state.duration = body.source.duration;
  state.lastFrame = Math.floor(body.source.duration * body.source.fps + 1e-6);
  state.overlap = Math.max(0, ...body.segments.map((s) => (s.transition?.type === 'crossfade' ? s.transition.frames : 0)));
  // The EDL's JSON is snake_case (docs/edl-v1.schema.json); the page's edit arithmetic works in frames by these names.
  state.machine = body.segments.map((s) => ({ ...s, startFrame: s.start_frame, endFrame: s.end_frame }));
  state.segments = state.machine.map((s) => ({ ...s }));
  state.selection = null;
  showReel();
  renderSegments();
  renderVersions();
}

function showReel() {
  const entry = state.versions.find((v) => v.version === state.version);
  const player = $('reel-player');
  $('reel-version').textContent = `version ${state.version}`;
  if (!entry || entry.render.status === 'completed') {
    const src = `/v1/videos/${state.id}/render?version=${state.version}`;
    if (!player.src.endsWith(src)) player.src = src;
    $('reel-note').textContent = '';
  } else {
    player.removeAttribute('src');
    player.load();
    $('reel-note').textContent = entry.render.status === 'failed'
      ? `The render of version ${state.version} failed: ${entry.render.error ?? 'no reason given'}`
      : `Version ${state.version} is ${entry.render.status}; the reel appears here when it is done.`;
  }
}

async function loadVersions() {
  try {
    state.versions = (await get(`/v1/videos/${state.id}/edl/versions`)).versions;
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 404) throw error;
    state.versions = [];
  }
  renderVersions();
  clearTimeout(versionsTimer);
  if (state.versions.some((v) => v.render.status === 'pending' || v.render.status === 'rendering')) {
    versionsTimer = setTimeout(async () => { await loadVersions(); showReel(); }, POLL_MS);
  }
}

function draw() {
  if (!state?.duration) return;
  timeline.update({
    duration: state.duration, signals: state.signals, segments: state.segments, words: state.words, cues: state.cues,
    selection: state.selection, playhead: state.playhead,
  });
}

function seek(seconds) {
  $('source-player').currentTime = seconds;
  state.playhead = seconds;
  draw();
}

function select(a, b) {
  state.selection = { start: a, end: b };
  showSelection();
  draw();
}

function showSelection() {
  const s = state.selection;
  $('selection').textContent = s && s.end !== undefined ? `Selection ${edit.clock(Math.min(s.start, s.end))} – ${edit.clock(Math.max(s.start, s.end))}` : '';
  $('add-segment').disabled = !(s && Math.abs(s.end - s.start) * state.fps >= 1);
}

function drag(index, edge, seconds, done) {
  const segment = state.segments[index];
  const frame = edit.snapCut(seconds, state.fps, state.words, 0);
  const start = edge === 'start' ? edit.clamp(frame, 0, segment.endFrame - 1) : segment.startFrame;
  const end = edge === 'end' ? edit.clamp(frame, segment.startFrame + 1, state.lastFrame) : segment.endFrame;
  state.segments[index] = edit.withFrames(segment, start, end, state.fps);
  if (done) renderSegments(); else draw();
}

function playSegment(index) {
  const segment = state.segments[index];
  const source = $('source-player');
  source.currentTime = segment.start;
  state.stopAt = segment.end;
  source.play().catch(() => {});
}

function nudge(index, edge, frames) {
  state.segments[index] = edit.moveEdge(state.segments[index], edge, frames, state.fps, state.words, state.lastFrame);
  renderSegments();
  document.querySelector(`[data-seg="${index}"][data-edge="${edge}"]`)?.focus();
}

function move(index, to) {
  state.segments = edit.reorder(state.segments, index, to);
  renderSegments();
  document.querySelector(`[data-seg="${to}"] [data-action="${to < index ? 'up' : 'down'}"]`)?.focus();
}

function remove(index) {
  state.segments = state.segments.filter((_, i) => i !== index);
  renderSegments();
}

function edgeControl(index, edge, segment) {
  const seconds = edge === 'start' ? segment.start : segment.end;
  const control = text('span', edit.clock(seconds), 'edge mono');
  Object.assign(control.dataset, { seg: index, edge });
  control.tabIndex = 0;
  control.setAttribute('role', 'slider');
  control.setAttribute('aria-label', `Segment ${index + 1} ${edge === 'start' ? 'in' : 'out'} point`);
  control.setAttribute('aria-valuemin', '0');
  control.setAttribute('aria-valuemax', String(state.duration));
  control.setAttribute('aria-valuenow', String(seconds));
  control.setAttribute('aria-valuetext', edit.clock(seconds));
  control.addEventListener('keydown', (e) => {
    const step = e.shiftKey ? Math.round(state.fps) : 1;
    const by = { ArrowLeft: -step, ArrowDown: -step, ArrowRight: step, ArrowUp: step, PageDown: -10 * step, PageUp: 10 * step }[e.key];
    if (by) {
      e.preventDefault();
      nudge(index, edge, by);
    }
  });
  return control;
}

function renderSegments() {
  const list = $('segments');
  clear(list);
  state.segments.forEach((segment, index) => {
    const item = document.createElement('li');
    item.dataset.seg = index;
    item.dataset.start = segment.start;
    item.dataset.end = segment.end;
    item.className = segment.added ? 'segment added' : 'segment';
    const head = document.createElement('div');
    head.className = 'seg-head';
    head.append(
      text('strong', `${index + 1}`),
      text('span', 'In'), edgeControl(index, 'start', segment),
      text('span', 'Out'), edgeControl(index, 'end', segment),
      text('span', `${((segment.endFrame - segment.startFrame) / state.fps).toFixed(2)} s`, 'mono'));
    const actions = document.createElement('div');
    actions.className = 'seg-actions';
    actions.append(
      button('Play', () => playSegment(index), `Play segment ${index + 1} from the source`, 'play'),
      button('↑', () => move(index, index - 1), `Move segment ${index + 1} earlier in the reel`, 'up', index === 0),
      button('↓', () => move(index, index + 1), `Move segment ${index + 1} later in the reel`, 'down', index === state.segments.length - 1),
      button('Remove', () => remove(index), `Remove segment ${index + 1}`, 'remove'));
    head.append(actions);
    item.append(head, text('p', reasonOf(segment), 'reason'));
    list.append(item);
  });
  const reel = edit.reelSeconds(state.segments, state.fps, state.overlap);
  $('edit-total').textContent = `${state.segments.length} segment${state.segments.length === 1 ? '' : 's'} · reel ${reel.toFixed(2)} s (target ${state.edl.target_duration} s)`;
  $('edit-total').dataset.reelSeconds = reel;
  draw();
}

function reasonOf(segment) {
  const parts = [...(segment.reasons ?? [])];
  if (segment.llm) parts.push(`LLM ${segment.llm.score}/100: ${segment.llm.title} — ${segment.llm.reason}`);
  if (segment.signals) {
    const s = segment.signals;
    const terms = [['audio', s.audio], ['visual', s.visual], ['keywords', s.keywords], ['llm', s.llm]].filter(([, v]) => v !== null && v !== undefined);
    if (terms.length) parts.push(terms.map(([n, v]) => `${n} ${Number(v).toFixed(2)}`).join(', '));
  }
  if (segment.text) parts.push(`“${segment.text}”`);
  return parts.join(' · ') || 'Added in the studio';
}

function renderTranscript() {
  const host = $('transcript');
  clear(host);
  if (state.cues.length === 0) {
    host.textContent = 'No transcript for this video.';
    return;
  }
  for (const cue of state.cues) {
    const line = button(`${edit.clock(cue.start)}  ${cue.text}`, () => seek(cue.start), `Play the source from ${edit.clock(cue.start)}`);
    line.className = 'cue';
    host.append(line);
  }
}

function renderVersions() {
  const body = $('versions-body');
  clear(body);
  const versions = state.versions.length ? state.versions : state.version ? [{ version: state.version, createdBy: 'machine', createdAt: null, segments: state.machine.length, durationSeconds: state.edl?.reel_duration ?? state.edl?.total_duration, render: { status: 'completed' } }] : [];
  for (const v of versions) {
    const row = document.createElement('tr');
    row.dataset.version = v.version;
    const open = button(`v${v.version}`, () => loadEdl(v.version), `Open version ${v.version}`);
    if (v.version === state.version) open.setAttribute('aria-current', 'true');
    const exports = document.createElement('td');
    for (const [format, label] of EXPORTS) {
      const link = text('a', label, 'export');
      link.href = `/v1/videos/${state.id}/export?format=${format}&version=${v.version}`;
      link.setAttribute('download', '');
      exports.append(link);
    }
    const cell = document.createElement('td');
    cell.append(open);
    row.append(cell,
      text('td', v.createdBy),
      text('td', v.createdAt ? new Date(v.createdAt).toLocaleString() : ''),
      text('td', String(v.segments)),
      text('td', v.durationSeconds !== undefined && v.durationSeconds !== null ? `${Number(v.durationSeconds).toFixed(2)} s` : ''),
      text('td', v.render.status === 'failed' ? `failed: ${v.render.error ?? ''}` : v.render.status, `status ${v.render.status}`),
      exports);
    body.append(row);
  }
}

/** The EDL the silo is sent on approve: the version's EDL with the segments as edited, in reel order. */
function editedEdl() {
  return {
    ...state.edl,
    segments: state.segments.map((s) => ({
      id: s.added ? '' : s.id, start: s.start, end: s.end, start_frame: s.startFrame, end_frame: s.endFrame,
      score: s.score ?? 0, reasons: s.reasons ?? [], text: s.text ?? '', signals: s.signals ?? null, llm: s.llm ?? null,
    })),
  };
}

async function approve() {
  clear($('edit-errors'));
  if (!state.edl) return;
  if (state.segments.length === 0) {
    showErrors({ segments: ['keep at least one segment'] });
    return;
  }
  $('approve').disabled = true;
  $('approve-status').textContent = 'Saving…';
  try {
    const { body } = await request('PUT', `/v1/videos/${state.id}/edl`, editedEdl());
    $('approve-status').textContent = `Saved as version ${body.version}; rendering.`;
    await loadVersions();
    await loadEdl(body.version);
  } catch (error) {
    $('approve-status').textContent = '';
    if (error instanceof ApiError && error.status === 422 && error.problem?.errors) showErrors(error.problem.errors);
    else showError(error);
  } finally {
    $('approve').disabled = false;
  }
}

function showErrors(errors) {
  const list = $('edit-errors');
  for (const [field, messages] of Object.entries(errors)) {
    const match = /^segments\[(\d+)\]/.exec(field);
    const where = match ? `Segment ${Number(match[1]) + 1}` : field;
    for (const message of [].concat(messages)) list.append(text('li', `${where}: ${message}`));
    if (match) document.querySelector(`li[data-seg="${match[1]}"]`)?.classList.add('invalid');
  }
}

export function wireReview() {
  $('approve').addEventListener('click', approve);
  $('revert').addEventListener('click', () => { state.segments = state.machine.map((s) => ({ ...s })); clear($('edit-errors')); renderSegments(); });
  $('mark-in').addEventListener('click', () => { state.selection = { start: state.playhead, end: state.selection?.end ?? state.playhead }; showSelection(); draw(); });
  $('mark-out').addEventListener('click', () => { state.selection = { start: state.selection?.start ?? state.playhead, end: state.playhead }; showSelection(); draw(); });
  $('add-segment').addEventListener('click', () => {
    const s = state.selection;
    const segment = edit.segmentFrom(s.start, s.end, state.fps, state.words, state.lastFrame, '');
    if (!segment) return;
    state.segments.push(segment);
    state.selection = null;
    showSelection();
    renderSegments();
  });
}
