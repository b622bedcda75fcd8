// Entry point: the session, and a hash router over the four pages (#/videos, #/submit, #/review/ID; sign-in when signed out).
import * as api from './api.js';
import { $, hideError, showError } from './dom.js';
import { openReview, stop as stopReview, wireReview } from './review.js';
import { wireSubmit } from './submit.js';
import { openVideos, stopVideos } from './videos.js';
import * as edit from './edit.js';

// For the browser tests and the curious: the edit arithmetic the page uses.
window.StudioEdit = edit;

let tenant = null;

function show(page) {
  for (const section of document.querySelectorAll('.page')) section.hidden = section.id !== `page-${page}`;
  for (const link of document.querySelectorAll('[data-nav]')) {
    if (link.dataset.nav === page) link.setAttribute('aria-current', 'page'); else link.removeAttribute('aria-current');
  }
  document.body.dataset.page = page;
}

async function route() {
  hideError();
  stopVideos();
  stopReview();
  $('nav').hidden = !tenant;
  $('tenant').textContent = tenant ? `Tenant ${tenant}` : '';
  if (!tenant) {
    show('signin');
    $('signin-key').focus();
    return;
  }
  const [, page, id] = location.hash.split('/');
  try {
    if (page === 'review' && id) {
      show('review');
      await openReview(id);
    } else if (page === 'submit') {
      show('submit');
    } else {
      show('videos');
      openVideos();
    }
  } catch (error) {
    if (error.status === 401) {
      tenant = null;
      route();
      return;
    }
    showError(error);
  }
}

async function signIn(event) {
  event.preventDefault();
  const field = $('signin-key');
  $('signin-error').textContent = '';
  try {
    tenant = await api.signIn(field.value);
    field.value = '';
    if (!location.hash || location.hash === '#/signin') location.hash = '#/videos'; else route();
  } catch (error) {
    field.value = '';
    $('signin-error').textContent = error.message;
  }
}

async function start() {
  $('signin-form').addEventListener('submit', signIn);
  $('sign-out').addEventListener('click', async () => {
    await api.signOut();
    tenant = null;
    route();
  });
  wireSubmit();
  wireReview();
  window.addEventListener('hashchange', route);
  tenant = await api.session();
  await route();
  document.body.dataset.ready = 'true';
}

start();
