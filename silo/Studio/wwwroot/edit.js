// The studio's edit arithmetic, pure: frame snapping, keeping cuts out of words, and the reel's length.
// The silo checks every edit again (frames, words, bounds); this only keeps the page's picture honest.

/** Seconds of frame `frame` at `fps`, rounded as the EDL writes times. */
export function timeOf(frame, fps) {
  return Math.round((frame / fps) * 1e6) / 1e6;
}

export function frameAt(seconds, fps) {
  return Math.round(seconds * fps);
}

/** The word that `seconds` falls strictly inside, or null. `words` is sorted by start. */
export function wordAt(words, seconds) {
  for (const word of words) {
    if (word.start >= seconds) return null;
    if (seconds < word.end) return word;
  }
  return null;
}

/**
 * A cut moved to `seconds`, on the frame grid and out of any word. Moving (direction -1 or 1) it jumps the word in
 * that direction, so holding an arrow key walks across speech word by word; placed (direction 0) it goes to the
 * nearer edge. Edges themselves are put on the frame outside the word.
 */
export function snapCut(seconds, fps, words, direction = 0) {
  let frame = frameAt(seconds, fps);
  const word = wordAt(words, timeOf(frame, fps));
  if (word) {
    const before = Math.floor(word.start * fps + 1e-6);
    const after = Math.ceil(word.end * fps - 1e-6);
    if (direction < 0) frame = before;
    else if (direction > 0) frame = after;
    else frame = seconds - word.start <= word.end - seconds ? before : after;
  }
  return frame;
}

/** Segment `segment` with its `edge` ('start' or 'end') moved by `frames`, snapped, and kept at least one frame long inside the source. */
export function moveEdge(segment, edge, frames, fps, words, lastFrame) {
  const current = edge === 'start' ? segment.startFrame : segment.endFrame;
  const direction = Math.sign(frames);
  let frame = snapCut(timeOf(current + frames, fps), fps, words, direction);
  if (edge === 'start') frame = clamp(frame, 0, segment.endFrame - 1);
  else frame = clamp(frame, segment.startFrame + 1, lastFrame);
  return withFrames(segment, edge === 'start' ? frame : segment.startFrame, edge === 'end' ? frame : segment.endFrame, fps);
}

/** Segment `segment` with the given frames and the times they stand for. */
export function withFrames(segment, startFrame, endFrame, fps) {
  return { ...segment, startFrame, endFrame, start: timeOf(startFrame, fps), end: timeOf(endFrame, fps) };
}

/** A new segment over a selection [a, b] seconds, snapped; null when it would be shorter than a frame. */
export function segmentFrom(a, b, fps, words, lastFrame, id) {
  const start = clamp(snapCut(Math.min(a, b), fps, words, -1), 0, lastFrame);
  const end = clamp(snapCut(Math.max(a, b), fps, words, 1), 0, lastFrame);
  if (end <= start) return null;
  return withFrames({ id, score: 0, reasons: ['added in the studio'], text: '', added: true }, start, end, fps);
}

/** The reel's length in seconds: the segments' frames end to end, less each crossfade's overlap. */
export function reelSeconds(segments, fps, overlapFrames = 0) {
  const frames = segments.reduce((sum, s) => sum + (s.endFrame - s.startFrame), 0);
  return Math.max(0, frames - overlapFrames * Math.max(0, segments.length - 1)) / fps;
}

/** Moves item `from` to `to`, returning a new array. */
export function reorder(items, from, to) {
  if (to < 0 || to >= items.length || from === to) return items;
  const copy = [...items];
  const [item] = copy.splice(from, 1);
  copy.splice(to, 0, item);
  return copy;
}

export function clamp(value, low, high) {
  return Math.min(high, Math.max(low, value));
}

/** 83.4 -> "1:23.40". */
export function clock(seconds) {
  const sign = seconds < 0 ? '-' : '';
  const s = Math.abs(seconds);
  const minutes = Math.floor(s / 60);
  const rest = (s - minutes * 60).toFixed(2).padStart(5, '0');
  return `${sign}${minutes}:${rest}`;
}
