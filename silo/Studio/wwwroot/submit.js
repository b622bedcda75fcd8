// The submit page: a dropped or chosen file streams up with a progress bar, or a server path goes as JSON.
import { request, upload } from './api.js';
import { $, hideError, showError } from './dom.js';

let file = null;

function options() {
  const fields = {};
  const target = $('submit-target').value;
  if (target) fields.targetDuration = target;
  if ($('submit-framing').value) fields.framing = $('submit-framing').value;
  fields.llm = $('submit-llm').value;
  const budget = $('submit-budget').value;
  if (budget && fields.llm !== 'offline') fields.budgetUsd = budget;
  return fields;
}

function choose(chosen) {
  file = chosen;
  $('drop-label').textContent = file ? `${file.name} (${(file.size / 1048576).toFixed(1)} MiB)` : 'Drop a video here, or press Enter to choose one';
}

function mode() {
  return document.querySelector('input[name="mode"]:checked').value;
}

async function submit(event) {
  event.preventDefault();
  hideError();
  const status = $('submit-status');
  const bar = $('submit-progress');
  $('submit-go').disabled = true;
  try {
    let video;
    if (mode() === 'upload') {
      if (!file) throw new Error('choose or drop a video file first');
      bar.hidden = false;
      bar.value = 0;
      video = await upload(file, options(), (fraction) => {
        bar.value = Math.round(fraction * 100);
        status.textContent = `Uploading… ${bar.value}%`;
      });
    } else {
      const fields = options();
      const body = { source: $('submit-path').value.trim(), llm: fields.llm, framing: fields.framing };
      if (fields.targetDuration) body.targetDuration = Number(fields.targetDuration);
      if (fields.budgetUsd) body.budgetUsd = Number(fields.budgetUsd);
      video = (await request('POST', '/v1/videos', body)).body;
    }
    status.textContent = `Submitted ${video.id}.`;
    location.hash = '#/videos';
  } catch (error) {
    status.textContent = '';
    showError(error);
  } finally {
    $('submit-go').disabled = false;
    bar.hidden = true;
  }
}

export function wireSubmit() {
  const drop = $('drop');
  const input = $('submit-file');
  drop.addEventListener('click', () => input.click());
  drop.addEventListener('keydown', (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); input.click(); } });
  input.addEventListener('change', () => choose(input.files[0] ?? null));
  drop.addEventListener('dragover', (e) => { e.preventDefault(); drop.classList.add('over'); });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (e) => { e.preventDefault(); drop.classList.remove('over'); choose(e.dataTransfer.files[0] ?? null); });
  for (const radio of document.querySelectorAll('input[name="mode"]')) {
    radio.addEventListener('change', () => {
      $('path-row').hidden = mode() !== 'path';
      drop.hidden = mode() !== 'upload';
    });
  }
  $('submit-form').addEventListener('submit', submit);
}
