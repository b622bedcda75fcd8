// The videos page: the tenant's videos, polled while the page is open, with cancel and retry.
import { get, request } from './api.js';
import { $, button, clear, showError, text } from './dom.js';

const POLL_MS = 2000;
let timer = null;

export function openVideos() {
  stopVideos();
  refresh();
}

export function stopVideos() {
  clearTimeout(timer);
  timer = null;
}

async function refresh() {
  try {
    render((await get('/v1/videos')).videos);
    $('videos-updated').textContent = `Updated ${new Date().toLocaleTimeString()}`;
  } catch (error) {
    showError(error);
  }
  timer = setTimeout(refresh, POLL_MS);
}

/** An error as a person reads it: what went wrong, in which stage, and whether it will be tried again. */
function plainError(video) {
  if (!video.error) return '';
  const again = video.queued ? ' It will be tried again.' : '';
  return `Stopped in ${video.error.stage}: ${video.error.message}.${again}`;
}

function render(videos) {
  const body = $('videos-body');
  clear(body);
  $('videos-empty').hidden = videos.length > 0;
  $('videos-table').hidden = videos.length === 0;
  for (const video of videos) {
    const row = document.createElement('tr');
    row.dataset.video = video.id;
    row.dataset.status = video.status;
    const name = document.createElement('td');
    const link = text('a', video.source.path.split('/').pop() || video.id);
    link.href = `#/review/${video.id}`;
    name.append(link, text('div', video.id, 'help mono'));
    const status = text('td', video.queued && video.status !== 'running' ? `${video.status} (queued)` : video.status, `status ${video.status}`);
    if (video.error) status.append(text('div', plainError(video), 'error'));
    const progress = document.createElement('td');
    const bar = document.createElement('progress');
    bar.max = 1;
    bar.value = video.progress;
    bar.setAttribute('aria-label', `Progress of ${video.id}`);
    progress.append(bar, text('span', ` ${Math.round(video.progress * 100)}%`));
    const actions = document.createElement('td');
    actions.className = 'row-actions';
    if (video.status === 'completed') {
      const review = text('a', 'Review', 'button-link');
      review.href = `#/review/${video.id}`;
      actions.append(review);
    }
    if (video.status === 'running' || video.queued) {
      actions.append(button('Cancel', () => control(video.id, 'cancel'), `Cancel ${video.id}`, 'cancel'));
    }
    if (['failed', 'cancelled', 'budget_exceeded'].includes(video.status) && !video.queued) {
      actions.append(button('Retry', () => control(video.id, 'retry'), `Retry ${video.id}`, 'retry'));
    }
    row.append(name, status, text('td', video.stage ?? (video.status === 'completed' ? 'all done' : '')), progress, text('td', `$${Number(video.costs.usd).toFixed(4)}`, 'mono'), actions);
    body.append(row);
  }
}

async function control(id, verb) {
  try {
    await request('POST', `/v1/videos/${id}/${verb}`);
    stopVideos();
    refresh();
  } catch (error) {
    showError(error);
  }
}
